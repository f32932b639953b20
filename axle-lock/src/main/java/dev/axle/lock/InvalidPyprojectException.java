package dev.axle.lock;

/** A pyproject.toml that cannot be locked: not TOML, or a table or value of the wrong shape. */
public final class InvalidPyprojectException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPyprojectException(String message) {
        super(message);
    }
}
