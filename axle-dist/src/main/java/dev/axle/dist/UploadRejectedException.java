package dev.axle.dist;

/**
 * An upload whose form fields are wrong or disagree with the uploaded file. The message is
 * the reason an index answers with {@code 400 Bad Request}, worded as PyPI words it where
 * PyPI has a wording (clients such as twine show it to the user); it is one line.
 */
public final class UploadRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public UploadRejectedException(String message) {
        super(message);
    }

    /** The upload had no {@code content} part (the distribution file). */
    public static UploadRejectedException noContent() {
        return new UploadRejectedException("Upload payload does not have a file.");
    }
}
