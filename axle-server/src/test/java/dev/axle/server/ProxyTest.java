package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy index in front of a second server: listings fetched on demand, files fetched once
 * and kept, stale-if-error when the upstream is down, an allow-list, and no upstream name
 * that a private index of the chain has.
 */
class ProxyTest {
    @TempDir
    Path temp;
    private ServerRoot upstreamRoot;
    private IndexServer upstream;
    private ServerRoot root;
    private IndexServer proxy;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        upstreamRoot = ServerRoot.open(temp.resolve("upstream"));
        for (String[] p : new String[][] {{"hello-axle", "1.0"}, {"shared", "9.9"}, {"blocked", "1.0"}}) {
            Path wheel = TestDists.wheel(temp.resolve("up-dist"), p[0], p[1]);
            Published.publish(upstreamRoot, "main", wheel, p[0], p[1], TestDists.metadata("2.1", p[0], p[1], "", ""));
        }
        Path bare = TestDists.wheel(temp.resolve("up-dist"), "hello-bare", "1.0");
        Published.publish(upstreamRoot, "main", bare, "hello-bare", "1.0",
                TestDists.metadata("2.1", "hello-bare", "1.0", "", ""), false);
        upstream = IndexServer.start(upstreamRoot, "127.0.0.1", 0);

        root = ServerRoot.open(temp.resolve("proxy"));
        Path shared = TestDists.wheel(temp.resolve("dist"), "shared", "1.0");
        Published.publish(root, "main", shared, "shared", "1.0", TestDists.metadata("2.1", "shared", "1.0", "", ""));
        root.store().saveIndex(new IndexConfig("mirror", List.of(), false,
                Optional.of(upstream.uri().resolve("/simple/")), List.of("hello-*", "shared")));
        root.store().saveIndex(new IndexConfig("all", List.of("main", "mirror"), true, Optional.empty()));
        // A zero TTL: every request asks the upstream again, so stale-if-error shows at once.
        proxy = IndexServer.start(root, "127.0.0.1", 0, Duration.ZERO);
        base = proxy.uri();
    }

    @AfterEach
    void stop() {
        proxy.close();
        root.close();
        upstream.close();
        upstreamRoot.close();
    }

    @Test
    void pipInstallsThroughTheProxyWhichKeepsServingWhenTheUpstreamIsDown() throws Exception {
        JsonNode page = Http.json(base, "/all/simple/hello-axle/");
        assertThat(page.at("/files/0/url").asText()).isEqualTo("/mirror/files/hello-axle/hello_axle-1.0-py3-none-any.whl");
        assertThat(page.at("/files/0/core-metadata/sha256").asText()).hasSize(64);

        Path venvPython = Pythons.venv(Pythons.python("3.12"), temp.resolve("venv"));
        Pythons.Run pip = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, venvPython.toString(),
                "-m", "pip", "install", "--index-url", base + "all/simple/", "hello-axle");
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        try (var blobs = Files.walk(root.root().resolve("files"))) {
            assertThat(blobs.map(p -> p.getFileName().toString())).contains("hello_axle-1.0-py3-none-any.whl",
                    "hello_axle-1.0-py3-none-any.whl.metadata");
        }

        upstream.close();
        JsonNode stale = Http.json(base, "/mirror/simple/hello-axle/");
        assertThat(stale.get("files")).hasSize(1);
        byte[] file = Http.bytes(base, stale.at("/files/0/url").asText()).body();
        assertThat(Published.hex("SHA-256", file)).isEqualTo(stale.at("/files/0/hashes/sha256").asText());
        // Never fetched, and the upstream is down: nothing to answer with.
        assertThat(Http.get(base, "/mirror/simple/hello-other/").statusCode()).isEqualTo(502);
    }

    @Test
    void aWheelWithoutAnUpstreamMetadataFileHasItsOwnServedOnceFetched() throws Exception {
        JsonNode before = Http.json(base, "/mirror/simple/hello-bare/");
        assertThat(before.at("/files/0").has("core-metadata")).isFalse();
        byte[] wheel = Http.bytes(base, before.at("/files/0/url").asText()).body();
        assertThat(Published.hex("SHA-256", wheel)).isEqualTo(before.at("/files/0/hashes/sha256").asText());

        JsonNode after = Http.json(base, "/mirror/simple/hello-bare/");
        String sha = after.at("/files/0/core-metadata/sha256").asText();
        byte[] metadata = Http.bytes(base, after.at("/files/0/url").asText() + ".metadata").body();
        assertThat(Published.hex("SHA-256", metadata)).isEqualTo(sha);
        assertThat(new String(metadata, java.nio.charset.StandardCharsets.UTF_8)).contains("Name: hello-bare");
        assertThat(after.at("/meta/_last-serial").asLong()).isGreaterThan(before.at("/meta/_last-serial").asLong());
    }

    @Test
    void privateNamesAndNamesNotAllowedAreNeverProxied() throws Exception {
        // all merges main and mirror, yet shared comes from main alone: main has the name.
        assertThat(Http.json(base, "/all/simple/shared/").get("versions").toString()).isEqualTo("[\"1.0\"]");
        assertThat(Http.get(base, "/all/simple/blocked/").statusCode()).isEqualTo(404);
        assertThat(Http.get(base, "/mirror/simple/blocked/").statusCode()).isEqualTo(404);
        assertThat(Http.json(base, "/mirror/simple/shared/").get("versions").toString()).isEqualTo("[\"9.9\"]");
        assertThat(Uploads.upload(base.resolve("/mirror/"), "x", TestDists.wheel(temp.resolve("d"), "hello-axle", "2.0"),
                "hello-axle", "2.0").statusCode()).isEqualTo(403);
    }
}
