package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.server.IndexServer;
import dev.axle.server.ServerRoot;
import dev.axle.server.TestDists;
import dev.axle.server.TestServer;
import dev.axle.server.Tokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle publish} and {@code axle check-dist} against axle's index server on loopback:
 * uploads that land, an identical re-upload, every refusal the server gives, and files checked
 * before anything is sent.
 */
class PublishCommandTest {
    @TempDir
    Path tmp;

    private TestServer served;
    private ServerRoot root;
    private IndexServer server;
    private String token;
    private String uploadUrl;

    @BeforeEach
    void start() throws IOException {
        served = TestServer.start(tmp.resolve("root"));
        root = served.root();
        server = served.server();
        token = served.token();
        uploadUrl = served.base().resolve("/main/").toString();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private Transcript publish(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "publish";
        all[1] = "--repository-url";
        all[2] = uploadUrl;
        System.arraycopy(args, 0, all, 3, args.length);
        return Transcript.of(all);
    }

    @Test
    void uploadsWheelsAndSdistsByteForByte() throws Exception {
        Path wheel = TestDists.wheel(tmp.resolve("dist"), "hello-axle", "1.0");
        Path sdist = TestDists.sdist(tmp.resolve("dist"), "hello-axle", "1.0",
                TestDists.metadata("2.2", "hello-axle", "1.0", "", "Hello."));
        Transcript done = publish("--token", token, wheel.toString(), sdist.toString());
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("Uploading " + wheel.getFileName(), "Uploading " + sdist.getFileName(),
                "Uploaded 2 files to " + uploadUrl);
        assertThat(root.store().files("main", "hello-axle")).extracting(f -> f.filename())
                .containsExactlyInAnyOrder(wheel.getFileName().toString(), sdist.getFileName().toString());
        // Stored byte for byte.
        byte[] stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.uri().resolve("/main/files/hello-axle/" + wheel.getFileName())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(stored).isEqualTo(Files.readAllBytes(wheel));

        // The same bytes again: the index answers 200, as PyPI does.
        assertThat(publish("--token", token, wheel.toString()).exitCode()).isZero();
        // With --check-url the file is not even sent.
        Transcript skipped = publish("--token", token, "--check-url", server.uri() + "simple/", wheel.toString());
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("Skipped " + wheel.getFileName()).contains("Uploaded 0 files")
                .doesNotContain("Uploading");
    }

    @Test
    void everyRefusalIsExplained() throws IOException {
        Path wheel = TestDists.wheel(tmp.resolve("dist"), "hello-axle", "1.0");
        Transcript noToken = publish(wheel.toString());
        assertThat(noToken.exitCode()).isEqualTo(1);
        assertThat(noToken.err()).contains("refused: 401").contains("give --token");

        Transcript wrongToken = publish("--token", "axle-not-a-token", wheel.toString());
        assertThat(wrongToken.exitCode()).isEqualTo(1);
        assertThat(wrongToken.err()).contains("refused: 401").contains("credentials were refused");

        root.store().saveIndex(dev.axle.server.store.IndexConfig.of("staging"));
        String otherIndex = new Tokens(root.store()).create("staging", "ci");
        Transcript forbidden = publish("--token", otherIndex, wheel.toString());
        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.err()).contains("refused: 403");

        assertThat(publish("--token", token, wheel.toString()).exitCode()).isZero();
        Path other = TestDists.wheel(tmp.resolve("other"), "hello-axle", "1.0",
                TestDists.metadata("2.1", "hello-axle", "1.0", "Summary: other bytes\n", ""));
        Transcript exists = publish("--token", token, other.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.err()).contains("refused: 400").contains("File already exists");

        Transcript checked = publish("--token", token, "--check-url", server.uri() + "simple/", other.toString());
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.err()).contains("has a file of this name with other bytes").contains("build a new version");

        Transcript wrongUrl = Transcript.of("publish", "--repository-url", server.uri() + "nowhere/", "--token", token,
                wheel.toString());
        assertThat(wrongUrl.exitCode()).isEqualTo(1);
        assertThat(wrongUrl.err()).contains("refused: 404").contains("check the upload URL");
    }

    @Test
    void aBrokenFileStopsEverythingBeforeAnyUpload() throws IOException {
        Path good = TestDists.wheel(tmp.resolve("dist"), "hello-axle", "1.0");
        Path broken = Files.write(tmp.resolve("dist").resolve("broken-1.0-py3-none-any.whl"), new byte[] {1, 2, 3});
        Transcript refused = publish("--token", token, good.toString(), broken.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(broken.toString()).contains("nothing was uploaded");
        assertThat(root.store().files("main", "hello-axle")).isEmpty();

        Transcript check = Transcript.of("check-dist", good.toString(), broken.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("Checking " + good + ": PASSED").contains("Checking " + broken + ": FAILED");
    }

    @Test
    void checkDistFindsAFileThatDoesNotMatchItsRecord() throws IOException {
        Path wheel = TestDists.wheel(tmp.resolve("dist"), "hello-axle", "1.0");
        Path tampered = tmp.resolve("tampered").resolve(wheel.getFileName());
        Files.createDirectories(tampered.getParent());
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(wheel));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().endsWith("_mod.py")) {
                    data = "VALUE = 'changed'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        Transcript check = Transcript.of("check-dist", tampered.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("FAILED").contains("hello_axle_mod.py");
    }
}
