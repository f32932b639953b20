package dev.axle.index;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A request to an index that did not succeed: the server could not be reached or did not answer
 * in time, or it answered with an error status. Failures that may pass (connection errors,
 * timeouts, 5xx, 429) are retried first, so the message counts the attempts made.
 */
public final class IndexUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int attempts;
    private final int status;

    /**
     * @param url      the URL as shown, credentials already redacted
     * @param attempts how many requests were made
     * @param status   the last HTTP status, or -1 if the last attempt got no response
     * @param problem  what went wrong last
     * @param hint     how to fix it
     * @param cause    the last exception, if any
     */
    IndexUnavailableException(String url, int attempts, int status, String problem, String hint, Throwable cause) {
        super("Could not fetch " + url + ": " + problem + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                + "). " + hint, cause);
        this.url = url;
        this.attempts = attempts;
        this.status = status;
    }

    /** The URL, credentials redacted. */
    public String url() {
        return url;
    }

    /** How many requests were made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** The last response's HTTP status; empty if the last attempt got no response. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
