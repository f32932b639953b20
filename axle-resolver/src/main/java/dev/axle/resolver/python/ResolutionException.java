package dev.axle.resolver.python;

/**
 * No set of versions satisfies the requirements. The message is the explanation: the chain of
 * facts, from the projects' metadata, that rules every combination out.
 */
public final class ResolutionException extends Exception {
    public ResolutionException(String explanation) {
        super(explanation);
    }
}
