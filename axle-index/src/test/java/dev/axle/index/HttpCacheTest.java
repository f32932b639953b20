package dev.axle.index;

import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.index.IndexOptions.CacheMode;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP cache of pages and metadata files, against the JDK's HTTP server on loopback. */
class HttpCacheTest {
    private static final ProjectName HOLYGRAIL = ProjectName.parse("holygrail");
    private static final byte[] METADATA = "Metadata-Version: 2.1\nName: holygrail\nVersion: 1.0\n"
            .getBytes(StandardCharsets.UTF_8);

    private final LoopbackServer server = start();
    private final List<Index> indexes = new ArrayList<>();
    /** The page's version: changing it changes the page and its ETag. */
    private final AtomicInteger version = new AtomicInteger(1);

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

    private IndexOptions options(CacheMode mode) {
        return HttpIndexTest.FAST.withCache(tmp.resolve("cache")).withCacheMode(mode);
    }

    private Index index(URI url, CacheMode mode) {
        Index index = Index.of(url, options(mode));
        indexes.add(index);
        return index;
    }

    private Index index(CacheMode mode) {
        return index(server.url("/simple/"), mode);
    }

    private static String page(int version) {
        return """
                {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": [
                  {"filename": "holygrail-%d.0-py3-none-any.whl", "url": "../../files/h-%d.whl", "hashes": {},
                   "core-metadata": true}]}
                """.formatted(version, version);
    }

    /** Serves the page with these caching headers, answering conditional requests as a server does. */
    private void serve(String cacheControl, boolean etag, boolean lastModified) {
        server.on("/simple/", x -> {
            int v = version.get();
            String tag = "\"v" + v + "\"";
            String modified = "Sat, 0" + v + " Nov 2026 10:00:00 GMT";
            var h = x.getResponseHeaders();
            if (cacheControl != null) {
                h.set("Cache-Control", cacheControl);
            }
            if (etag) {
                h.set("ETag", tag);
            }
            if (lastModified) {
                h.set("Last-Modified", modified);
            }
            var asked = x.getRequestHeaders();
            if (etag && tag.equals(asked.getFirst("If-None-Match"))
                    || lastModified && modified.equals(asked.getFirst("If-Modified-Since"))) {
                x.sendResponseHeaders(304, -1);
            } else {
                send(x, 200, SimpleApi.JSON_V1, page(v));
            }
        });
    }

    private static String fileName(ProjectPage page) {
        return page.files().get(0).filename();
    }

    @Test
    void freshEntryIsUsedWithoutARequest() throws Exception {
        serve("max-age=600", true, false);

        ProjectPage first = index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        ProjectPage second = index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();

        assertThat(second).isEqualTo(first);
        // Links still resolve against the page's URL, kept in the entry.
        assertThat(second.files().get(0).url()).isEqualTo(server.url("/files/h-1.whl"));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void staleEntryIsRevalidatedWithItsETagAnd304RefreshesIt() throws Exception {
        serve("max-age=0", true, false);

        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        ProjectPage again = index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();

        assertThat(fileName(again)).isEqualTo("holygrail-1.0-py3-none-any.whl");
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0).header("If-None-Match")).isNull();
        assertThat(server.requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");

        version.set(2);
        assertThat(fileName(index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow()))
                .isEqualTo("holygrail-2.0-py3-none-any.whl");
        // The changed page replaced the entry: its ETag is the one asked with next.
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        assertThat(server.requests.get(3).header("If-None-Match")).isEqualTo("\"v2\"");
    }

    @Test
    void noCacheEntryIsRevalidatedWithLastModified() throws Exception {
        serve("max-age=600, no-cache", false, true);

        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        assertThat(index(CacheMode.NORMAL).projectPage(HOLYGRAIL)).isPresent();

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).header("If-Modified-Since")).isEqualTo("Sat, 01 Nov 2026 10:00:00 GMT");
    }

    @Test
    void noStoreIsNotStored() throws Exception {
        serve("no-store", true, false);

        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).header("If-None-Match")).isNull();
        assertThat(entries()).isEmpty();
    }

    @Test
    void offlineUsesEntriesOfAnyAgeAndReportsAMiss() throws Exception {
        serve("max-age=0", true, false);
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        Index offline = index(CacheMode.OFFLINE);

        assertThat(fileName(offline.projectPage(HOLYGRAIL).orElseThrow())).isEqualTo("holygrail-1.0-py3-none-any.whl");
        var miss = Thrown.by(IndexUnavailableException.class,
                () -> offline.projectPage(ProjectName.parse("spam")));

        assertThat(server.requests).hasSize(1);
        assertThat(miss.getMessage()).contains("--offline", server.url("/simple/spam/").toString(), "not in the HTTP cache");
        assertThat(miss.attempts()).isZero();
    }

    @Test
    void offlineNeverOpensAConnection() throws Exception {
        try (var listener = new CountingListener()) {
            URI url = URI.create("http://alice:s3cr%25t@127.0.0.1:" + listener.port() + "/simple/");
            Index offline = index(url, CacheMode.OFFLINE);
            Index offlineWithoutCache = Index.of(url, HttpIndexTest.FAST.withCacheMode(CacheMode.OFFLINE));
            indexes.add(offlineWithoutCache);
            var file = DistributionFile.of("h.whl", URI.create("http://127.0.0.1:" + listener.port() + "/h.whl"),
                    Map.of());

            var page = Thrown.by(IndexUnavailableException.class, () -> offline.projectPage(HOLYGRAIL));
            var noCache = Thrown.by(IndexUnavailableException.class, () -> offlineWithoutCache.projectPage(HOLYGRAIL));
            var download = Thrown.by(IndexUnavailableException.class,
                    () -> offline.download(file, tmp.resolve("h.whl"), DownloadListener.NONE));

            assertThat(page.getMessage()).contains("--offline", "alice:****@").doesNotContain("s3cr");
            assertThat(noCache.getMessage()).contains("--offline", "no cache folder");
            assertThat(download.getMessage()).contains("--offline", "/h.whl");
            Thread.sleep(100); // a connection attempt would have been accepted by now
            assertThat(listener.accepted).hasValue(0);
        }
    }

    @Test
    void refreshRevalidatesEachFreshEntryOnce() throws Exception {
        serve("max-age=600", true, false);
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        Index refreshing = index(CacheMode.REFRESH);

        refreshing.projectPage(HOLYGRAIL).orElseThrow();
        refreshing.projectPage(HOLYGRAIL).orElseThrow();

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void metadataFilesAreCachedDownloadsAreNot() throws Exception {
        serve("max-age=600", false, false);
        server.on("/files/", x -> {
            x.getResponseHeaders().set("Cache-Control", "max-age=600");
            send(x, 200, "application/octet-stream", METADATA);
        });
        DistributionFile file = index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow().files().get(0);

        for (int i = 0; i < 2; i++) {
            assertThat(index(CacheMode.NORMAL).coreMetadata(file)).hasValueSatisfying(m -> assertThat(m).isEqualTo(METADATA));
            index(CacheMode.NORMAL).download(file, tmp.resolve("h.whl"), DownloadListener.NONE);
        }

        assertThat(server.requests).extracting(LoopbackServer.Request::path)
                .containsExactly("/simple/holygrail/", "/files/h-1.whl.metadata", "/files/h-1.whl", "/files/h-1.whl");
    }

    @Test
    void entriesAreKeyedAndStoredWithoutCredentials() throws Exception {
        serve("max-age=600", true, false);
        URI withCredentials = URI.create(server.url("/simple/").toString().replace("//", "//alice:s3cr%25t@"));

        index(withCredentials, CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();

        assertThat(server.requests).hasSize(1);
        assertThat(entries()).singleElement().satisfies(entry -> {
            String stored = Files.readString(entry, StandardCharsets.ISO_8859_1);
            assertThat(stored).contains(server.url("/simple/holygrail/").toString()).doesNotContain("alice", "s3cr");
        });
    }

    @Test
    void staleEntryStandsInForAnUnreachableServerUnlessItMustRevalidate() throws Exception {
        serve("max-age=0", true, false);
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        server.on("/strict/", x -> {
            x.getResponseHeaders().set("Cache-Control", "max-age=0, must-revalidate");
            send(x, 200, SimpleApi.JSON_V1, page(1));
        });
        index(server.url("/strict/"), CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        server.close();

        assertThat(index(CacheMode.NORMAL).projectPage(HOLYGRAIL)).isPresent();
        var e = Thrown.by(IndexUnavailableException.class,
                () -> index(server.url("/strict/"), CacheMode.NORMAL).projectPage(HOLYGRAIL));
        assertThat(e.status()).isEmpty();
    }

    @Test
    void damagedEntryIsFetchedAgainAndReplacedWhole() throws Exception {
        serve("max-age=600", true, false);
        index(CacheMode.NORMAL).projectPage(HOLYGRAIL).orElseThrow();
        Path entry = entries().get(0);
        Files.writeString(entry, "axle-http-cache 1\nurl http://127.0.0.1/"); // cut short

        assertThat(index(CacheMode.NORMAL).projectPage(HOLYGRAIL)).isPresent();

        assertThat(server.requests).hasSize(2);
        assertThat(entries()).containsExactly(entry); // no temporary files left beside it
        assertThat(CacheEntry.decode(Files.readAllBytes(entry))).isPresent();
    }

    @Test
    void cacheControlDirectives() {
        assertThat(CacheControl.parse("public, max-age=600")).isEqualTo(
                new CacheControl(OptionalLong.of(600), false, false, false));
        assertThat(CacheControl.parse("No-Cache=\"Set-Cookie\", MUST-REVALIDATE, max-age=\"60\", max-age=30"))
                .isEqualTo(new CacheControl(OptionalLong.of(30), true, false, true));
        assertThat(CacheControl.parse("no-store, max-age=x")).isEqualTo(
                new CacheControl(OptionalLong.empty(), false, true, false));
    }

    private List<Path> entries() throws IOException {
        Path root = tmp.resolve("cache");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A socket that counts the connections made to it and answers none. */
    private static final class CountingListener implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket socket;

        CountingListener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
