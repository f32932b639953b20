package dev.axle.lock;

/** A lock file whose {@code lock-version} is not 1.x: written for a major version axle does not read. */
public final class PylockUnsupportedVersionException extends PylockValidationException {
    private static final long serialVersionUID = 1L;

    public PylockUnsupportedVersionException(String problem) {
        super(problem);
    }

    @Override
    PylockValidationException copy(String path) {
        // The version is a property of the whole document: it keeps its type wherever it is reported.
        return this;
    }
}
