package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy index in front of a second real server on loopback: listings kept for the index's own TTL, files
 * fetched upstream once (counted by the upstream's own /metrics), outages answered from what was
 * kept, private names never taken from the upstream, the allow-list, and pip installing through it.
 */
class ProxyIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    @TempDir
    Path temp;
    private ServerRoot upstreamRoot;
    private IndexServer upstream;
    private ServerRoot proxyRoot;
    private IndexServer proxy;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        upstreamRoot = ServerRoot.open(temp.resolve("upstream"));
        publish(upstreamRoot, "main", "Hello.Axle", "1.0");
        publish(upstreamRoot, "main", "Hello.Axle", "2.0");
        publish(upstreamRoot, "main", "acme-secret", "9.0");
        publish(upstreamRoot, "main", "other", "1.0");
        upstream = IndexServer.start(upstreamRoot, "127.0.0.1", 0);
        proxyRoot = ServerRoot.open(temp.resolve("proxy"));
    }

    /** Starts the proxy server, its index {@code mirror} proxying the upstream's main index. */
    private void startProxy(Duration ttl, List<String> allow) throws Exception {
        proxyRoot.store().saveIndex(new IndexConfig("mirror", List.of(), false,
                Optional.of(upstream.uri().resolve("/simple/")), allow, Optional.of(ttl)));
        proxy = IndexServer.start(proxyRoot, "127.0.0.1", 0);
        base = proxy.uri();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        proxyRoot.close();
        upstream.close();
        upstreamRoot.close();
    }

    private Path publish(ServerRoot root, String index, String name, String version) throws Exception {
        String metadata = TestDists.metadata("2.1", name, version, "Summary: " + name + " " + version + "\n", "");
        Path wheel = TestDists.wheel(temp.resolve("dist-" + index + "-" + version), name, version, metadata);
        assertThat(Published.publish(root, index, wheel, name, version, metadata)).isEqualTo(Publication.Outcome.ADDED);
        return wheel;
    }

    /** How many requests of {@code route} the upstream answered with 200. */
    private long upstreamRequests(String route) throws Exception {
        Matcher m = Pattern.compile("axle_http_requests_total\\{route=\"" + route + "\",status=\"200\"} (\\d+)")
                .matcher(Http.get(upstream.uri(), "/metrics").body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private JsonNode page(String path) throws Exception {
        HttpResponse<String> r = Http.get(base, path, "Accept", SIMPLE_JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> filenames(JsonNode page) {
        return page.get("files").findValuesAsText("filename");
    }

    @Test
    void pagesAreTheUpstreamsWithFilesOnTheProxyAndFilesAreFetchedOnce() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        JsonNode page = page("/mirror/simple/hello-axle/");
        assertThat(filenames(page))
                .containsExactly("hello_axle-1.0-py3-none-any.whl", "hello_axle-2.0-py3-none-any.whl");
        JsonNode file = page.get("files").get(1);
        assertThat(file.get("url").asText()).isEqualTo("/mirror/files/hello-axle/hello_axle-2.0-py3-none-any.whl");
        String sha256 = file.get("hashes").get("sha256").asText();
        assertThat(file.get("core-metadata").get("sha256").asText()).hasSize(64);
        assertThat(page("/mirror/simple/hello-axle/").get("versions").toString()).isEqualTo("[\"1.0\",\"2.0\"]");
        assertThat(Http.get(base, "/mirror/simple/hello-axle/").body()).contains("data-core-metadata=\"sha256=");
        assertThat(upstreamRequests("simple-project")).isEqualTo(1);

        byte[] expected = Files.readAllBytes(temp.resolve("dist-main-2.0/hello_axle-2.0-py3-none-any.whl"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> got = Http.bytes(base, file.get("url").asText());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(expected);
            assertThat(got.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
        }
        HttpResponse<byte[]> range = Http.bytes(base, file.get("url").asText(), "Range", "bytes=0-3");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(new String(range.body(), StandardCharsets.ISO_8859_1)).isEqualTo("PK\3\4");
        HttpResponse<String> metadata = Http.get(base, file.get("url").asText() + ".metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("Summary: Hello.Axle 2.0");
        Http.get(base, file.get("url").asText() + ".metadata");
        assertThat(upstreamRequests("file")).isEqualTo(1);
        assertThat(upstreamRequests("metadata")).isEqualTo(1);
        // Fetched listings are the proxy index's projects now.
        assertThat(Http.get(base, "/mirror/simple/").body()).contains("<a href=\"hello-axle/\">");
        assertThat(Http.get(base, "/mirror/pypi/hello-axle/2.0/json").statusCode()).isEqualTo(200);
        assertThat(upstreamRequests("simple-project")).isEqualTo(1);
    }

    @Test
    void concurrentFirstRequestsShareOneUpstreamDownload() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        String url = page("/mirror/simple/hello-axle/").get("files").get(0).get("url").asText();
        byte[] expected = Files.readAllBytes(temp.resolve("dist-main-1.0/hello_axle-1.0-py3-none-any.whl"));
        List<java.util.concurrent.Future<HttpResponse<byte[]>>> downloads = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                downloads.add(threads.submit(() -> Http.bytes(base, url)));
            }
            for (var d : downloads) {
                assertThat(d.get().statusCode()).isEqualTo(200);
                assertThat(d.get().body()).isEqualTo(expected);
            }
        }
        assertThat(upstreamRequests("file")).isEqualTo(1);
    }

    @Test
    void uploadsToAProxyIndexAreRefused() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        HttpResponse<String> r = Http.send(base, "POST", "/mirror/", java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("index 'mirror' mirrors " + upstream.uri().resolve("/simple/"));
    }

    @Test
    void metadataIsFetchedUpstreamBeforeTheWheelIsKept() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        JsonNode file = page("/mirror/simple/hello-axle/").get("files").get(0);
        HttpResponse<String> metadata = Http.get(base, file.get("url").asText() + ".metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("Version: 1.0");
        assertThat(Published.hex("SHA-256", metadata.body().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(file.get("core-metadata").get("sha256").asText());
        Http.get(base, file.get("url").asText() + ".metadata");
        assertThat(upstreamRequests("metadata")).isEqualTo(1);
        assertThat(upstreamRequests("file")).isZero();
    }

    @Test
    void pagesAreFetchedAgainOnlyAfterTheTtl() throws Exception {
        startProxy(Duration.ofSeconds(2), List.of());
        assertThat(filenames(page("/mirror/simple/hello-axle/"))).hasSize(2);
        publish(upstreamRoot, "main", "Hello.Axle", "3.0");
        assertThat(filenames(page("/mirror/simple/hello-axle/"))).hasSize(2);
        assertThat(Http.get(base, "/mirror/simple/hello-axle/").statusCode()).isEqualTo(200);
        assertThat(upstreamRequests("simple-project")).isEqualTo(1);
        Thread.sleep(2_200);
        assertThat(filenames(page("/mirror/simple/hello-axle/"))).hasSize(3);
        assertThat(upstreamRequests("simple-project")).isEqualTo(2);
    }

    @Test
    void anUpstreamOutageIsAnsweredFromWhatWasKept() throws Exception {
        startProxy(Duration.ZERO, List.of());
        JsonNode page = page("/mirror/simple/hello-axle/");
        String url = page.get("files").get(1).get("url").asText();
        byte[] wheel = Http.bytes(base, url).body();
        URI upstreamIndex = upstream.uri().resolve("/simple/");
        upstream.close();

        JsonNode stale = page("/mirror/simple/hello-axle/");
        assertThat(filenames(stale)).isEqualTo(filenames(page));
        assertThat(Http.bytes(base, url).body()).isEqualTo(wheel);
        HttpResponse<byte[]> range = Http.bytes(base, url, "Range", "bytes=-10");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10);
        // Listed but never kept: the upstream is needed and down.
        HttpResponse<String> notKept = Http.get(base, page.get("files").get(0).get("url").asText());
        assertThat(notKept.statusCode()).isEqualTo(502);
        assertThat(notKept.body()).contains("cannot fetch hello_axle-1.0-py3-none-any.whl from the upstream of"
                + " index 'mirror'");
        HttpResponse<String> unknown = Http.get(base, "/mirror/simple/other/");
        assertThat(unknown.statusCode()).isEqualTo(502);
        assertThat(unknown.body()).contains("the upstream of index 'mirror' (" + upstreamIndex
                + ") cannot be reached for other");
    }

    @Test
    void aProjectKeptBeforeARestartIsServedWhileTheUpstreamIsDown() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        String url = page("/mirror/simple/hello-axle/").get("files").get(1).get("url").asText();
        byte[] wheel = Http.bytes(base, url).body();
        upstream.close();
        proxy.close();
        proxy = IndexServer.start(proxyRoot, "127.0.0.1", 0);
        base = proxy.uri();
        assertThat(filenames(page("/mirror/simple/hello-axle/")))
                .containsExactly("hello_axle-1.0-py3-none-any.whl", "hello_axle-2.0-py3-none-any.whl");
        assertThat(Http.bytes(base, url).body()).isEqualTo(wheel);
    }

    @Test
    void aNameOnAPrivateIndexIsNeverTakenFromTheUpstream() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        publish(proxyRoot, "main", "acme-secret", "1.0");
        proxyRoot.store().saveIndex(new IndexConfig("main", List.of("mirror"), false, Optional.empty()));
        proxyRoot.store().saveIndex(new IndexConfig("merged", List.of("main", "mirror"), true, Optional.empty()));
        proxyRoot.store().saveIndex(new IndexConfig("upstream-first", List.of("mirror", "main"), true,
                Optional.empty()));
        for (String index : List.of("main", "merged", "upstream-first")) {
            JsonNode page = page("/" + index + "/simple/acme-secret/");
            assertThat(filenames(page)).as(index).containsExactly("acme_secret-1.0-py3-none-any.whl");
            assertThat(page.get("files").get(0).get("url").asText()).startsWith("/main/files/");
        }
        assertThat(upstreamRequests("simple-project")).isZero();
        // Names no private index has still come from the upstream through the chain.
        assertThat(filenames(page("/main/simple/hello-axle/"))).hasSize(2);
        assertThat(page("/merged/simple/hello-axle/").get("files").get(0).get("url").asText())
                .startsWith("/mirror/files/");
    }

    @Test
    void theAllowListRefusesOtherNamesWithoutAskingTheUpstream() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of("Hello_*", "acme-?ecret"));
        assertThat(filenames(page("/mirror/simple/hello-axle/"))).hasSize(2);
        assertThat(filenames(page("/mirror/simple/acme-secret/"))).hasSize(1);
        HttpResponse<String> refused = Http.get(base, "/mirror/simple/other/");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Http.get(base, "/mirror/files/other/other-1.0-py3-none-any.whl").statusCode()).isEqualTo(404);
        assertThat(upstreamRequests("simple-project")).isEqualTo(2);
    }

    @Test
    void pipInstallsThroughTheProxy() throws Exception {
        startProxy(IndexServer.DEFAULT_PROXY_TTL, List.of());
        for (String venv : List.of("venv1", "venv2")) {
            Path python = Pythons.venv(Pythons.python("3.12"), temp.resolve(venv));
            Pythons.Run pip = Pythons.run(Pythons.pipEnvironment(temp.resolve("cache-" + venv)), temp,
                    python.toString(), "-m", "pip", "install", "--index-url", base + "mirror/simple/", "hello-axle");
            assertThat(pip.exitCode()).as(pip.output()).isZero();
            Pythons.Run imported = Pythons.run(Pythons.pipEnvironment(temp.resolve("cache-" + venv)), temp,
                    python.toString(), "-c", "import hello_axle_mod; print(hello_axle_mod.VALUE)");
            assertThat(imported.output().strip()).isEqualTo("2.0");
        }
        assertThat(upstreamRequests("file")).isEqualTo(1);
        assertThat(upstreamRequests("simple-project")).isEqualTo(1);
    }
}
