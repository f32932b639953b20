package dev.axle.env;

/**
 * A problem with an interpreter or an environment that the user can act on; the message
 * says what happened, where, and what to do.
 */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
