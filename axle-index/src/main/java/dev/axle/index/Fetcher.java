package dev.axle.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * GET requests for one index: its credentials, redirects, retries with backoff and timeouts,
 * and {@code file:} URLs read from disk. Bodies stream into a {@link ResponseBody}.
 *
 * <p>Redirects are followed here rather than by the JDK so that credentials go only where the
 * index is (same scheme, host and port) and never to another host a redirect points at.
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

    private final IndexOptions options;
    private final URI index;
    private final Optional<Credentials> credentials;
    private final HttpClient client;

    Fetcher(URI index, IndexOptions options) {
        this.options = options;
        this.index = index;
        this.credentials = Credentials.of(index);
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A response's status, the URL that gave it (with any credentials), its head when it is a 200,
     * and how long it asked the client to wait before retrying (Retry-After, in seconds).
     */
    private record Exchange(int status, URI url, ResponseBody.Head head, Optional<Duration> retryAfter) {}

    /**
     * GETs {@code url} and streams a successful response's body into {@code body}.
     *
     * @return the response's head; empty if there is no such page or file (HTTP 404, or a
     *         {@code file:} URL naming no file)
     * @throws IndexUnavailableException if the server could not be reached or answered an error,
     *                                   after retries for failures that may pass
     * @throws IOException               if {@code body} failed (it is not retried)
     */
    Optional<ResponseBody.Head> get(URI url, String accept, ResponseBody body) throws IOException {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return readFile(url, body);
        }
        for (int attempt = 1; ; attempt++) {
            Exchange exchange = null;
            IOException error = null;
            try {
                exchange = exchange(url, accept, body);
            } catch (StreamingSubscriber.BodyFailure f) {
                throw f.getCause();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the caller wants to stop, not to retry
                }
                error = e;
            }
            if (exchange != null && exchange.status() == 200) {
                return Optional.of(exchange.head());
            }
            if (exchange != null && exchange.status() == 404) {
                return Optional.empty();
            }
            int status = exchange == null ? -1 : exchange.status();
            URI last = exchange == null ? url : exchange.url();
            if (!retryable(status) || attempt > options.retries()) {
                throw unavailable(last, attempt, status, error);
            }
            pause(wait(attempt, exchange));
        }
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
    Optional<Ranged> getRange(URI url, String range, Function<HttpResponse.ResponseInfo, ResponseBody> bodies)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            URI current = url;
            HttpResponse<Void> response = null;
            IOException error = null;
            try {
                for (int redirects = 0; ; redirects++) {
                    URI requested = Credentials.strip(current);
                    HttpRequest request = HttpRequest.newBuilder(request(current, "*/*"), (name, value) -> true)
                            .header("Range", range).build();
                    StreamingSubscriber[] streaming = new StreamingSubscriber[1];
                    response = send(request, info -> {
                        boolean wanted = info.statusCode() == 200 || info.statusCode() == 206;
                        var head = new ResponseBody.Head(requested, info.headers().firstValue("Content-Type"),
                                info.headers().firstValueAsLong("Content-Length"));
                        return streaming[0] = new StreamingSubscriber(wanted ? bodies.apply(info) : IGNORED, head);
                    });
                    await(streaming[0]);
                    Optional<URI> next = redirect(current, response);
                    if (next.isEmpty() || redirects == MAX_REDIRECTS) {
                        break;
                    }
                    current = next.get();
                }
            } catch (StreamingSubscriber.BodyFailure f) {
                throw f.getCause();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                response = null;
                error = e;
            }
            int status = response == null ? -1 : response.statusCode();
            if (status == 200 || status == 206 || status == 416) {
                return Optional.of(new Ranged(status, Credentials.strip(current), response.headers()));
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (!retryable(status) || attempt > options.retries()) {
                throw unavailable(current, attempt, status, error);
            }
            Exchange exchange = response == null ? null
                    : new Exchange(status, current, null, retryAfter(response));
            pause(wait(attempt, exchange));
        }
    }

    /** The backoff, or longer if the server asked (but never beyond the longest backoff). */
    private Duration wait(int attempt, Exchange exchange) {
        Duration backoff = options.backoff(attempt);
        Duration asked = exchange == null ? Duration.ZERO : exchange.retryAfter().orElse(Duration.ZERO);
        Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
        return wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait;
    }

    /** Connection errors and timeouts (no status), server errors and rate limits may pass. */
    private static boolean retryable(int status) {
        return status < 0 || status == 429 || status >= 500;
    }

    /** One attempt: requests, following redirects, and reads a 200's body. */
    private Exchange exchange(URI url, String accept, ResponseBody body)
            throws IOException, StreamingSubscriber.BodyFailure {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            URI requested = Credentials.strip(current);
            StreamingSubscriber[] streaming = new StreamingSubscriber[1];
            HttpResponse<Void> response = send(request(current, accept), info -> {
                var head = new ResponseBody.Head(requested, info.headers().firstValue("Content-Type"),
                        info.headers().firstValueAsLong("Content-Length"));
                // Other responses' bodies are read to the end too (under the same read timeout), so
                // that the connection can serve the next request.
                return streaming[0] = new StreamingSubscriber(info.statusCode() == 200 ? body : IGNORED, head);
            });
            await(streaming[0]);
            if (response.statusCode() == 200) {
                return new Exchange(200, requested, streaming[0].head(), Optional.empty());
            }
            Optional<URI> next = redirect(current, response);
            if (next.isEmpty() || redirects == MAX_REDIRECTS) {
                return new Exchange(response.statusCode(), current, null, retryAfter(response));
            }
            current = next.get();
        }
    }

    /** Retry-After in its delta-seconds form (the HTTP-date form is ignored). */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip)
                .filter(v -> !v.isEmpty() && v.length() < 10 && v.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /** Where a redirect leads, if it is one this client follows: to an http or https URL. */
    private static Optional<URI> redirect(URI from, HttpResponse<?> response) {
        if (!isRedirect(response.statusCode())) {
            return Optional.empty();
        }
        try {
            return response.headers().firstValue("Location").map(from::resolve).filter(Fetcher::isHttp);
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

    private HttpRequest request(URI url, String accept) {
        URI target = Credentials.strip(url);
        HttpRequest.Builder b = HttpRequest.newBuilder(target)
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept", accept)
                .GET();
        if ("http".equalsIgnoreCase(target.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade offers, which some proxies mishandle
        }
        credentialsFor(url).ifPresent(c -> b.header("Authorization", c.basicAuthorization()));
        return b.build();
    }

    /** A URL's own credentials, else the index's where the index is: never another host's. */
    private Optional<Credentials> credentialsFor(URI url) {
        return Credentials.of(url).or(() -> sameOrigin(url, index) ? credentials : Optional.empty());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private HttpResponse<Void> send(HttpRequest request, HttpResponse.BodyHandler<Void> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void await(StreamingSubscriber s) throws IOException, StreamingSubscriber.BodyFailure {
        try {
            s.await(options.readTimeout());
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted();
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
        if (status < 0) {
            String what = error instanceof HttpTimeoutException
                    ? "timed out (read timeout " + options.readTimeout().toMillis() + " ms)"
                    : error.getMessage() == null ? error.getClass().getSimpleName()
                    : error.getClass().getSimpleName() + ": " + error.getMessage();
            return new IndexUnavailableException(shown, attempts, status, what,
                    "Check the index URL, your network and proxy; for a slow index, raise the timeouts.", error);
        }
        boolean sentCredentials = credentialsFor(url).isPresent();
        String what = status == 404 ? "HTTP 404 (not found)" : "HTTP " + status;
        String hint = switch (status) {
            case 401 -> sentCredentials ? "The index refused the credentials in its URL; check them."
                    : "The index requires credentials; give them in the index URL: https://user:password@host/simple/.";
            case 403 -> "The index denied access; check the credentials in the index URL and what they may read.";
            case 404 -> "The index does not have it (any more); read the project's page again and retry.";
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

    @Override
    public void close() {
        client.close();
    }
}
