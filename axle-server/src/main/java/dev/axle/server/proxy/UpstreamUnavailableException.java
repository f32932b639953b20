package dev.axle.server.proxy;

/**
 * A proxy index needed its upstream (a page it never fetched, a file it never downloaded) and
 * the upstream could not be reached or answered an error. The server answers 503 when no
 * response came (connection refused, timeout), 502 when the upstream answered badly.
 */
public final class UpstreamUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean answered;

    UpstreamUnavailableException(String message, boolean answered, Throwable cause) {
        super(message, cause);
        this.answered = answered;
    }

    /** The HTTP status to answer with: 502 Bad Gateway or 503 Service Unavailable. */
    public int status() {
        return answered ? 502 : 503;
    }
}
