package dev.axle.lock;

/**
 * A valid lock file that cannot serve the target it was asked for: the interpreter is outside
 * {@code requires-python}, no {@code environments} marker matches, two entries of one
 * package apply, or a package has no compatible wheel and no sdist.
 */
public final class PylockSelectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PylockSelectException(String message) {
        super(message);
    }
}
