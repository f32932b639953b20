package dev.axle.installer;

/**
 * A {@code direct_url.json} document that does not follow the Direct URL Data Structure
 * specification (PEP 610): not JSON, a required key missing, a value of the wrong type, or
 * not exactly one of {@code archive_info}, {@code vcs_info} and {@code dir_info}.
 */
public final class InvalidDirectUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDirectUrlException(String message) {
        super(message);
    }

    public InvalidDirectUrlException(String message, Throwable cause) {
        super(message, cause);
    }
}
