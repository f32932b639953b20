package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.server.store.IndexConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy index whose upstream is a static PEP 503 tree that {@code python3 -m http.server}
 * serves: HTML only, no metadata files, one link without a hash (left out). The proxy serves the wheel's
 * own METADATA once it keeps the wheel, and pip installs through it.
 */
class StaticUpstreamProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Process httpServer;
    private ServerRoot root;
    private IndexServer proxy;
    private URI base;
    private byte[] metadata;

    @BeforeEach
    void start() throws Exception {
        Path tree = temp.resolve("tree");
        String text = TestDists.metadata("2.1", "Hello.Axle", "1.0", "Summary: from a static tree\n", "");
        metadata = text.getBytes(StandardCharsets.UTF_8);
        Path wheel = TestDists.wheel(tree.resolve("files"), "Hello.Axle", "1.0", text);
        Path old = TestDists.wheel(tree.resolve("files"), "Hello.Axle", "0.5");
        Path page = Files.createDirectories(tree.resolve("simple/hello-axle")).resolve("index.html");
        Files.writeString(page, "<!DOCTYPE html>\n<html><body>\n"
                + "<a href=\"../../files/" + wheel.getFileName() + "#sha256="
                + Published.hex("SHA-256", Files.readAllBytes(wheel)) + "\">" + wheel.getFileName() + "</a>\n"
                + "<a href=\"../../files/" + old.getFileName() + "\">" + old.getFileName() + "</a>\n"
                + "</body></html>\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        httpServer = new ProcessBuilder(Pythons.python("3.12").toString(), "-m", "http.server", "--bind",
                "127.0.0.1", "--directory", tree.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(temp.resolve("http.server.log").toFile()).start();
        awaitListening(port);
        root = ServerRoot.open(temp.resolve("root"));
        root.store().saveIndex(new IndexConfig("mirror", List.of(), false,
                Optional.of(URI.create("http://127.0.0.1:" + port + "/simple/")), List.of()));
        proxy = IndexServer.start(root, "127.0.0.1", 0);
        base = proxy.uri();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("python3 -m http.server did not listen on port " + port);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (root != null) {
            root.close();
        }
        httpServer.destroy();
    }

    private JsonNode file(String filename) throws Exception {
        HttpResponse<String> r = Http.get(base, "/mirror/simple/hello-axle/", "Accept",
                "application/vnd.pypi.simple.v1+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode f : JSON.readTree(r.body()).get("files")) {
            if (f.get("filename").asText().equals(filename)) {
                return f;
            }
        }
        throw new AssertionError(filename + " is not on the page: " + r.body());
    }

    @Test
    void theKeptWheelsMetadataIsServedWhenTheUpstreamHasNone() throws Exception {
        JsonNode wheel = file("hello_axle-1.0-py3-none-any.whl");
        assertThat(wheel.has("core-metadata")).isFalse();
        assertThat(wheel.has("size")).isFalse(); // HTML says nothing of sizes and upload times
        assertThat(wheel.has("upload-time")).isFalse();
        String url = wheel.get("url").asText();
        assertThat(Http.get(base, url + ".metadata").statusCode()).isEqualTo(404);

        assertThat(Http.bytes(base, url).statusCode()).isEqualTo(200);
        JsonNode kept = file("hello_axle-1.0-py3-none-any.whl");
        assertThat(kept.get("core-metadata").get("sha256").asText()).isEqualTo(Published.hex("SHA-256", metadata));
        HttpResponse<byte[]> served = Http.bytes(base, url + ".metadata");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(metadata);
    }

    @Test
    void aLinkWithoutAHashIsNotListed() throws Exception {
        // The store keeps bytes by their sha256: a file the upstream gives none for is left out.
        HttpResponse<String> page = Http.get(base, "/mirror/simple/hello-axle/");
        assertThat(page.body()).contains("hello_axle-1.0-py3-none-any.whl").doesNotContain("hello_axle-0.5");
    }

    @Test
    void pipInstallsFromTheStaticTreeThroughTheProxy() throws Exception {
        Path python = Pythons.venv(Pythons.python("3.12"), temp.resolve("venv"));
        Pythons.Run pip = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, python.toString(),
                "-m", "pip", "install", "--index-url", base + "mirror/simple/", "hello-axle");
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        assertThat(pip.output()).contains("Successfully installed hello-axle-1.0").doesNotContain("WARNING");
    }
}
