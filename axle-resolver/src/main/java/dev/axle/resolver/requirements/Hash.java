package dev.axle.resolver.requirements;

import java.util.Locale;
import java.util.Map;

/** An expected digest of a distribution file: {@code --hash=sha256:...} or a URL's {@code #sha256=...}. */
public record Hash(String algorithm, String digest) {
    /** The algorithms pip accepts in {@code --hash} (its "strong" hashes), with their hex lengths. */
    static final Map<String, Integer> STRONG = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    /**
     * Parses a {@code --hash} value, {@code algorithm:hexdigest}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Hash parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--hash needs an algorithm and a hex digest, as in"
                    + " --hash=sha256:<64 hex digits>, got '" + value + "'");
        }
        String algorithm = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String digest = value.substring(colon + 1).toLowerCase(Locale.ROOT);
        Integer length = STRONG.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("--hash algorithm '" + algorithm
                    + "' is not one pip accepts: use sha256, sha384 or sha512");
        }
        if (digest.length() != length || !digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("--hash " + algorithm + " digest must be " + length
                    + " hex digits, got '" + digest + "'");
        }
        return new Hash(algorithm, digest);
    }

    @Override
    public String toString() {
        return algorithm + ":" + digest;
    }
}
