package dev.axle.installer.wheel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Message digests by their Python hashlib names, for the algorithms wheels may use. */
final class Digests {
    /** sha256 or stronger, as the binary distribution format requires; md5 and sha1 are refused. */
    private static final Map<String, String> JDK_NAMES = Map.of(
            "sha224", "SHA-224",
            "sha256", "SHA-256",
            "sha384", "SHA-384",
            "sha512", "SHA-512",
            "sha3_224", "SHA3-224",
            "sha3_256", "SHA3-256",
            "sha3_384", "SHA3-384",
            "sha3_512", "SHA3-512");

    private Digests() {}

    /** Whether a RECORD hash of this algorithm is accepted in a wheel. */
    static boolean accepted(String algorithm) {
        return JDK_NAMES.containsKey(algorithm.toLowerCase(Locale.ROOT));
    }

    static MessageDigest create(String algorithm) {
        String jdk = JDK_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
        if (jdk == null) {
            throw new IllegalArgumentException("hash algorithm " + algorithm + " is not accepted");
        }
        try {
            return MessageDigest.getInstance(jdk);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + jdk, e);
        }
    }

    static MessageDigest sha256() {
        return create("sha256");
    }

    /** URL-safe base64 without padding, as RECORD writes digests. */
    static String recordForm(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
