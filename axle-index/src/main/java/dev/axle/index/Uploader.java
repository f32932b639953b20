package dev.axle.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads distribution files to a package index with the legacy upload API, the
 * {@code multipart/form-data} POST that Warehouse (PyPI), devpi, axle's server, twine and
 * {@code uv publish} speak. The file is streamed from disk, never held in memory.
 *
 * <p>Credentials, in order: the user and password given, else the repository URL's user
 * information, else the netrc entry for its host. What the index client retries (a connection
 * failure that is not TLS's, 429, a 5xx) is retried with the options' backoff (an index answers an identical re-upload with success,
 * so a retry after a lost answer is safe); any other answer is the result. A redirect is not
 * followed: an upload URL that redirects is the wrong URL, and the result says where it
 * points (twine does the same).
 */
public final class Uploader {
    /**
     * What the index answered: its status, the reason it gave (the status line's text, or the
     * body's first line when the status line has none) and the body.
     */
    public record Result(int status, String reason, String body, Optional<String> location) {
        /** Whether the index took the file (2xx). */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI repository;
    private final IndexOptions options;
    private final Optional<Credentials> credentials;
    private final HttpClient client;

    /**
     * @param repository the upload URL, e.g. {@code https://upload.pypi.org/legacy/}
     * @param user with {@code password}, the credentials to send (e.g. {@code __token__} and a token)
     * @throws IOException if the netrc file named by the options cannot be read
     */
    public Uploader(URI repository, IndexOptions options, Optional<String> user, Optional<String> password)
            throws IOException {
        this.repository = Credentials.strip(repository);
        this.options = options;
        Optional<Credentials> given = user.isPresent() || password.isPresent()
                ? Optional.of(new Credentials(user.orElse("__token__"), password.orElse("")))
                : Credentials.of(repository);
        if (given.isEmpty() && repository.getHost() != null) {
            given = Netrc.read(options.netrcFile()).lookup(repository.getHost());
        }
        this.credentials = given;
        this.client = Fetcher.clientBuilder(options, EnvironmentProxies.of(options.environment())).build();
    }

    /** The upload URL, without credentials, as it may be shown. */
    public String url() {
        return repository.toString();
    }

    /** Whether credentials will be sent. */
    public boolean authenticated() {
        return credentials.isPresent();
    }

    /**
     * Uploads {@code file} as {@code filename} with the form {@code fields} (each field's
     * values in order; the file goes last as the {@code content} part).
     *
     * @throws IOException if the index could not be reached, or answered 5xx, after the retries
     */
    public Result upload(Map<String, List<String>> fields, Path file, String filename) throws IOException {
        String boundary = "axle-" + HexFormat.of().formatHex(randomBytes());
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, values) -> {
            for (String value : values) {
                head.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append("\"\r\n\r\n")
                        .append(value).append("\r\n");
            }
        });
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"content\"; filename=\"").append(quoted(filename))
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        parts.add(HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        HttpRequest.Builder request = HttpRequest.newBuilder(repository)
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
        credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        HttpRequest built = request.build();

        IOException lastFailure = null;
        int attempts = options.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Fetcher.pause(options.backoff(attempt - 1));
            }
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while uploading " + filename);
            } catch (IOException e) {
                if (!Fetcher.retryable(-1, e)) {
                    throw e;
                }
                lastFailure = e;
                continue;
            }
            Result result = result(response);
            if (Fetcher.retryable(response.statusCode(), null) && attempt < attempts) {
                lastFailure = new IOException(result.status() + " " + result.reason());
                continue;
            }
            return result;
        }
        String why = lastFailure == null ? "no answer" : lastFailure.getMessage() == null ? lastFailure.toString()
                : lastFailure.getMessage();
        throw new IOException("could not upload " + filename + " to " + url() + ": " + why + " (" + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "); check the URL and that the index is up",
                lastFailure);
    }

    private static Result result(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        // The JDK client does not give the status line's reason phrase, where Warehouse puts its
        // message; Warehouse, devpi and axle's server repeat it in the body.
        String reason = body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (reason.startsWith("<")) {
            reason = textOf(body);
        }
        return new Result(response.statusCode(), reason, body, response.headers().firstValue("Location"));
    }

    /** The text of an HTML answer, roughly: tags dropped, whitespace folded. */
    private static String textOf(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
