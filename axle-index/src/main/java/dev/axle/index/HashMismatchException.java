package dev.axle.index;

import java.io.IOException;

/**
 * A file or metadata file whose digest differs from the one its project page gives: it was
 * changed on the index after the page was written, or corrupted on the way.
 */
public final class HashMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String algorithm;
    private final String expected;
    private final String actual;

    /** {@code url} as shown, its credentials already redacted. */
    HashMismatchException(String url, String algorithm, String expected, String actual) {
        super("Hash mismatch for " + url + ": expected " + algorithm + ":" + expected + ", got " + algorithm + ":"
                + actual + ". The index served a file other than the one its page describes; nothing was kept."
                + " Try again, and if it persists, report it to the index's maintainers");
        this.url = url;
        this.algorithm = algorithm;
        this.expected = expected;
        this.actual = actual;
    }

    /** The URL, credentials redacted. */
    public String url() {
        return url;
    }

    /** The hash algorithm's name, as in {@code hashlib}: {@code sha256}. */
    public String algorithm() {
        return algorithm;
    }

    /** The digest the page gives, in lower-case hex. */
    public String expected() {
        return expected;
    }

    /** The digest of what was received, in lower-case hex. */
    public String actual() {
        return actual;
    }
}
