package dev.axle.index;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies bytes, as they stream past, against the hashes a page gives: every algorithm the JDK
 * computes (the SHA-2 and SHA-3 families, SHA-1, MD5) is checked; others (blake2) are skipped,
 * as a page giving only those cannot be verified here. Lock files' hashes are checked with it too.
 */
public final class HashCheck {
    /** hashlib's names, strongest first, so the first mismatch reported is the most telling. */
    private static final List<String> KNOWN = List.of("sha512", "sha3_512", "sha384", "sha3_384", "sha256",
            "sha3_256", "sha224", "sha3_224", "sha1", "md5");

    private final Map<String, String> expected = new LinkedHashMap<>();
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

    /** A check of {@code hashes} (hashlib names to hex digests); algorithms the JDK lacks are left out. */
    public HashCheck(Map<String, String> hashes) {
        for (String name : KNOWN) {
            String hex = hashes.get(name);
            if (hex != null) {
                expected.put(name, hex.toLowerCase(Locale.ROOT));
                digests.put(name, digest(name));
            }
        }
    }

    /** The algorithms checked, strongest first; empty if none of the hashes can be checked. */
    public Set<String> algorithms() {
        return Collections.unmodifiableSet(expected.keySet());
    }

    public void update(ByteBuffer bytes) {
        for (MessageDigest d : digests.values()) {
            d.update(bytes.duplicate());
        }
    }

    /**
     * Compares what was updated with the expected digests, the strongest first.
     *
     * @param url the URL (or file) as shown, credentials redacted
     */
    public void verify(String url) throws HashMismatchException {
        for (var e : expected.entrySet()) {
            String actual = HexFormat.of().formatHex(digests.get(e.getKey()).digest());
            if (!actual.equals(e.getValue())) {
                throw new HashMismatchException(url, e.getKey(), e.getValue(), actual);
            }
        }
    }

    private static MessageDigest digest(String hashlibName) {
        String jdkName = hashlibName.startsWith("sha3_") ? "SHA3-" + hashlibName.substring(5)
                : hashlibName.startsWith("sha") ? "SHA-" + hashlibName.substring(3)
                : "MD5";
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }
}
