package dev.axle.pep.record;

/**
 * A RECORD file, row or hash that does not follow the format of the binary distribution
 * format specification (PEP 376, PEP 627): {@code path,algorithm=digest,size} rows.
 */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    InvalidRecordException(String message) {
        this(0, message);
    }

    InvalidRecordException(int line, String message) {
        super(line > 0 ? "RECORD line " + line + ": " + message : message);
        this.line = line;
    }

    /** The 1-based line of the RECORD file where the bad row starts; 0 if not from a file. */
    public int line() {
        return line;
    }
}
