package dev.axle.pep;

/** A filename that is not a valid source distribution filename. */
public final class InvalidSdistFilenameException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidSdistFilenameException(String reason, String filename, int start, int end) {
        super(reason, filename, start, end);
    }
}
