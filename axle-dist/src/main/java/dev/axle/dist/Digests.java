package dev.axle.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The digests of a distribution file that indexes publish and upload forms carry: SHA-256
 * and MD5 in lower-case hex, and the size in bytes.
 */
public record Digests(String sha256, String md5, long size) {
    public Digests {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(md5, "md5");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }

    /** Reads {@code file} once and digests it. */
    public static Digests of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Reads {@code in} to its end and digests what it read; does not close it. */
    public static Digests of(InputStream in) throws IOException {
        DigestingOutputStream digesting = new DigestingOutputStream(OutputStream.nullOutputStream());
        in.transferTo(digesting);
        return digesting.digests();
    }
}
