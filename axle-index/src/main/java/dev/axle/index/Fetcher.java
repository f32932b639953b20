package dev.axle.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * GET requests for one index: its credentials (from its URL, a netrc file, the keyring command),
 * proxies, TLS trust, redirects, retries with backoff and timeouts, the HTTP cache, and
 * {@code file:} URLs read from disk. Bodies stream into a {@link ResponseBody}.
 *
 * <p>Redirects are followed here rather than by the JDK so that credentials go only where they
 * belong (same scheme, host and port) and never to another host a redirect points at.
 *
 * <p>Requests go through the JDK's {@link HttpURLConnection}: blocking, on the calling thread,
 * with HTTP/1.1 keep-alive connections pooled by the JDK per host. For the many small requests of
 * a resolution it needs a third of the CPU of {@link HttpClient}, whose asynchronous pipeline
 * hands each response across threads: a program fetching the 194 pages and metadata files of a
 * jupyter resolution on loopback with 8 threads took 0.46 s of CPU with HttpClient and 0.16 s
 * with this, from JVM start to exit (docs/benchmarks.md). The JDK keeps
 * {@code http.maxConnections} idle connections per host (5 unless set; the CLI raises it to its
 * parallelism).
 */
final class Fetcher implements AutoCloseable {
    private static final int MAX_REDIRECTS = 10;

    /** The body of a redirect or an error: not needed. */
    private static final ResponseBody IGNORED = new ResponseBody() {
        @Override
        public void start(ResponseBody.Head head) {}

        @Override
        public void accept(ByteBuffer bytes) {}
    };

    /** What the JDK says when a proxy refuses to open a tunnel, with the proxy's status line. */
    private static final Pattern TUNNEL_REFUSED = Pattern.compile("Unable to tunnel through proxy\\. Proxy returns \"HTTP/\\d(?:\\.\\d)? (\\d{3})\\b.*");

    private final IndexOptions options;
    private final URI index;
    private final Optional<Credentials> credentials;
    /** TLS with our own trust, when {@code --cert} or trusted hosts ask for it; else the JDK's default. */
    private final Optional<SSLSocketFactory> tls;
    private final EnvironmentProxies proxies;
    private final Optional<HttpCache> cache;
    /** Cache keys revalidated by this client: in {@link IndexOptions.CacheMode#REFRESH}, each once. */
    private final Set<String> revalidated = ConcurrentHashMap.newKeySet();
    /** Credentials found in netrc or keyring after a 401, by origin, and where they came from. */
    private final Map<String, Credentials> found = new ConcurrentHashMap<>();
    private final Map<String, String> foundIn = new ConcurrentHashMap<>();
    private final Set<String> lookedUp = ConcurrentHashMap.newKeySet();
    private Netrc netrc; // read on the first 401, guarded by this

    /**
     * @throws IllegalArgumentException if a proxy variable or the {@code --cert} bundle is unusable
     */
    Fetcher(URI index, IndexOptions options) {
        this.options = options;
        this.index = index;
        this.credentials = Credentials.of(index);
        this.cache = options.cache().map(HttpCache::new);
        this.proxies = EnvironmentProxies.of(options.environment());
        this.tls = options.cert().isPresent() || !options.trustedHosts().isEmpty()
                ? Optional.of(TrustStore.context(options).getSocketFactory()) : Optional.empty();
    }

    /**
     * An HTTP client builder as {@code options} ask, for uploads ({@link Uploader}): connect
     * timeout, no redirects followed (the caller decides where credentials may go), the proxies,
     * and the TLS trust.
     */
    static HttpClient.Builder clientBuilder(IndexOptions options, EnvironmentProxies proxies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxies.any()) {
            builder.proxy(proxies);
        }
        if (options.cert().isPresent() || !options.trustedHosts().isEmpty()) {
            builder.sslContext(TrustStore.context(options));
        }
        return builder;
    }

    /** A response's status and headers, before its body: what decides where the body goes. */
    record Info(int status, HttpHeaders headers) {}

    /** A failure of the {@link ResponseBody} (a disk full, say), which retrying would not cure. */
    private static final class BodyFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BodyFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * A response's status, the URL that gave it (with any credentials), its headers, its head when
     * it is a 200, and how long it asked the client to wait before retrying (Retry-After, in seconds).
     */
    private record Exchange(int status, URI url, HttpHeaders headers, ResponseBody.Head head,
            Optional<Duration> retryAfter) {}

    /** A request refused before it is made: plain http to a host that is neither loopback nor trusted. */
    private static final class Insecure extends IOException {
        private static final long serialVersionUID = 1L;

        Insecure(String host) {
            super(host);
        }
    }

    /**
     * GETs {@code url} and streams a successful response's body into {@code body}, without the
     * cache (for downloads, which their callers keep themselves).
     *
     * @return the response's head; empty if there is no such page or file (HTTP 404, or a
     *         {@code file:} URL naming no file)
     * @throws IndexUnavailableException if the server could not be reached or answered an error,
     *                                   after retries for failures that may pass; or, offline,
     *                                   for any http(s) URL
     * @throws IOException               if {@code body} failed (it is not retried)
     */
    Optional<ResponseBody.Head> get(URI url, String accept, ResponseBody body) throws IOException {
        return get(url, accept, body, "downloads need the network");
    }

    /** {@link #get}, saying {@code offlineWhy} when {@code --offline} forbids the request. */
    Optional<ResponseBody.Head> get(URI url, String accept, ResponseBody body, String offlineWhy) throws IOException {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return readFile(url, body);
        }
        if (options.cacheMode() == IndexOptions.CacheMode.OFFLINE) {
            throw offline(url, offlineWhy);
        }
        Exchange exchange = fetch(url, accept, Map.of(), bodyOf200(body), Set.of(200));
        return exchange.status() == 200 ? Optional.of(exchange.head()) : Optional.empty();
    }

    /**
     * {@link #get}, through the HTTP cache if there is one: a fresh entry is used without a
     * request, a stale one is revalidated (a 304 refreshes it), a new response is stored unless
     * it says no-store. When the server cannot be reached, a stale entry stands in unless it
     * says must-revalidate or no-cache. Offline, only the cache is read.
     */
    Optional<ResponseBody.Head> getCached(URI url, String accept, ResponseBody body) throws IOException {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return readFile(url, body);
        }
        if (cache.isEmpty()) {
            if (options.cacheMode() == IndexOptions.CacheMode.OFFLINE) {
                throw offline(url, "no cache folder is configured");
            }
            return get(url, accept, body);
        }
        String key = HttpCache.key(url, accept);
        Optional<CacheEntry> stored = cache.get().read(key);
        if (options.cacheMode() == IndexOptions.CacheMode.OFFLINE) {
            return Optional.of(stored.orElseThrow(() -> offline(url, "it is not in the HTTP cache")).replay(body));
        }
        boolean refresh = options.cacheMode() == IndexOptions.CacheMode.REFRESH && !revalidated.contains(key);
        if (stored.isPresent() && !refresh && stored.get().fresh(System.currentTimeMillis())) {
            return Optional.of(stored.get().replay(body));
        }
        var recording = new Recording(body);
        Exchange exchange;
        try {
            Map<String, String> validators = stored.map(CacheEntry::validators).orElse(Map.of());
            exchange = fetch(url, accept, validators, bodyOf200(recording),
                    validators.isEmpty() ? Set.of(200) : Set.of(200, 304));
        } catch (IndexUnavailableException e) {
            if (stored.isPresent() && disconnected(e) && stored.get().usableWhenDisconnected()) {
                return Optional.of(stored.get().replay(body));
            }
            throw e;
        }
        revalidated.add(key);
        long received = System.currentTimeMillis();
        if (exchange.status() == 304) {
            CacheEntry refreshed = stored.orElseThrow().refreshed(exchange.headers(), received);
            store(key, refreshed);
            return Optional.of(refreshed.replay(body));
        }
        if (exchange.status() == 200 && CacheEntry.storable(exchange.headers())) {
            store(key, CacheEntry.of(exchange.head().url(), exchange.headers(), received, recording.bytes()));
        } else {
            cache.get().delete(key);
        }
        return exchange.status() == 200 ? Optional.of(exchange.head()) : Optional.empty();
    }

    /** No connection or no answer in time: not a refused certificate or an insecure URL, which the cache must not hide. */
    private static boolean disconnected(IndexUnavailableException e) {
        return e.status().isEmpty() && e.getCause() != null && tlsFailure(e.getCause()).isEmpty();
    }

    /** Stores an entry; a cache that cannot be written (full, read-only) must not fail a good response. */
    private void store(String key, CacheEntry entry) {
        try {
            cache.orElseThrow().write(key, entry);
        } catch (IOException ignored) {
            // The next run fetches it again.
        }
    }

    private IndexUnavailableException offline(URI url, String why) {
        return new IndexUnavailableException(Credentials.redact(url), 0, -1, "--offline, and " + why,
                "Run once without --offline to fill the cache, or drop --offline.", null);
    }

    /**
     * Requests {@code url} until it answers one of the {@code done} statuses or 404, retrying
     * failures that may pass, and once with credentials from netrc or keyring after a 401. Each
     * response's body goes to what {@code bodies} gives for it ({@link #IGNORED} for bodies not
     * wanted: they are still read, so that the connection can serve the next request).
     */
    private Exchange fetch(URI url, String accept, Map<String, String> headers,
            Function<Info, ResponseBody> bodies, Set<Integer> done) throws IOException {
        boolean authenticatedAgain = false;
        for (int attempt = 1; ; attempt++) {
            Exchange exchange = null;
            IOException error = null;
            try {
                exchange = exchange(url, accept, headers, bodies, done);
            } catch (BodyFailure f) {
                throw f.getCause();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the caller wants to stop, not to retry
                }
                error = e;
            }
            int status = exchange == null ? -1 : exchange.status();
            if (done.contains(status) || status == 404) {
                return exchange;
            }
            URI last = exchange == null ? url : exchange.url();
            if (status == 401 && !authenticatedAgain && lookUpCredentials(last)) {
                authenticatedAgain = true;
                continue;
            }
            if (!retryable(status, error) || attempt > options.retries()) {
                throw unavailable(last, attempt, status, error);
            }
            pause(wait(attempt, exchange));
        }
    }

    /** A 200's body to {@code body}, others ignored. */
    private static Function<Info, ResponseBody> bodyOf200(ResponseBody body) {
        return info -> info.status() == 200 ? body : IGNORED;
    }

    /**
     * What a ranged request got: 206 (the part asked for), 200 (the server ignored the Range
     * header and sent the whole file) or 416 (it would not serve the range), with the final URL
     * (without credentials) and the response's headers.
     */
    record Ranged(int status, URI url, HttpHeaders headers) {}

    /**
     * GETs part of an http(s) {@code url}, sending {@code range} as the Range header, following
     * redirects and retrying as {@link #get} does. A 206's or a 200's body streams into the
     * {@link ResponseBody} that {@code bodies} gives for that response (asked again on each
     * attempt); other bodies are discarded.
     *
     * @return the response; empty if there is no such file (HTTP 404)
     * @throws IndexUnavailableException if the server could not be reached or answered another error
     */
    Optional<Ranged> getRange(URI url, String range, Function<Info, ResponseBody> bodies) throws IOException {
        Exchange exchange = fetch(url, "*/*", Map.of("Range", range),
                info -> info.status() == 200 || info.status() == 206 ? bodies.apply(info) : IGNORED,
                Set.of(200, 206, 416));
        return exchange.status() == 404 ? Optional.empty()
                : Optional.of(new Ranged(exchange.status(), Credentials.strip(exchange.url()), exchange.headers()));
    }

    private static OptionalLong lastSerial(HttpHeaders headers) {
        return headers.firstValue("X-PyPI-Last-Serial").map(String::strip)
                .filter(v -> !v.isEmpty() && v.length() < 19 && v.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    /**
     * The backoff with up to a quarter more at random (so that clients failing together do not
     * retry together), or longer if the server asked; never beyond the longest backoff.
     */
    private Duration wait(int attempt, Exchange exchange) {
        Duration exact = options.backoff(attempt);
        Duration backoff = exact.plusNanos((long) (exact.toNanos() * 0.25 * ThreadLocalRandom.current().nextDouble()));
        Duration asked = exchange == null ? Duration.ZERO : exchange.retryAfter().orElse(Duration.ZERO);
        Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
        return wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait;
    }

    /**
     * Connection errors and timeouts (no status), server errors and rate limits may pass; a
     * refused TLS handshake or an insecure URL will not.
     */
    /**
     * Whether a request that failed so may pass when tried again: a connection failure (not a
     * TLS one: that stays), 429 or a 5xx. {@code status} is -1 when there was no response.
     */
    static boolean retryable(int status, IOException error) {
        return status < 0 ? !(error instanceof Insecure) && tlsFailure(error).isEmpty()
                : status == 429 || status >= 500;
    }

    private static Optional<SSLException> tlsFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return Optional.of(ssl);
            }
        }
        return Optional.empty();
    }

    /** One attempt: requests, following redirects, and reads the body of the answer. */
    private Exchange exchange(URI url, String accept, Map<String, String> headers,
            Function<Info, ResponseBody> bodies, Set<Integer> done) throws IOException, BodyFailure {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            URI requested = Credentials.strip(current);
            refuseInsecure(requested);
            stopIfInterrupted();
            HttpURLConnection connection = open(current, accept, headers);
            boolean read = false;
            try {
                int status;
                try {
                    status = connection.getResponseCode();
                } catch (IOException e) {
                    Matcher refused = e.getMessage() == null ? null : TUNNEL_REFUSED.matcher(e.getMessage());
                    if (refused != null && refused.matches()) { // a proxy's answer to CONNECT, such as a 407
                        return new Exchange(Integer.parseInt(refused.group(1)), current, HttpHeaders.of(Map.of(), (k, v) -> true),
                                null, Optional.empty());
                    }
                    throw e;
                }
                HttpHeaders responseHeaders = headers(connection);
                var head = new ResponseBody.Head(requested, responseHeaders.firstValue("Content-Type"),
                        responseHeaders.firstValueAsLong("Content-Length"), lastSerial(responseHeaders));
                readBody(connection, status, head, bodies.apply(new Info(status, responseHeaders)));
                read = true;
                if (done.contains(status) && status != 304) {
                    return new Exchange(status, requested, responseHeaders, head, Optional.empty());
                }
                Optional<URI> next = redirect(current, status, responseHeaders);
                if (next.isEmpty() || redirects == MAX_REDIRECTS) {
                    return new Exchange(status, current, responseHeaders, null, retryAfter(responseHeaders));
                }
                current = next.get();
            } finally {
                if (!read) {
                    connection.disconnect(); // half read: the connection cannot serve another request
                }
            }
        }
    }

    /**
     * A GET of {@code url} (its credentials as Authorization, never in the request line), not yet
     * sent. Not {@code setUseCaches(false)}: that would send "Cache-Control: no-cache", and
     * proxies and CDNs in front of an index would pass every request through. (The JDK caches
     * nothing unless a {@link java.net.ResponseCache} is installed.)
     */
    private HttpURLConnection open(URI url, String accept, Map<String, String> headers) throws IOException {
        URI target = Credentials.strip(url);
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection(proxies.select(target).getFirst());
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(millis(options.connectTimeout()));
        connection.setReadTimeout(millis(options.readTimeout()));
        if (connection instanceof HttpsURLConnection https && tls.isPresent()) {
            https.setSSLSocketFactory(tls.get());
        }
        connection.setRequestProperty("User-Agent", options.userAgent());
        connection.setRequestProperty("Accept", accept);
        headers.forEach(connection::setRequestProperty);
        proxies.authorization(target).ifPresent(p -> connection.setRequestProperty("Proxy-Authorization", p));
        credentialsFor(url).ifPresent(c -> connection.setRequestProperty("Authorization", c.basicAuthorization()));
        return connection;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** The response's headers, names as the server sent them (looked up ignoring case). */
    private static HttpHeaders headers(HttpURLConnection connection) {
        Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line
                named.merge(name, values, (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        });
        return HttpHeaders.of(named, (name, value) -> true);
    }

    /**
     * Streams the response's body into {@code body}, to its end: a body read whole lets the JDK
     * keep the connection for the next request. A stall longer than the read timeout fails.
     */
    private static void readBody(HttpURLConnection connection, int status, ResponseBody.Head head, ResponseBody body)
            throws IOException, BodyFailure {
        try {
            body.start(head);
        } catch (IOException e) {
            throw new BodyFailure(e);
        }
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return; // no body
        }
        try (in) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                stopIfInterrupted(); // a blocking read does not notice
                try {
                    body.accept(ByteBuffer.wrap(buffer, 0, n));
                } catch (IOException e) {
                    throw new BodyFailure(e);
                }
            }
        }
    }

    /** Plain http only to loopback and trusted hosts, as pip allows it. */
    private void refuseInsecure(URI url) throws Insecure {
        if ("http".equalsIgnoreCase(url.getScheme()) && !loopback(url.getHost())
                && !options.trusted(url.getHost(), port(url))) {
            throw new Insecure(url.getHost());
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Retry-After in its delta-seconds form (the HTTP-date form is ignored). */
    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(String::strip)
                .filter(v -> !v.isEmpty() && v.length() < 10 && v.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /** Where a redirect leads, if it is one this client follows: to an http or https URL. */
    private static Optional<URI> redirect(URI from, int status, HttpHeaders headers) {
        if (!isRedirect(status)) {
            return Optional.empty();
        }
        try {
            return headers.firstValue("Location").map(from::resolve).filter(Fetcher::isHttp);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static boolean isHttp(URI url) {
        return ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                && url.getHost() != null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * A URL's own credentials, else the index's where the index is, else (or instead of a user
     * name without password) those found for the URL's origin after a 401: never another host's.
     */
    private Optional<Credentials> credentialsFor(URI url) {
        Optional<Credentials> given = givenCredentials(url);
        if (given.isPresent() && !given.get().password().isEmpty()) {
            return given;
        }
        return Optional.ofNullable(found.get(origin(url))).or(() -> given);
    }

    private Optional<Credentials> givenCredentials(URI url) {
        return Credentials.of(url).or(() -> sameOrigin(url, index) ? credentials : Optional.empty());
    }

    /**
     * After a 401 to a request without a password: looks in the netrc file (for the host, else its
     * default entry), then asks keyring (for the index URL, then the host, with the URL's user
     * name). Once per origin.
     *
     * @return whether credentials not tried before were found
     */
    private synchronized boolean lookUpCredentials(URI url) throws IOException {
        Optional<Credentials> given = givenCredentials(url);
        String origin = origin(url);
        if (given.isPresent() && !given.get().password().isEmpty() || !lookedUp.add(origin)) {
            return false;
        }
        if (netrc == null) {
            netrc = Netrc.read(options.netrcFile());
        }
        String user = given.map(Credentials::user).orElse("");
        Optional<Credentials> fromNetrc = netrc.lookup(url.getHost())
                .filter(c -> !c.password().isEmpty() && (user.isEmpty() || user.equals(c.user())));
        if (fromNetrc.isPresent()) {
            found.put(origin, fromNetrc.get());
            foundIn.put(origin, options.netrcFile().toString());
            return true;
        }
        if (options.keyring() && !user.isEmpty()) {
            Keyring keyring = Keyring.find(options.environment());
            List<String> services = new ArrayList<>();
            if (sameOrigin(url, index)) {
                services.add(Credentials.strip(index).toString());
            }
            services.add(url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost());
            for (String service : services) {
                Optional<String> password = keyring.password(service, user, options.environment());
                if (password.isPresent()) {
                    found.put(origin, new Credentials(user, password.get()));
                    foundIn.put(origin, "keyring");
                    return true;
                }
            }
        }
        return false;
    }

    private static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + lower(url.getHost()) + ":" + port(url);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static void stopIfInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while fetching from the index");
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while fetching from the index");
    }

    /** The error for a page or file that should exist but was not found: HTTP 404 or no such file. */
    IndexUnavailableException missing(URI url) {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return new IndexUnavailableException(url.toString(), 1, -1, "no such file",
                    "The index folder does not have it (any more); read the project's page again and retry.", null);
        }
        return unavailable(url, 1, 404, null);
    }

    private IndexUnavailableException unavailable(URI url, int attempts, int status, IOException error) {
        String shown = Credentials.redact(url);
        String hostPort = url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
        if (error instanceof Insecure) {
            return new IndexUnavailableException(shown, 0, status, "plain http to " + url.getHost()
                    + ", which is neither loopback nor a trusted host",
                    "Use https, or if you trust the network to " + url.getHost() + ", add --trusted-host "
                    + hostPort + ".", null);
        }
        Optional<SSLException> tls = tlsFailure(error);
        if (tls.isPresent()) {
            return new IndexUnavailableException(shown, attempts, status, "the TLS connection to " + hostPort
                    + " failed, its certificate is not trusted or its host name does not match: "
                    + tls.get().getMessage(),
                    "If " + url.getHost() + " uses a private certificate authority, give its certificates with"
                    + " --cert FILE (a PEM bundle, which replaces the JDK's trust store); to skip verification"
                    + " for this host, add --trusted-host " + hostPort + ".", error);
        }
        if (status < 0) {
            String what = error instanceof SocketTimeoutException
                    ? "timed out (connect timeout " + options.connectTimeout().toMillis() + " ms, read timeout "
                            + options.readTimeout().toMillis() + " ms)"
                    : error.getMessage() == null ? error.getClass().getSimpleName()
                    : error.getClass().getSimpleName() + ": " + error.getMessage();
            return new IndexUnavailableException(shown, attempts, status, what,
                    "Check the index URL, your network and proxy; for a slow index, raise the timeouts.", error);
        }
        Optional<Credentials> sent = credentialsFor(url);
        String source = foundIn.get(origin(url));
        String what = status == 404 ? "HTTP 404 (not found)" : "HTTP " + status;
        String where = "give them in the index URL (https://user:password@host/simple/) or in " + options.netrcFile()
                + " (machine " + url.getHost() + " login USER password PASS)"
                + (options.keyring() ? ", or store the password in keyring for the user name in the index URL"
                        + " (https://user@host/simple/)." : ".");
        String hint = switch (status) {
            case 401 -> source != null ? "The index refused the credentials from " + source + "; check them."
                    : sent.isEmpty() ? "The index requires credentials; " + where
                    : sent.get().password().isEmpty() ? "The index refused the user name (or token) in its URL without"
                            + " a password" + (options.keyring() ? ", and keyring had none for it" : "") + "; " + where
                    : "The index refused the credentials in its URL; check them.";
            case 403 -> "The index denied access; check the credentials in the index URL and what they may read.";
            case 404 -> "The index does not have it (any more); read the project's page again and retry.";
            case 407 -> "The proxy requires credentials; give them in the proxy URL (http://user:password@proxy:port)."
                    + " For https through a proxy, the JDK sends them only if the JVM runs with"
                    + " -Djdk.http.auth.tunneling.disabledSchemes= (empty).";
            case 429 -> "The index is limiting requests; wait and retry, or allow more retries.";
            default -> status >= 500 ? "The index is failing; try again later, or allow more retries."
                    : isRedirect(status) ? "The index redirects too often, or to no http(s) URL; check the index URL."
                    : "The index answered with a status axle does not expect; check the index URL.";
        };
        return new IndexUnavailableException(shown, attempts, status, what, hint, null);
    }

    private static Optional<ResponseBody.Head> readFile(URI url, ResponseBody body) throws IOException {
        Path path = Path.of(url);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(path)) {
            var head = new ResponseBody.Head(url, Optional.empty(), OptionalLong.of(in.size()));
            body.start(head);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (in.read(buffer) >= 0) {
                body.accept(buffer.flip());
                buffer.clear();
            }
            return Optional.of(head);
        }
    }

    /** Passes a body on and keeps a copy, for the cache (pages and metadata files are small). */
    private static final class Recording implements ResponseBody {
        private final ResponseBody target;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(ResponseBody target) {
            this.target = target;
        }

        @Override
        public void start(Head head) throws IOException {
            copy.reset();
            target.start(head);
        }

        @Override
        public void accept(ByteBuffer bytes) throws IOException {
            ByteBuffer view = bytes.duplicate();
            byte[] piece = new byte[view.remaining()];
            view.get(piece);
            copy.writeBytes(piece);
            target.accept(bytes);
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }

    /** Nothing to release: the JDK keeps idle connections, and closes them after a few seconds. */
    @Override
    public void close() {}
}
