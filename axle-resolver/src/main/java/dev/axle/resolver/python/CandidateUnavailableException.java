package dev.axle.resolver.python;

/**
 * A candidate the resolver cannot use: its metadata is unreadable, it is a source distribution
 * whose metadata is not static, a direct reference names no wheel... The message completes
 * "cannot be used because ...": the resolver moves on to other versions and names the reason
 * if none fits.
 */
public final class CandidateUnavailableException extends Exception {
    public CandidateUnavailableException(String reason) {
        super(reason);
    }
}
