package dev.axle.pep;

/** A string that is not a valid environment marker (PEP 508). */
public final class InvalidMarkerException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidMarkerException(String reason, String input, int start, int end) {
        super(reason, input, start, end);
    }
}
