package dev.axle.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
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
 */
public record IndexOptions(Duration connectTimeout, Duration readTimeout, int retries, Duration initialBackoff,
        Duration maxBackoff, String userAgent) {

    public IndexOptions {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (retries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retries and backoff must be >= 0, with maxBackoff >= initialBackoff");
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /**
     * pip's timeout of 15 s for both, 3 retries waiting 0.5, 1 and 2 s (capped at 10 s), and
     * {@code axle/<version>}.
     */
    public static IndexOptions defaults() {
        return new IndexOptions(Duration.ofSeconds(15), Duration.ofSeconds(15), 3, Duration.ofMillis(500),
                Duration.ofSeconds(10), "axle/" + version());
    }

    public IndexOptions withTimeouts(Duration connect, Duration read) {
        return new IndexOptions(connect, read, retries, initialBackoff, maxBackoff, userAgent);
    }

    public IndexOptions withRetries(int retries, Duration initialBackoff, Duration maxBackoff) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent);
    }

    public IndexOptions withUserAgent(String userAgent) {
        return new IndexOptions(connectTimeout, readTimeout, retries, initialBackoff, maxBackoff, userAgent);
    }

    /** The wait before retry number {@code retry} (1 for the first): doubling, capped. */
    Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
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
