package dev.axle.sync;

import static dev.axle.sync.Locks.fileName;
import static dev.axle.sync.Locks.wheel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.index.DownloadListener;
import dev.axle.index.FindLinks;
import dev.axle.index.IndexOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files had without a network: the lock's paths, the download cache and find-links folders, every one verified. */
class LockedFilesTest {
    static final String NOWHERE = "http://127.0.0.1:9/files/";

    @TempDir
    Path tmp;

    static String sha(String algorithm, String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    LockedFiles files(boolean offline, Path... findLinks) {
        IndexOptions options = IndexOptions.defaults().withCacheMode(offline ? IndexOptions.CacheMode.OFFLINE
                : IndexOptions.CacheMode.NORMAL);
        return new LockedFiles(new LockedFiles.Sources(tmp.resolve("lock"), tmp.resolve("downloads"),
                java.util.Arrays.stream(findLinks).map(FindLinks::of).toList(), true, options));
    }

    Path write(Path folder, String name, String content) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void filesComeFromTheLocksPathTheCacheOrFindLinks() throws IOException {
        Path byPath = write(tmp.resolve("lock/wheels"), fileName("a", "1.0"), "a");
        String bSha = sha("SHA-256", "b");
        Path cached = write(tmp.resolve("downloads").resolve(bSha.substring(0, 2)).resolve(bSha), fileName("b", "1.0"), "b");
        Path linked = write(tmp.resolve("wheelhouse"), fileName("c", "1.0"), "c");
        List<LockedWheel> wheels = List.of(
                wheel("a", "1.0", null, null, "wheels/" + fileName("a", "1.0"), Map.of("sha256", sha("SHA-256", "a"))),
                wheel("b", "1.0", null, NOWHERE + fileName("b", "1.0"), null, Map.of("sha256", bSha)),
                wheel("c", "1.0", null, NOWHERE + fileName("c", "1.0"), null,
                        Map.of("sha256", sha("SHA-256", "c"), "sha512", sha("SHA-512", "c"), "blake2b_256", "ff")));
        try (LockedFiles files = files(true, tmp.resolve("wheelhouse"))) {
            files.checkAvailable(wheels);
            assertThat(files.fetch(wheels, DownloadListener.NONE)).containsExactly(byPath, cached, linked);
        }
    }

    @Test
    void everyMismatchIsNamedAndEveryAlgorithmTheJdkHasIsChecked() throws IOException {
        write(tmp.resolve("wheelhouse"), fileName("a", "1.0"), "tampered");
        write(tmp.resolve("wheelhouse"), fileName("b", "1.0"), "b");
        List<LockedWheel> wheels = List.of(
                wheel("a", "1.0", null, NOWHERE + fileName("a", "1.0"), null, Map.of("sha256", sha("SHA-256", "a"))),
                // sha256 matches; the sha512 the lock also gives does not.
                wheel("b", "1.0", null, NOWHERE + fileName("b", "1.0"), null,
                        Map.of("sha256", sha("SHA-256", "b"), "sha512", sha("SHA-512", "not b"))));
        try (LockedFiles files = files(true, tmp.resolve("wheelhouse"))) {
            assertThatThrownBy(() -> files.fetch(wheels, DownloadListener.NONE))
                    .isInstanceOf(HashMismatchesException.class)
                    .hasMessageContaining("a==1.0: " + tmp.resolve("wheelhouse").resolve(fileName("a", "1.0"))
                            + ": expected sha256:" + sha("SHA-256", "a") + ", got sha256:" + sha("SHA-256", "tampered"))
                    .hasMessageContaining("b==1.0: ").hasMessageContaining("expected sha512:");
        }
    }

    @Test
    void missingFilesAreAllNamedWithWhereTheyWereLookedFor() throws IOException {
        List<LockedWheel> wheels = List.of(
                wheel("a", "1.0", null, NOWHERE + fileName("a", "1.0"), null, Map.of("sha256", "aa")),
                wheel("b", "1.0", null, null, "gone/" + fileName("b", "1.0"), Map.of("sha256", "bb")));
        try (LockedFiles files = files(true)) {
            assertThatThrownBy(() -> files.checkAvailable(wheels))
                    .isInstanceOf(MissingFilesException.class)
                    .hasMessageStartingWith("2 locked files are not available; nothing was changed:\n"
                            + "  a==1.0: a-1.0-py3-none-any.whl (not in the download cache; not downloaded (--offline): "
                            + NOWHERE + "a-1.0-py3-none-any.whl)\n"
                            + "  b==1.0: b-1.0-py3-none-any.whl (no file " + tmp.resolve("lock/gone/b-1.0-py3-none-any.whl")
                            + "; not in the download cache)\n"
                            + "--offline uses only");
        }
    }

    @Test
    void aWheelWithOnlyHashesTheJdkLacksIsRefused() throws IOException {
        write(tmp.resolve("lock"), fileName("a", "1.0"), "a");
        List<LockedWheel> wheels = List.of(wheel("a", "1.0", null, null, fileName("a", "1.0"), Map.of("blake2b", "aa")));
        try (LockedFiles files = files(true)) {
            assertThatThrownBy(() -> files.fetch(wheels, DownloadListener.NONE))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("a==1.0 (a-1.0-py3-none-any.whl): blake2b");
        }
    }
}
