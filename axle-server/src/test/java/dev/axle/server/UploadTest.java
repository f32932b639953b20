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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads through the legacy API: twine, tokens, refusals, duplicates, races, and the yank API. */
class UploadTest {
    private static final ObjectMapper JSON = Http.JSON;
    private static final String SIMPLE_JSON = Http.SIMPLE_JSON;

    @TempDir
    Path temp;
    private ServerRoot root;
    private IndexServer server;
    private URI base;
    private String token;

    private TestServer served;

    @BeforeEach
    void start() throws Exception {
        served = TestServer.start(temp.resolve("root"));
        root = served.root();
        server = served.server();
        token = served.token();
        base = served.base();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private JsonNode page(String path) throws Exception {
        return Http.json(base, path);
    }

    @Test
    void twineUploadsAWheelAndAnSdist() throws Exception {
        Path twine = Pythons.program("twine", "install Debian's twine (apt-get install twine)");
        Path dist = temp.resolve("dist");
        Path wheel = TestDists.wheel(dist, "Twined.Pkg", "1.0", TestDists.metadata("2.1", "Twined.Pkg", "1.0",
                "Summary: uploaded by twine\n", ""));
        Path sdist = TestDists.sdist(dist, "Twined.Pkg", "1.0", TestDists.metadata("2.2", "Twined.Pkg", "1.0",
                "Summary: uploaded by twine\n", ""));
        Map<String, String> env = new HashMap<>(Map.of("TWINE_NON_INTERACTIVE", "1",
                "PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring"));
        Pythons.Run ok = Pythons.run(env, temp, twine.toString(), "upload", "--repository-url", base + "main/",
                "-u", "__token__", "-p", token, "--disable-progress-bar", wheel.toString(), sdist.toString());
        assertThat(ok.exitCode()).as(ok.output()).isZero();

        JsonNode page = page("/simple/twined-pkg/");
        assertThat(page.findValuesAsText("filename")).containsExactly("twined_pkg-1.0-py3-none-any.whl",
                "twined_pkg-1.0.tar.gz");
        // Metadata 2.2 with nothing dynamic: the sdist's PKG-INFO is served too.
        assertThat(page.at("/files/1/core-metadata/sha256").asText()).hasSize(64);
        assertThat(Http.get(base, "/main/files/twined-pkg/twined_pkg-1.0.tar.gz.metadata").body())
                .contains("Name: Twined.Pkg");

        Pythons.Run wrong = Pythons.run(env, temp, twine.toString(), "upload", "--repository-url", base + "legacy/",
                "-u", "__token__", "-p", "axle-wrong", "--disable-progress-bar", wheel.toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).contains("401");

        // The same bytes again: twine succeeds; other bytes under the name: refused.
        Pythons.Run again = Pythons.run(env, temp, twine.toString(), "upload", "--repository-url", base + "main/legacy/",
                "-u", "__token__", "-p", token, "--disable-progress-bar", wheel.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        Path other = TestDists.wheel(temp.resolve("other"), "Twined.Pkg", "1.0", TestDists.metadata("2.1",
                "Twined.Pkg", "1.0", "Summary: different bytes\n", ""));
        Pythons.Run clash = Pythons.run(env, temp, twine.toString(), "upload", "--repository-url", base + "main/",
                "-u", "__token__", "-p", token, "--disable-progress-bar", other.toString());
        assertThat(clash.exitCode()).isNotZero();
        assertThat(clash.output()).contains("400");
    }

    @Test
    void anSdistWithDynamicOrOldMetadataHasNoMetadataFile() throws Exception {
        URI main = base.resolve("/main/");
        Path old = TestDists.sdist(temp.resolve("old"), "legacy-sdist", "1.0",
                TestDists.metadata("2.1", "legacy-sdist", "1.0", "", ""));
        Path dynamic = TestDists.sdist(temp.resolve("dyn"), "legacy-sdist", "2.0",
                TestDists.metadata("2.2", "legacy-sdist", "2.0", "Dynamic: Requires-Dist\n", ""));
        assertThat(Uploads.upload(main, token, old, "legacy-sdist", "1.0").statusCode()).isEqualTo(200);
        assertThat(Uploads.upload(main, token, dynamic, "legacy-sdist", "2.0").statusCode()).isEqualTo(200);
        JsonNode page = page("/simple/legacy-sdist/");
        assertThat(page.get("files")).hasSize(2);
        for (JsonNode file : page.get("files")) {
            assertThat(file.has("core-metadata")).as(file.toString()).isFalse();
            assertThat(Http.get(base, file.get("url").asText() + ".metadata").statusCode()).isEqualTo(404);
        }
        assertThat(Http.get(base, "/simple/legacy-sdist/", "Accept", "text/html").body())
                .doesNotContain("data-core-metadata").doesNotContain("data-dist-info-metadata");
    }

    @Test
    void tokensAreCheckedAsPyPIDoes() throws Exception {
        Path wheel = TestDists.wheel(temp.resolve("dist"), "guarded", "1.0");
        URI main = base.resolve("/main/");
        HttpResponse<String> none = Uploads.upload(main, null, wheel, "guarded", "1.0");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(Uploads.upload(main, "axle-not-a-token", wheel, "guarded", "1.0").statusCode()).isEqualTo(401);

        root.store().saveIndex(IndexConfig.of("team"));
        HttpResponse<String> noTokens = Uploads.upload(base.resolve("/team/"), token, wheel, "guarded", "1.0");
        assertThat(noTokens.statusCode()).isEqualTo(403);
        assertThat(noTokens.body()).contains("axle token create").contains("--index team");
        String teamToken = new Tokens(root.store()).create("team", "team-ci");
        assertThat(Uploads.upload(base.resolve("/team/"), token, wheel, "guarded", "1.0").statusCode()).isEqualTo(403);
        assertThat(Uploads.upload(base.resolve("/team/"), teamToken, wheel, "guarded", "1.0").statusCode())
                .isEqualTo(200);
        assertThat(page("/team/simple/guarded/").get("files")).hasSize(1);
        assertThat(Http.get(base, "/simple/guarded/").statusCode()).isEqualTo(404);

        root.store().revokeToken("team", "team-ci");
        root.store().addToken("team", "other", "0".repeat(64));
        assertThat(Uploads.upload(base.resolve("/team/"), teamToken, wheel, "guarded", "1.0").statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesBrokenArchivesBadMetadataAndWrongDigests() throws Exception {
        URI main = base.resolve("/main/");
        Path wheel = TestDists.wheel(temp.resolve("dist"), "careful", "1.0");
        byte[] bytes = Files.readAllBytes(wheel);

        HttpResponse<String> broken = Uploads.post(main, token, Uploads.form(wheel, "careful", "1.0"),
                wheel.getFileName().toString(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(broken.statusCode()).isEqualTo(400);

        Map<String, String> wrongDigest = Uploads.form(wheel, "careful", "1.0");
        wrongDigest.put("sha256_digest", "0".repeat(64));
        assertThat(Uploads.post(main, token, wrongDigest, wheel.getFileName().toString(), bytes).statusCode())
                .isEqualTo(400);

        HttpResponse<String> otherName = Uploads.upload(main, token, wheel, "careless", "1.0");
        assertThat(otherName.statusCode()).isEqualTo(400);
        assertThat(otherName.body()).contains("careless");

        Path bad = TestDists.wheel(temp.resolve("bad"), "careful", "2.0", TestDists.metadata("2.1", "careful", "2.0",
                "Requires-Dist: <script>alert(1)</script>\n", ""));
        HttpResponse<String> badMetadata = Uploads.upload(main, token, bad, "careful", "2.0");
        assertThat(badMetadata.statusCode()).isEqualTo(400);
        assertThat(badMetadata.body()).contains("requires-dist").contains("careful-2.0.dist-info/METADATA");

        HttpResponse<String> noFile = Uploads.post(main, token, Uploads.form(wheel, "careful", "1.0"), null, null);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(Http.get(base, "/simple/careful/").statusCode()).isEqualTo(404);
        try (Stream<Path> left = Files.list(root.root().resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aClientThatHangsUpMidUploadLeavesNothingBehind() throws Exception {
        byte[] part = new byte[4 << 20];
        new java.util.Random(3).nextBytes(part);
        String boundary = "hang-up";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"gone-1.0.tar.gz\""
                + "\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /main/ HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(("__token__:" + token)
                    .getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: " + (head.length() + part.length * 2)
                    + "\r\n\r\n" + head).getBytes(StandardCharsets.UTF_8));
            out.write(part);
            out.flush();
            assertThat(spilled(root.root().resolve("tmp"))).as("the upload reached the temporary folder").isTrue();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        long left;
        do {
            Thread.sleep(50);
            try (Stream<Path> files = Files.list(root.root().resolve("tmp"))) {
                left = files.count();
            }
        } while (left > 0 && System.nanoTime() < deadline);
        assertThat(left).as("temporary files left by an abandoned upload").isZero();
        assertThat(Http.get(base, "/simple/gone/").statusCode()).isEqualTo(404);
    }

    /** Waits (up to 10 s) for a non-empty file in {@code tmp}. */
    private static boolean spilled(Path tmp) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(tmp)) {
                if (files.anyMatch(p -> p.toFile().length() > 0)) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void concurrentUploadsOfOneFilenameHaveOneWinner() throws Exception {
        URI main = base.resolve("/main/");
        int n = 8;
        List<Path> wheels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            wheels.add(TestDists.wheel(temp.resolve("w" + i), "racy", "1.0", TestDists.metadata("2.1", "racy", "1.0",
                    "Summary: contender " + i + "\n", "")));
        }
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Path w : wheels) {
                Callable<HttpResponse<String>> upload = () -> Uploads.upload(main, token, w, "racy", "1.0");
                results.add(threads.submit(upload));
            }
        }
        int won = 0;
        for (Future<HttpResponse<String>> r : results) {
            HttpResponse<String> response = r.get();
            if (response.statusCode() == 200) {
                won++;
            } else {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).startsWith("File already exists");
            }
        }
        assertThat(won).isEqualTo(1);
        JsonNode page = page("/simple/racy/");
        assertThat(page.get("files")).hasSize(1);
        byte[] served = Http.bytes(base, page.at("/files/0/url").asText()).body();
        assertThat(Published.hex("SHA-256", served)).isEqualTo(page.at("/files/0/hashes/sha256").asText());
        try (Stream<Path> blobs = Files.walk(root.root().resolve("files"))) {
            assertThat(blobs.filter(p -> p.getFileName().toString().endsWith(".whl"))).hasSize(1);
        }
    }

    @Test
    void yankUnyankAndDeleteThroughTheApi() throws Exception {
        Path wheel = TestDists.wheel(temp.resolve("dist"), "yanky", "1.0");
        assertThat(Uploads.upload(base.resolve("/main/"), token, wheel, "yanky", "1.0").statusCode()).isEqualTo(200);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> unauthorized = Http.send(base, "POST", "/main/api/yank",
                HttpRequest.BodyPublishers.ofString("{\"project\":\"yanky\",\"version\":\"1.0\"}"));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        HttpResponse<String> yanked = Http.send(base, "POST", "/main/api/yank", HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"Yanky\",\"version\":\"1.0.0\",\"reason\":\"<b>bad</b>\"}"), "Authorization", auth);
        assertThat(yanked.body()).isEqualTo("{\"changed\":1}");
        assertThat(page("/simple/yanky/").at("/files/0/yanked").asText()).isEqualTo("<b>bad</b>");
        assertThat(Http.get(base, "/simple/yanky/", "Accept", "text/html").body())
                .contains("data-yanked=\"&lt;b&gt;bad&lt;/b&gt;\"");
        Http.send(base, "POST", "/main/api/unyank", HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"yanky\",\"version\":\"1.0\"}"), "Authorization", auth);
        assertThat(page("/simple/yanky/").at("/files/0/yanked").asBoolean()).isFalse();
        HttpResponse<String> deleted = Http.send(base, "POST", "/main/api/delete", HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"yanky\",\"version\":\"1.0\"}"), "Authorization", auth);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(Http.get(base, "/simple/yanky/").statusCode()).isEqualTo(404);
        try (Stream<Path> blobs = Files.walk(root.root().resolve("files"))) {
            assertThat(blobs.filter(Files::isRegularFile)).isEmpty();
        }
        // Deleted, the filename can be used again.
        assertThat(Uploads.upload(base.resolve("/main/"), token, wheel, "yanky", "1.0").statusCode()).isEqualTo(200);
    }
}
