package dev.axle.mirror.filter;

/** A filter given on the command line that cannot be used; the message says which and how to fix it. */
public final class InvalidFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidFilterException(String message) {
        super(message);
    }

    public InvalidFilterException(String message, Throwable cause) {
        super(message, cause);
    }
}
