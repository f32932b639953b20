package dev.axle.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests computed in tests, independently of {@link HashCheck}. */
final class Digests {
    private Digests() {}

    static String hex(String jdkAlgorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkAlgorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(byte[] bytes) {
        return hex("SHA-256", bytes);
    }
}
