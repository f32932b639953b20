package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.server.Http;
import dev.axle.server.IndexServer;
import dev.axle.server.ServerRoot;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror into an axle server's index ({@code axle:ROOT}), served by that server while the upstream changes. */
class AxleIndexMirrorTest {
    @TempDir
    Path temp;

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("files").forEach(f -> names.add(f.get("filename").asText()));
        return names;
    }

    private static JsonNode file(JsonNode page, String filename) {
        for (JsonNode f : page.get("files")) {
            if (f.get("filename").asText().equals(filename)) {
                return f;
            }
        }
        throw new AssertionError(filename + " is not on the page: " + page);
    }

    /** Waits for a change made by another process's store (the server re-reads the serial every 0.1 s). */
    private static JsonNode eventually(URI base, String path, java.util.function.Predicate<JsonNode> ready)
            throws Exception {
        JsonNode page = null;
        for (int i = 0; i < 50; i++) {
            var response = Http.get(base, path, "Accept", Http.SIMPLE_JSON);
            page = response.statusCode() == 200 ? Http.JSON.readTree(response.body()) : null;
            if (ready.test(page)) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never ready: " + path + " " + page);
    }

    @Test
    void importsUploadTimesYanksAndDeletionsAndTheServerServesThemToPip() throws Exception {
        Destination destination = new Destination.AxleIndex(temp.resolve("served"), "main");
        try (UpstreamIndex upstream = UpstreamIndex.start(temp)) {
            upstream.wheel("alpha", "1.0", "Requires-Python: >=3.8\n");
            upstream.sdist("alpha", "1.0");
            upstream.wheel("alpha", "2.0");
            upstream.wheel("beta", "1.0");
            upstream.wheel("gamma", "0.1");
            upstream.wheel("hello", "1.0");
            upstream.yank("alpha", "1.0", "old");
            URI up = upstream.simple();
            SyncReport first = Syncs.sync(up, destination, MirrorFilters.NONE, MirrorOptions.defaults(),
                    MirrorListener.NONE);
            assertThat(first.failures()).isEmpty();
            assertThat(first.filesFetched()).isEqualTo(6);

            try (ServerRoot root = ServerRoot.open(temp.resolve("served"));
                    IndexServer served = IndexServer.start(root, "127.0.0.1", 0)) {
                URI base = served.uri();
                JsonNode alpha = Http.json(base, "/simple/alpha/");
                JsonNode original = Http.json(up.resolve("/"), "/simple/alpha/");
                assertThat(names(alpha)).containsExactlyInAnyOrder("alpha-1.0-py3-none-any.whl", "alpha-1.0.tar.gz",
                        "alpha-2.0-py3-none-any.whl");
                for (String name : names(alpha)) {
                    JsonNode mirrored = file(alpha, name);
                    JsonNode upstreamFile = file(original, name);
                    assertThat(mirrored.get("upload-time")).as(name).isEqualTo(upstreamFile.get("upload-time"));
                    assertThat(mirrored.get("yanked")).as(name).isEqualTo(upstreamFile.get("yanked"));
                    assertThat(mirrored.get("hashes")).isEqualTo(upstreamFile.get("hashes"));
                    assertThat(mirrored.get("core-metadata")).isEqualTo(upstreamFile.get("core-metadata"));
                }
                assertThat(file(alpha, "alpha-1.0-py3-none-any.whl").get("yanked").asText()).isEqualTo("old");
                assertThat(file(alpha, "alpha-1.0-py3-none-any.whl").get("requires-python").asText()).isEqualTo(">=3.8");
                assertThat(Pip.install(temp.resolve("t1"), base + "simple/", "hello", "hello_mod")).isEqualTo("1.0");

                upstream.delete("alpha", "2.0");
                upstream.unyank("alpha", "1.0");
                upstream.delete("gamma", "0.1");
                upstream.yank("beta", "1.0", "bad");
                upstream.wheel("hello", "3.0");
                SyncReport second = Syncs.sync(up, destination, MirrorFilters.NONE, MirrorOptions.defaults(),
                        MirrorListener.NONE);
                assertThat(second).extracting(SyncReport::synced, SyncReport::removed, SyncReport::filesFetched,
                        SyncReport::filesDeleted).containsExactly(3, 1, 1, 2);
                alpha = eventually(base, "/simple/alpha/", p -> p != null && p.get("files").size() == 2);
                assertThat(names(alpha)).containsExactlyInAnyOrder("alpha-1.0-py3-none-any.whl", "alpha-1.0.tar.gz");
                assertThat(file(alpha, "alpha-1.0.tar.gz").get("yanked").asBoolean()).isFalse();
                assertThat(Http.get(base, "/simple/gamma/").statusCode()).isEqualTo(404);
                assertThat(file(Http.json(base, "/simple/beta/"), "beta-1.0-py3-none-any.whl").get("yanked").asText())
                        .isEqualTo("bad");
                assertThat(Pip.install(temp.resolve("t2"), base + "simple/", "hello", "hello_mod")).isEqualTo("3.0");
            }
        }
    }

    @Test
    void verifyRepairsADamagedBlob() throws Exception {
        Path served = temp.resolve("served");
        Destination destination = new Destination.AxleIndex(served, "main");
        try (UpstreamIndex upstream = UpstreamIndex.start(temp)) {
            Path good = upstream.wheel("solid", "1.0");
            upstream.wheel("solid", "1.1");
            assertThat(Syncs.sync(upstream.simple(), destination, MirrorFilters.NONE, MirrorOptions.defaults(),
                    MirrorListener.NONE).filesFetched()).isEqualTo(2);
            Path blob;
            try (ServerRoot root = ServerRoot.open(served)) {
                blob = served.resolve("files").resolve(root.store().file("main", good.getFileName().toString())
                        .orElseThrow().blobKey());
            }
            java.nio.file.Files.write(blob, new byte[] {1, 2, 3});
            SyncReport verified = Syncs.sync(upstream.simple(), destination, MirrorFilters.NONE,
                    MirrorOptions.defaults().withVerify(true), MirrorListener.NONE);
            assertThat(verified).extracting(SyncReport::synced, SyncReport::filesFetched, SyncReport::filesDeleted)
                    .containsExactly(1, 1, 0);
            assertThat(java.nio.file.Files.readAllBytes(blob)).isEqualTo(java.nio.file.Files.readAllBytes(good));
        }
    }
}
