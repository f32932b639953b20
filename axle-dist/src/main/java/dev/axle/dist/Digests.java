package dev.axle.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The digests of a distribution file that indexes publish and upload forms carry: SHA-256
 * and MD5 in lower-case hex, and the size in bytes.
 */
public record Digests(String sha256, String md5, long size) {
    private static final int BUFFER = 64 * 1024;

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
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
            md5.update(buffer, 0, n);
            size += n;
        }
        HexFormat hex = HexFormat.of();
        return new Digests(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), size);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and MD5.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
