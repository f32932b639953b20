package dev.axle.server;

import dev.axle.server.store.Store;
import dev.axle.server.store.Token;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * API tokens: 32 random bytes, shown once as {@code axle-...}; the database keeps only their
 * SHA-256 (a hash of a high-entropy secret needs no salt or stretching). Clients send them as
 * HTTP Basic credentials with the user name {@code __token__}, as PyPI's tokens.
 */
public final class Tokens {
    public static final String PREFIX = "axle-";
    public static final String USER = "__token__";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether a request may upload to an index, and if not, why. */
    public enum Verdict { ALLOWED, NO_TOKENS, MISSING, INVALID, FORBIDDEN }

    private final Store store;

    public Tokens(Store store) {
        this.store = store;
    }

    /** Creates a token allowing uploads to {@code index} and returns its secret (the only time it is known). */
    public String create(String index, String name) {
        if (store.index(index).isEmpty()) {
            throw new IllegalArgumentException("there is no index '" + index + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name");
        }
        if (store.tokens(index).stream().anyMatch(t -> t.name().equals(name))) {
            throw new IllegalArgumentException("index '" + index + "' already has a token named '" + name
                    + "': revoke it first or choose another name");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.addToken(index, name, hash(secret));
        return secret;
    }

    /** Judges an Authorization header for an upload to {@code index}. */
    public Verdict judge(String authorization, String index) {
        if (store.tokens(index).isEmpty()) {
            return Verdict.NO_TOKENS;
        }
        Optional<String> secret = basicPassword(authorization);
        if (secret.isEmpty()) {
            return Verdict.MISSING;
        }
        Optional<Token> token = store.tokenByHash(hash(secret.get()));
        if (token.isEmpty()) {
            return Verdict.INVALID;
        }
        return token.get().index().equals(index) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** The password of Basic credentials for the user {@code __token__}, else empty. */
    private static Optional<String> basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(USER)) {
            return Optional.empty();
        }
        return Optional.of(decoded.substring(colon + 1));
    }

    static String hash(String secret) {
        return Publication.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
