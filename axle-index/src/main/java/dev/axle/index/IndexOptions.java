package dev.axle.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How an {@link Index} talks to its server.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the response headers, and then for each piece of
 *                       the body: a slow but steady download is not a timeout, a stalled one is
 * @param retries        how many times to try again after a connection error, a timeout, a 5xx
 *                       or a 429 (never after other 4xx): {@code retries + 1} attempts in all
 * @param initialBackoff the wait before the first retry; it doubles before each next one
 * @param maxBackoff     the longest wait between two attempts, also when a response's
 *                       Retry-After asks for longer
 * @param userAgent      the User-Agent header
 * @param cache          the folder of the HTTP cache for project pages and metadata files
 *                       (entries under {@code http-v1/}); empty for no cache. Downloads of
 *                       distributions are never cached here.
 * @param cacheMode      how the cache is used: see {@link CacheMode}
 * @param environment    the environment variables the client reads: {@code HTTPS_PROXY},
 *                       {@code HTTP_PROXY}, {@code ALL_PROXY}, {@code NO_PROXY} (each also in
 *                       lower case, which wins), {@code NETRC}, {@code PATH} (to find
 *                       {@code keyring}); the library never reads the process environment itself
 * @param netrc          the netrc file; empty for the default: {@code $NETRC}, else {@code ~/.netrc}
 * @param keyring        whether to ask the {@code keyring} command for passwords (skipped
 *                       silently when it is not on the environment's PATH)
 * @param cert           a PEM bundle of certificate authorities that replaces the JDK's trust
 *                       store ({@code cacerts}) for https, as pip's {@code --cert} does; empty for
 *                       the JDK's trust store
 * @param trustedHosts   hosts ({@code HOST} or {@code HOST:PORT}) whose TLS certificates are not
 *                       verified and which may be reached over plain http (pip's
 *                       {@code --trusted-host}); plain http is otherwise allowed to loopback only
 */
public record IndexOptions(Duration connectTimeout, Duration readTimeout, int retries, Duration initialBackoff,
        Duration maxBackoff, String userAgent, Optional<Path> cache, CacheMode cacheMode,
        Map<String, String> environment, Optional<Path> netrc, boolean keyring, Optional<Path> cert,
        List<String> trustedHosts) {

    /** How the HTTP cache is used. */
    public enum CacheMode {
        /** Fresh entries are used without a request; stale ones are revalidated (ETag, Last-Modified). */
        NORMAL,
        /**
         * Only the cache, whatever the entries' age; no connection is opened. A page or metadata
         * file not in the cache, and any download, is an {@link IndexUnavailableException}.
         */
        OFFLINE,
        /** Every cached entry is revalidated once (by this {@link Index}), fresh or not. */
        REFRESH
    }

    public IndexOptions {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (retries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retries and backoff must be >= 0, with maxBackoff >= initialBackoff");
        }
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(cacheMode, "cacheMode");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(netrc, "netrc");
        Objects.requireNonNull(cert, "cert");
        trustedHosts = List.copyOf(trustedHosts);
        trustedHosts.forEach(TrustedHost::parse);
    }

    /**
     * pip's timeout of 15 s for both, 3 retries waiting 0.5, 1 and 2 s (capped at 10 s),
     * {@code axle/<version>}, no cache, an empty environment (so no proxies), the default netrc,
     * no keyring, the JDK's trust store and no trusted hosts.
     */
    public static IndexOptions defaults() {
        return new IndexOptions(Duration.ofSeconds(15), Duration.ofSeconds(15), 3, Duration.ofMillis(500),
                Duration.ofSeconds(10), "axle/" + version(), Optional.empty(), CacheMode.NORMAL, Map.of(),
                Optional.empty(), false, Optional.empty(), List.of());
    }

    public IndexOptions withTimeouts(Duration connect, Duration read) {
        return new IndexOptions(connect, read, retries, initialBackoff, maxBackoff, userAgent, cache, cacheMode,
                environment, netrc, keyring, cert, trustedHosts);
    }

    public IndexOptions withRetries(int retries, Duration initialBackoff, Duration maxBackoff) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    public IndexOptions withUserAgent(String userAgent) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    /** The HTTP cache in {@code folder} (created when first written); {@code null} for none. */
    public IndexOptions withCache(Path folder) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent,
                Optional.ofNullable(folder), cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    public IndexOptions withCacheMode(CacheMode cacheMode) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    /** The environment variables to read (typically {@code System.getenv()}, passed by the application). */
    public IndexOptions withEnvironment(Map<String, String> environment) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    /** The netrc file to read instead of the default; {@code null} for the default. */
    public IndexOptions withNetrc(Path file) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, Optional.ofNullable(file), keyring, cert, trustedHosts);
    }

    public IndexOptions withKeyring(boolean keyring) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, trustedHosts);
    }

    /** The PEM bundle to trust instead of the JDK's trust store; {@code null} for the JDK's. */
    public IndexOptions withCert(Path pemBundle) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, Optional.ofNullable(pemBundle), trustedHosts);
    }

    /**
     * @throws IllegalArgumentException if an entry is not {@code HOST} or {@code HOST:PORT}
     */
    public IndexOptions withTrustedHosts(List<String> hosts) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent, cache,
                cacheMode, environment, netrc, keyring, cert, hosts);
    }

    /** The netrc file read: {@link #netrc()}, else {@code $NETRC}, else {@code ~/.netrc}. */
    public Path netrcFile() {
        return netrc.orElseGet(() -> {
            String named = environment.get("NETRC");
            return named != null && !named.isEmpty() ? Path.of(named)
                    : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".netrc");
        });
    }

    /** The wait before retry number {@code retry} (1 for the first): doubling, capped. */
    Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Whether {@code host} and {@code port} are one of {@link #trustedHosts()}. */
    boolean trusted(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return trustedHosts.stream().map(TrustedHost::parse).anyMatch(t -> t.matches(h, port));
    }

    private static void positive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = IndexOptions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
