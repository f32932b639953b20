package dev.axle.pep.record;

/**
 * Content that does not match its RECORD entry: another size, another digest, or a hash
 * algorithm that cannot be computed here.
 */
public final class RecordVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    RecordVerificationException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** The path of the entry that did not verify. */
    public String path() {
        return path;
    }
}
