package dev.axle.pep;

/** A filename that is not a valid wheel filename (binary distribution format, PEP 427). */
public final class InvalidWheelFilenameException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidWheelFilenameException(String reason, String filename, int start, int end) {
        super(reason, filename, start, end);
    }
}
