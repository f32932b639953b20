package dev.axle.index;

import static dev.axle.index.LoopbackServer.redirect;
import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index client against the JDK's HTTP server on loopback. */
class HttpIndexTest {
    /** Short timeouts and backoff, so that failing paths stay fast. */
    static final IndexOptions FAST = IndexOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(40));

    private static final byte[] WHEEL = "not really a zip, but bytes to hash".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "Metadata-Version: 2.1\nName: holygrail\nVersion: 1.0\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final ProjectName HOLYGRAIL = ProjectName.parse("HolyGrail");

    private final LoopbackServer server = start();
    private final List<Index> indexes = new ArrayList<>();

    @TempDir
    Path tmp;

    private static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        indexes.forEach(Index::close);
        server.close();
    }

    private Index index(String path) {
        return index(server.url(path));
    }

    private Index index(URI url) {
        Index index = Index.of(url, FAST);
        indexes.add(index);
        return index;
    }

    private static String jsonPage(String fileUrl, String metadataHash) {
        return """
                {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": [
                  {"filename": "holygrail-1.0-py3-none-any.whl", "url": "%s",
                   "hashes": {"sha256": "%s"}, "core-metadata": {"sha256": "%s"}}]}
                """.formatted(fileUrl, Digests.sha256(WHEEL), metadataHash);
    }

    @Test
    void jsonPageRequestedWithTheSimpleApiAcceptHeader() throws Exception {
        server.on("/simple/holygrail/", x -> send(x, 200, SimpleApi.JSON_V1, jsonPage("../../files/h.whl", "00")));

        ProjectPage page = index("/simple").projectPage(HOLYGRAIL).orElseThrow();

        assertThat(page.name()).isEqualTo("holygrail");
        assertThat(page.files()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(server.url("/files/h.whl"));
            assertThat(f.hashes()).containsEntry("sha256", Digests.sha256(WHEEL));
        });
        assertThat(server.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/simple/holygrail/");
            assertThat(r.accept()).isEqualTo(SimpleApi.ACCEPT);
            assertThat(r.userAgent()).startsWith("axle/").doesNotEndWith("${project.version}");
            assertThat(r.authorization()).isNull();
        });
    }

    @Test
    void htmlPageParsedAgainstTheUrlRedirectedTo() throws Exception {
        server.on("/simple/holygrail/", x -> redirect(x, 301, "/mirror/holygrail/"))
                .on("/mirror/holygrail/", x -> send(x, 200, "text/html; charset=utf-8",
                        "<a href=\"holygrail-1.0.tar.gz#sha256=" + "ab".repeat(32) + "\">holygrail-1.0.tar.gz</a>"));

        ProjectPage page = index(withCredentials(server.url("/simple/"))).projectPage(HOLYGRAIL).orElseThrow();

        assertThat(page.files()).singleElement().satisfies(f ->
                assertThat(f.url()).isEqualTo(server.url("/mirror/holygrail/holygrail-1.0.tar.gz")));
        assertThat(server.requests).extracting(LoopbackServer.Request::path)
                .containsExactly("/simple/holygrail/", "/mirror/holygrail/");
        // The same host: the index's credentials go along.
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
    }

    @Test
    void crossHostRedirectIsFollowedWithoutTheIndexCredentials() throws Exception {
        try (var other = new LoopbackServer()) {
            other.on("/pages/holygrail/", x -> send(x, 200, SimpleApi.JSON_V1, jsonPage("h.whl", "00")));
            // localhost and 127.0.0.1 are different hosts to a client, though the same machine.
            String elsewhere = other.url("/pages/holygrail/").toString().replace("127.0.0.1", "localhost");
            server.on("/simple/holygrail/", x -> redirect(x, 302, elsewhere));

            ProjectPage page = index(withCredentials(server.url("/simple/"))).projectPage(HOLYGRAIL).orElseThrow();

            assertThat(page.files().get(0).url().toString()).isEqualTo(elsewhere + "h.whl");
            assertThat(server.requests).singleElement().satisfies(r -> assertThat(r.authorization()).isNotNull());
            assertThat(other.requests).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        }
    }

    @Test
    void notFoundMeansNoSuchProject() throws Exception {
        server.on("/simple/", x -> send(x, 404, "text/plain", "Not Found"));

        assertThat(index("/simple/").projectPage(HOLYGRAIL)).isEmpty();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/simple/holygrail/", x -> {
            switch (calls.incrementAndGet()) {
                case 1 -> send(x, 503, "text/plain", "busy");
                case 2 -> send(x, 429, "text/plain", "slow down");
                default -> send(x, 200, SimpleApi.JSON_V1, jsonPage("h.whl", "00"));
            }
        });

        assertThat(index("/simple/").projectPage(HOLYGRAIL)).isPresent();
        assertThat(calls).hasValue(3);
    }

    @Test
    void retryAfterIsHonouredUpToTheLongestBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/simple/", x -> {
            if (calls.incrementAndGet() == 1) {
                x.getResponseHeaders().set("Retry-After", "1");
                send(x, 503, "text/plain", "maintenance");
            } else {
                send(x, 200, SimpleApi.JSON_V1, jsonPage("h.whl", "00"));
            }
        });
        Index patient = Index.of(server.url("/simple/"),
                FAST.withRetries(1, Duration.ofMillis(10), Duration.ofSeconds(5)));
        indexes.add(patient);

        long start = System.nanoTime();
        assertThat(patient.projectPage(HOLYGRAIL)).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(calls).hasValue(2);
    }

    @Test
    void redirectsOnlyToHttpAndNotForever() {
        server.on("/ftp/", x -> redirect(x, 302, "ftp://127.0.0.1/simple/holygrail/"))
                .on("/loop/", x -> redirect(x, 307, x.getRequestURI().getPath()));

        assertThatThrownBy(() -> index("/ftp/").projectPage(HOLYGRAIL))
                .isInstanceOf(IndexUnavailableException.class).hasMessageContaining("HTTP 302");
        assertThatThrownBy(() -> index("/loop/").projectPage(HOLYGRAIL))
                .isInstanceOf(IndexUnavailableException.class).hasMessageContaining("HTTP 307", "redirects too often");
        assertThat(server.requests).hasSize(1 + 11);
    }

    @Test
    void persistentServerErrorGivesUpAfterTheRetries() {
        server.on("/simple/", x -> send(x, 500, "text/plain", "broken"));

        var e = Thrown.by(IndexUnavailableException.class,
                () -> index("/simple/").projectPage(HOLYGRAIL));

        assertThat(server.requests).hasSize(3);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.status()).hasValue(500);
        assertThat(e.getMessage()).contains("HTTP 500", "3 attempts", server.url("/simple/holygrail/").toString());
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.on("/simple/", x -> send(x, 403, "text/plain", "no"));

        var e = Thrown.by(IndexUnavailableException.class,
                () -> index("/simple/").projectPage(HOLYGRAIL));

        assertThat(server.requests).hasSize(1);
        assertThat(e.getMessage()).contains("HTTP 403", "(1 attempt)", "denied");
    }

    @Test
    void responseSlowerThanTheReadTimeoutFailsAfterTheRetries() {
        server.on("/simple/", x -> {
            sleep(1500);
            send(x, 200, SimpleApi.JSON_V1, jsonPage("h.whl", "00"));
        });

        var e = Thrown.by(IndexUnavailableException.class,
                () -> index("/simple/").projectPage(HOLYGRAIL));

        assertThat(e.getMessage()).contains("timed out", "3 attempts");
        assertThat(e.status()).isEmpty();
    }

    @Test
    void bodyThatStallsIsATimeoutButOneThatTricklesIsNot() throws Exception {
        byte[] page = jsonPage("h.whl", "00").getBytes(StandardCharsets.UTF_8);
        server.on("/stalls/", x -> trickle(x, 200, page, 1000))
                .on("/stalls-in-error/", x -> trickle(x, 503, page, 1000))
                .on("/trickles/", x -> trickle(x, 200, page, 100));

        // 8 pieces 100 ms apart: 800 ms in all, beyond the 300 ms read timeout, but never idle that long.
        assertThat(index("/trickles/").projectPage(HOLYGRAIL)).isPresent();
        assertThatThrownBy(() -> index("/stalls/").projectPage(HOLYGRAIL))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThatThrownBy(() -> index("/stalls-in-error/").projectPage(HOLYGRAIL))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    private static void trickle(com.sun.net.httpserver.HttpExchange x, int status, byte[] body, long pause)
            throws IOException {
        x.getResponseHeaders().set("Content-Type", SimpleApi.JSON_V1);
        x.sendResponseHeaders(status, body.length);
        int piece = (body.length + 7) / 8;
        for (int i = 0; i < body.length; i += piece) {
            x.getResponseBody().write(body, i, Math.min(piece, body.length - i));
            x.getResponseBody().flush();
            sleep(pause);
        }
    }

    @Test
    void credentialsFromTheUrlAreSentAndNeverShown() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("alice:s3cr%t".getBytes(StandardCharsets.UTF_8));
        server.on("/simple/", x -> {
            if (expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 200, SimpleApi.JSON_V1, jsonPage("h.whl", "00"));
            } else {
                x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"index\"");
                send(x, 401, "text/plain", "who are you?");
            }
        });

        var anonymous = Thrown.by(IndexUnavailableException.class,
                () -> index("/simple/").projectPage(HOLYGRAIL));
        assertThat(anonymous.getMessage()).contains("HTTP 401", "requires credentials");

        Index authenticated = index(withCredentials(server.url("/simple/")));
        assertThat(authenticated.projectPage(HOLYGRAIL)).isPresent();
        assertThat(authenticated.toString()).contains("alice:****@").doesNotContain("s3cr");
        assertThat(authenticated.url().toString()).doesNotContain("alice", "s3cr");

        Index wrong = index(URI.create(server.url("/simple/").toString().replace("//", "//alice:wrong%25pw@")));
        var refused = Thrown.by(IndexUnavailableException.class, () -> wrong.projectPage(HOLYGRAIL));
        assertThat(refused.getMessage()).contains("HTTP 401", "refused the credentials", "alice:****@");
        assertThat(everything(refused)).doesNotContain("wrong", "pw");
    }

    @Test
    void credentialsAreAbsentFromEveryFailureMessage() throws Exception {
        server.on("/simple/", x -> send(x, 200, "application/json", "{}"))
                .on("/files/", x -> send(x, 500, "text/plain", "broken"));
        Index index = index(withCredentials(server.url("/simple/")));
        var file = DistributionFile.of("h.whl", server.url("/files/h.whl"), Map.of());
        Index unreachable = index(URI.create("http://alice:s3cr%25t@127.0.0.1:1/simple/"));

        List<Throwable> failures = List.of(
                Thrown.by(InvalidIndexPageException.class, () -> index.projectPage(HOLYGRAIL)),
                Thrown.by(IndexUnavailableException.class,
                        () -> index.download(file, tmp.resolve("h.whl"), DownloadListener.NONE)),
                Thrown.by(IndexUnavailableException.class, () -> unreachable.projectPage(HOLYGRAIL)));

        for (Throwable t : failures) {
            assertThat(everything(t)).doesNotContain("s3cr");
        }
        assertThat(failures.get(2).getMessage()).contains("alice:****@127.0.0.1:1", "3 attempts");
    }

    @Test
    void metadataFileVerifiedAgainstItsHash() throws Exception {
        server.on("/simple/holygrail/", x -> send(x, 200, SimpleApi.JSON_V1,
                        jsonPage("/files/good.whl", Digests.sha256(METADATA))))
                .on("/bad/holygrail/", x -> send(x, 200, SimpleApi.JSON_V1,
                        jsonPage("/files/good.whl", "0".repeat(64))))
                .on("/files/good.whl.metadata", x -> send(x, 200, "application/octet-stream", METADATA));

        DistributionFile good = index("/simple/").projectPage(HOLYGRAIL).orElseThrow().files().get(0);
        assertThat(index("/simple/").coreMetadata(good)).hasValueSatisfying(b -> assertThat(b).isEqualTo(METADATA));

        DistributionFile bad = index("/bad/").projectPage(HOLYGRAIL).orElseThrow().files().get(0);
        var e = Thrown.by(HashMismatchException.class, () -> index("/bad/").coreMetadata(bad));
        assertThat(e.algorithm()).isEqualTo("sha256");
        assertThat(e.expected()).isEqualTo("0".repeat(64));
        assertThat(e.actual()).isEqualTo(Digests.sha256(METADATA));
        assertThat(e.getMessage()).contains(server.url("/files/good.whl.metadata").toString(),
                "0".repeat(64), Digests.sha256(METADATA));
    }

    @Test
    void noMetadataFileOffered() throws Exception {
        var file = DistributionFile.of("h.whl", server.url("/files/h.whl"), Map.of());
        assertThat(index("/simple/").coreMetadata(file)).isEmpty();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void downloadVerifiedAndReported() throws Exception {
        server.on("/files/", x -> send(x, 200, "application/octet-stream", WHEEL));
        var file = DistributionFile.of("h.whl", server.url("/files/h.whl"), Map.of("sha256", Digests.sha256(WHEEL),
                "md5", Digests.hex("MD5", WHEEL)));
        List<Long> progress = new ArrayList<>();
        Path target = tmp.resolve("h.whl");

        index("/simple/").download(file, target, (f, done, total) -> {
            assertThat(total).isEqualTo(WHEEL.length);
            progress.add(done);
        });

        assertThat(target).hasBinaryContent(WHEEL);
        assertThat(progress).startsWith(0L).endsWith((long) WHEEL.length);
        assertThat(tmp).isDirectoryNotContaining(p -> !p.equals(target));
    }

    @Test
    void downloadWithABadHashLeavesNothing() throws Exception {
        server.on("/files/", x -> send(x, 200, "application/octet-stream", WHEEL));
        var file = DistributionFile.of("h.whl", server.url("/files/h.whl"), Map.of("sha256", "1".repeat(64)));
        Path target = tmp.resolve("h.whl");

        var e = Thrown.by(HashMismatchException.class,
                () -> index("/simple/").download(file, target, DownloadListener.NONE));

        assertThat(e.getMessage()).contains(file.url().toString(), "1".repeat(64), Digests.sha256(WHEEL));
        assertThat(target).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void downloadReplacesAnOldFileOnlyWhenComplete() throws Exception {
        server.on("/files/", x -> send(x, 404, "text/plain", "gone"));
        Path target = tmp.resolve("h.whl");
        Files.writeString(target, "old");

        var e = Thrown.by(IndexUnavailableException.class, () -> index("/simple/")
                .download(DistributionFile.of("h.whl", server.url("/files/h.whl"), Map.of()), target,
                        DownloadListener.NONE));

        assertThat(e.getMessage()).contains("HTTP 404", "/files/h.whl");
        assertThat(target).hasContent("old");
        assertThat(tmp).isDirectoryNotContaining(p -> !p.equals(target));
    }

    @Test
    void invalidIndexUrls() {
        assertThatThrownBy(() -> Index.of(URI.create("ftp://alice:s3cret@host/simple/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice:****@host").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Index.of(URI.create("simple/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Index.of(URI.create("http:///simple/"))).isInstanceOf(IllegalArgumentException.class);
        try (Index index = Index.of(URI.create("https://host/simple"))) {
            assertThat(index.url()).hasToString("https://host/simple/");
        }
    }

    private static URI withCredentials(URI url) {
        return URI.create(url.toString().replace("//", "//alice:s3cr%25t@"));
    }

    /** Every message and string form in a throwable's chain. */
    private static String everything(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n').append(c.getMessage()).append('\n');
        }
        return s.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
