package dev.axle.installer;

/**
 * An install or uninstall that cannot go ahead, found before the environment was changed
 * (or rolled back after): the message says what, which wheel or distribution, and what to
 * do instead.
 */
public class InstallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
