package dev.axle.pep.record;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hash of a RECORD entry: {@code algorithm=digest}, the digest in URL-safe base64
 * without {@code =} padding, e.g. {@code sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU}.
 *
 * <p>Any algorithm name is read (the specification allows those of Python's
 * {@code hashlib.algorithms_guaranteed}); digests can be computed for md5, sha1, the SHA-2
 * family (sha224, sha256, sha384, sha512) and the SHA-3 family (sha3_224 to sha3_512),
 * which is what the JDK offers. Wheels must use sha256 or stronger.
 */
public final class RecordHash {
    /** Python hashlib names of the algorithms the JDK can compute. */
    private static final Map<String, String> JDK_NAMES = Map.ofEntries(
            Map.entry("md5", "MD5"),
            Map.entry("sha1", "SHA-1"),
            Map.entry("sha224", "SHA-224"),
            Map.entry("sha256", "SHA-256"),
            Map.entry("sha384", "SHA-384"),
            Map.entry("sha512", "SHA-512"),
            Map.entry("sha512_224", "SHA-512/224"),
            Map.entry("sha512_256", "SHA-512/256"),
            Map.entry("sha3_224", "SHA3-224"),
            Map.entry("sha3_256", "SHA3-256"),
            Map.entry("sha3_384", "SHA3-384"),
            Map.entry("sha3_512", "SHA3-512"));
    private static final int BUFFER = 64 * 1024;

    private final String algorithm;
    private final String value;

    private RecordHash(String algorithm, String value) {
        this.algorithm = algorithm;
        this.value = value;
    }

    /**
     * Reads {@code algorithm=digest}. The digest is split off at the first {@code =} and kept
     * as written; it is decoded only by {@link #digest()} and when verifying.
     *
     * @throws InvalidRecordException if there is no {@code =}, or nothing before or after it
     */
    public static RecordHash parse(String hash) {
        if (hash == null) {
            throw new InvalidRecordException("no hash (null)");
        }
        int eq = hash.indexOf('=');
        if (eq <= 0 || eq == hash.length() - 1) {
            throw new InvalidRecordException("hash " + quote(hash) + " is not of the form <algorithm>=<digest>");
        }
        return new RecordHash(hash.substring(0, eq), hash.substring(eq + 1));
    }

    /** The hash of {@code data} with {@code algorithm} (a hashlib name such as {@code sha256}). */
    public static RecordHash of(String algorithm, byte[] data) {
        MessageDigest md = digester(algorithm).orElseThrow(() -> unsupported(algorithm));
        return ofDigest(algorithm, md.digest(data));
    }

    /** The sha256 hash of {@code data}: what wheels use. */
    public static RecordHash sha256(byte[] data) {
        return of("sha256", data);
    }

    /** The hash of everything {@code in} yields (read to the end, not closed). */
    public static RecordHash of(String algorithm, InputStream in) throws IOException {
        MessageDigest md = digester(algorithm).orElseThrow(() -> unsupported(algorithm));
        drain(in, md);
        return ofDigest(algorithm, md.digest());
    }

    /** A hash from a computed digest. */
    static RecordHash ofDigest(String algorithm, byte[] digest) {
        return new RecordHash(algorithm, encode(digest));
    }

    /** Whether digests of this algorithm can be computed, and so verified. */
    public boolean isSupported() {
        return digester(algorithm).isPresent();
    }

    /** The algorithm name as written, e.g. {@code sha256}. */
    public String algorithm() {
        return algorithm;
    }

    /** The digest as written: URL-safe base64, normally without padding. */
    public String value() {
        return value;
    }

    /**
     * The digest bytes.
     *
     * @throws InvalidRecordException if the digest is not URL-safe base64
     */
    public byte[] digest() {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("hash " + quote(toString()) + " does not hold URL-safe base64");
        }
    }

    /** Whether {@code data} has this hash. */
    public boolean matches(byte[] data) {
        MessageDigest md = digester(algorithm).orElseThrow(() -> unsupported(algorithm));
        return sameDigest(md.digest(data));
    }

    /** Whether a computed digest equals this one; padding in the written digest is tolerated. */
    boolean sameDigest(byte[] computed) {
        try {
            return Arrays.equals(computed, Base64.getUrlDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads {@code in} to the end into {@code md} (if not null); returns the number of bytes. */
    static long drain(InputStream in, MessageDigest md) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (md != null) {
                md.update(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }

    /** A fresh MessageDigest for a hashlib algorithm name, if the JDK has it. */
    static Optional<MessageDigest> digester(String algorithm) {
        String jdk = JDK_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
        if (jdk == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(jdk));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static UnsupportedOperationException unsupported(String algorithm) {
        return new UnsupportedOperationException("hash algorithm " + quote(algorithm) + " is not supported");
    }

    static String quote(String s) {
        return "'" + s + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHash h && algorithm.equals(h.algorithm) && value.equals(h.value);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + value.hashCode();
    }

    /** {@code algorithm=digest}, as written in RECORD. */
    @Override
    public String toString() {
        return algorithm + "=" + value;
    }
}
