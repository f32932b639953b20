package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read side over HTTP (JDK client): negotiation, both formats, caching, ranges, escaping, the JSON API. */
class SimpleApiTest {
    private static final ObjectMapper JSON = Http.JSON;
    private static final String SIMPLE_JSON = Http.SIMPLE_JSON;

    @TempDir
    Path temp;
    private ServerRoot root;
    private IndexServer server;
    private URI base;
    private Path wheel;
    private String metadata;

    @BeforeEach
    void start() throws Exception {
        root = ServerRoot.open(temp.resolve("root"));
        metadata = TestDists.metadata("2.1", "Spam_Eggs", "1.0", "Summary: <script>alert('x')</script> & co\n"
                + "Requires-Python: >=3.8\nRequires-Dist: requests>=2\n", "<b>bold</b> description\n");
        wheel = TestDists.wheel(temp.resolve("dist"), "Spam_Eggs", "1.0", metadata);
        assertThat(Published.publish(root, "main", wheel, "Spam_Eggs", "1.0", metadata))
                .isEqualTo(Publication.Outcome.ADDED);
        Path old = TestDists.wheel(temp.resolve("dist"), "Spam_Eggs", "0.9");
        Published.publish(root, "main", old, "Spam_Eggs", "0.9", TestDists.metadata("2.1", "Spam_Eggs", "0.9", "", ""));
        root.store().setYanked("main", "spam-eggs", "0.9", Optional.empty(), true, Optional.of("broken \"quote\""));
        server = IndexServer.start(root, "127.0.0.1", 0);
        base = server.uri();
    }

    @AfterEach
    void stop() {
        server.close();
        root.close();
    }

    @Test
    void negotiatesByAcceptWithQualities() throws Exception {
        HttpResponse<String> pip = Http.get(base, "/simple/spam-eggs/", "Accept",
                SIMPLE_JSON + ", application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01");
        assertThat(pip.statusCode()).isEqualTo(200);
        assertThat(pip.headers().firstValue("Content-Type")).hasValue(SIMPLE_JSON);
        assertThat(pip.headers().allValues("Vary").toString()).contains("Accept");

        HttpResponse<String> preferHtml = Http.get(base, "/simple/spam-eggs/", "Accept",
                SIMPLE_JSON + ";q=0.2, text/html;q=0.9");
        assertThat(preferHtml.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(Http.get(base, "/simple/spam-eggs/", "Accept", "*/*").headers().firstValue("Content-Type"))
                .hasValue("text/html");
        assertThat(Http.get(base, "/simple/spam-eggs/", "Accept", "application/*").headers()
                .firstValue("Content-Type")).hasValue("application/vnd.pypi.simple.v1+html");
        assertThat(Http.get(base, "/simple/spam-eggs/", "Accept", "image/png, text/html;q=0").statusCode())
                .isEqualTo(406);
        assertThat(Http.get(base, "/simple/spam-eggs/?format=" + SIMPLE_JSON.replace("+", "%2B")).headers().firstValue("Content-Type"))
                .hasValue(SIMPLE_JSON);
    }

    @Test
    void jsonProjectPageHasPep700FieldsYanksAndMetadata() throws Exception {
        HttpResponse<String> r = Http.get(base, "/simple/spam-eggs/", "Accept", SIMPLE_JSON);
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.at("/meta/api-version").asText()).isEqualTo("1.4");
        long serial = page.at("/meta/_last-serial").asLong();
        assertThat(serial).isEqualTo(root.store().serial()).isPositive();
        assertThat(r.headers().firstValue("X-PyPI-Last-Serial")).hasValue(Long.toString(serial));
        assertThat(page.get("name").asText()).isEqualTo("spam-eggs");
        assertThat(page.get("versions").toString()).isEqualTo("[\"0.9\",\"1.0\"]");
        JsonNode old = page.at("/files/0");
        JsonNode current = page.at("/files/1");
        assertThat(old.get("yanked").asText()).isEqualTo("broken \"quote\"");
        assertThat(current.get("yanked").asBoolean()).isFalse();
        assertThat(current.get("filename").asText()).isEqualTo("spam_eggs-1.0-py3-none-any.whl");
        assertThat(current.at("/hashes/sha256").asText()).isEqualTo(Published.hex("SHA-256", Files.readAllBytes(wheel)));
        assertThat(current.get("size").asLong()).isEqualTo(Files.size(wheel));
        assertThat(current.get("upload-time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(current.get("requires-python").asText()).isEqualTo(">=3.8");
        String metadataSha = Published.hex("SHA-256", metadata.getBytes(StandardCharsets.UTF_8));
        assertThat(current.at("/core-metadata/sha256").asText()).isEqualTo(metadataSha);

        HttpResponse<byte[]> served = Http.bytes(base, current.get("url").asText() + ".metadata");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(Published.hex("SHA-256", served.body())).isEqualTo(metadataSha);
        assertThat(Http.bytes(base, current.get("url").asText()).body()).isEqualTo(Files.readAllBytes(wheel));
    }

    @Test
    void htmlProjectPageEscapesAndAdvertises() throws Exception {
        String html = Http.get(base, "/simple/spam-eggs/", "Accept", "text/html").body();
        String sha = Published.hex("SHA-256", Files.readAllBytes(wheel));
        String metadataSha = Published.hex("SHA-256", metadata.getBytes(StandardCharsets.UTF_8));
        assertThat(html).contains("<meta name=\"pypi:repository-version\" content=\"1.4\">")
                .contains("<a href=\"/main/files/spam-eggs/spam_eggs-1.0-py3-none-any.whl#sha256=" + sha
                        + "\" data-requires-python=\"&gt;=3.8\" data-dist-info-metadata=\"sha256=" + metadataSha
                        + "\" data-core-metadata=\"sha256=" + metadataSha + "\">spam_eggs-1.0-py3-none-any.whl</a>")
                .contains("data-yanked=\"broken &quot;quote&quot;\"");
        String list = Http.get(base, "/simple/", "Accept", "text/html").body();
        assertThat(list).contains("<a href=\"spam-eggs/\">Spam_Eggs</a>");
        JsonNode json = JSON.readTree(Http.get(base, "/simple/", "Accept", SIMPLE_JSON).body());
        assertThat(json.at("/projects/0/name").asText()).isEqualTo("Spam_Eggs");
        assertThat(json.at("/projects/0/_last-serial").asLong()).as("PyPI's per-project serial, for mirrors")
                .isEqualTo(root.store().project("main", "spam-eggs").orElseThrow().lastSerial()).isPositive();
    }

    @Test
    void redirectsToTheNormalizedName() throws Exception {
        HttpResponse<String> r = Http.get(base, "/simple/Spam_Eggs/");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/simple/spam-eggs/");
        assertThat(Http.get(base, "/simple/spam-eggs").headers().firstValue("Location").orElseThrow())
                .endsWith("/simple/spam-eggs/");
        assertThat(Http.get(base, "/main/simple/Spam.Eggs/").headers().firstValue("Location").orElseThrow())
                .endsWith("/main/simple/spam-eggs/");
        assertThat(Http.get(base, "/simple/nothing-here/").statusCode()).isEqualTo(404);
    }

    @Test
    void etagsAnswer304AndHeadHasNoBody() throws Exception {
        HttpResponse<String> first = Http.get(base, "/simple/spam-eggs/", "Accept", SIMPLE_JSON);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(Http.get(base, "/simple/spam-eggs/", "Accept", SIMPLE_JSON, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        // The HTML is another representation: another tag.
        assertThat(Http.get(base, "/simple/spam-eggs/", "Accept", "text/html", "If-None-Match", etag).statusCode())
                .isEqualTo(200);

        HttpResponse<String> headPage = Http.send(base, "HEAD", "/simple/spam-eggs/", HttpRequest.BodyPublishers.noBody(),
                "Accept", SIMPLE_JSON);
        assertThat(headPage.statusCode()).isEqualTo(200);
        assertThat(headPage.body()).isEmpty();
        assertThat(headPage.headers().firstValue("ETag")).hasValue(etag);
        assertThat(headPage.headers().firstValueAsLong("Content-Length").orElseThrow())
                .isEqualTo(first.body().getBytes(StandardCharsets.UTF_8).length);

        String fileUrl = "/main/files/spam-eggs/spam_eggs-1.0-py3-none-any.whl";
        HttpResponse<String> head = Http.send(base, "HEAD", fileUrl, HttpRequest.BodyPublishers.noBody());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(Files.size(wheel));
        assertThat(head.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        String fileTag = head.headers().firstValue("ETag").orElseThrow();
        assertThat(Http.get(base, fileUrl, "If-None-Match", fileTag).statusCode()).isEqualTo(304);
    }

    @Test
    void rangesOnFiles() throws Exception {
        byte[] all = Files.readAllBytes(wheel);
        String url = "/main/files/spam-eggs/spam_eggs-1.0-py3-none-any.whl";
        HttpResponse<byte[]> part = Http.bytes(base, url, "Range", "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(all, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + all.length);
        HttpResponse<byte[]> tail = Http.bytes(base, url, "Range", "bytes=-22");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(all, all.length - 22, all.length));
        HttpResponse<byte[]> beyond = Http.bytes(base, url, "Range", "bytes=" + all.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + all.length);
        assertThat(Http.bytes(base, url, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(200);
        assertThat(Http.bytes(base, url, "Range", "bytes=0-3", "If-Range", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void humanPagesEscapeEverything() throws Exception {
        String page = Http.get(base, "/project/spam-eggs/").body();
        assertThat(page).doesNotContain("<script>").doesNotContain("<b>bold")
                .contains("pip install --index-url " + base + "simple/ spam-eggs")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .contains("<pre>&lt;b&gt;bold&lt;/b&gt; description");
        assertThat(Http.get(base, "/?q=spam").body()).contains("<a href=\"/project/spam-eggs/\">Spam_Eggs</a>");
        assertThat(Http.get(base, "/?q=%3Cscript%3E").body()).doesNotContain("<script>").contains("0 projects");
        assertThat(Http.get(base, "/health").body()).isEqualTo("ok\n");
        String metrics = Http.get(base, "/metrics").body();
        assertThat(metrics).contains("axle_http_requests_total{route=\"project\",status=\"200\"} 1")
                .contains("axle_file_bytes_served_total");
    }

    @Test
    void livenessAndReadinessForLoadBalancers() throws Exception {
        assertThat(Http.get(base, "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Http.get(base, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
        assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Http.get(base, "/health/other").statusCode()).isEqualTo(404);

        root.store().close(); // the database goes away: alive still, but not ready
        HttpResponse<String> unready = Http.get(base, "/health/ready");
        assertThat(unready.statusCode()).isEqualTo(503);
        assertThat(unready.body()).startsWith("Service Unavailable: the database does not answer: cannot read the"
                + " serial in " + temp.resolve("root").resolve("index.db"));
        assertThat(Http.get(base, "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void warehouseJson() throws Exception {
        JsonNode doc = JSON.readTree(Http.get(base, "/pypi/spam-eggs/json").body());
        assertThat(doc.at("/info/name").asText()).isEqualTo("Spam_Eggs");
        assertThat(doc.at("/info/version").asText()).isEqualTo("1.0");
        assertThat(doc.at("/info/summary").asText()).isEqualTo("<script>alert('x')</script> & co");
        assertThat(doc.at("/info/requires_python").asText()).isEqualTo(">=3.8");
        assertThat(doc.at("/info/requires_dist").toString()).isEqualTo("[\"requests>=2\"]");
        assertThat(doc.at("/releases/0.9/0/yanked").asBoolean()).isTrue();
        assertThat(doc.at("/releases/0.9/0/yanked_reason").asText()).isEqualTo("broken \"quote\"");
        JsonNode url = doc.at("/urls/0");
        assertThat(url.get("packagetype").asText()).isEqualTo("bdist_wheel");
        assertThat(url.get("python_version").asText()).isEqualTo("py3");
        assertThat(url.at("/digests/sha256").asText()).isEqualTo(Published.hex("SHA-256", Files.readAllBytes(wheel)));
        assertThat(url.get("upload_time_iso_8601").asText()).endsWith("Z");
        assertThat(url.get("url").asText()).startsWith(base.toString() + "main/files/spam-eggs/");

        JsonNode old = JSON.readTree(Http.get(base, "/pypi/spam-eggs/0.9/json").body());
        assertThat(old.at("/info/version").asText()).isEqualTo("0.9");
        assertThat(old.at("/info/yanked").asBoolean()).isTrue();
        assertThat(Http.get(base, "/pypi/Spam_Eggs/json").statusCode()).isEqualTo(301);
        assertThat(Http.get(base, "/pypi/spam-eggs/7/json").statusCode()).isEqualTo(404);
    }

    @Test
    void indexesInheritFromTheirBases() throws Exception {
        root.store().saveIndex(new IndexConfig("dev", List.of("main"), false, Optional.empty()));
        root.store().saveIndex(new IndexConfig("all", List.of("dev"), true, Optional.empty()));
        Path devWheel = TestDists.wheel(temp.resolve("dev"), "spam-eggs", "2.0");
        Published.publish(root, "dev", devWheel, "spam-eggs", "2.0", TestDists.metadata("2.1", "spam-eggs", "2.0", "", ""));
        Path other = TestDists.wheel(temp.resolve("dev"), "other", "1.0");
        Published.publish(root, "main", other, "other", "1.0", TestDists.metadata("2.1", "other", "1.0", "", ""));

        // dev has spam-eggs itself: only its files; other comes from main.
        JsonNode dev = JSON.readTree(Http.get(base, "/dev/simple/spam-eggs/", "Accept", SIMPLE_JSON).body());
        assertThat(dev.get("versions").toString()).isEqualTo("[\"2.0\"]");
        JsonNode inherited = JSON.readTree(Http.get(base, "/dev/simple/other/", "Accept", SIMPLE_JSON).body());
        assertThat(inherited.at("/files/0/url").asText()).startsWith("/main/files/other/");
        JsonNode list = JSON.readTree(Http.get(base, "/dev/simple/", "Accept", SIMPLE_JSON).body());
        assertThat(list.get("projects").toString()).contains("\"other\"").contains("spam-eggs");
        // all merges its chain: dev's 2.0 and main's 0.9 and 1.0.
        JsonNode merged = JSON.readTree(Http.get(base, "/all/simple/spam-eggs/", "Accept", SIMPLE_JSON).body());
        assertThat(merged.get("versions").toString()).isEqualTo("[\"0.9\",\"1.0\",\"2.0\"]");
        assertThat(Http.get(base, "/nope/simple/").statusCode()).isEqualTo(404);
    }
}
