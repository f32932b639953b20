package dev.axle.installer.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemovalTest {
    @TempDir
    Path dir;

    final List<String> retries = new CopyOnWriteArrayList<>();
    final RemovalListener listener = new RemovalListener() {
        @Override
        public void retrying(Path path, IOException cause, int attempt) {
            retries.add(dir.relativize(path) + " " + attempt);
        }
    };

    @Test
    void deletesReadOnlyFilesAndFoldersWithoutFollowingLinks() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not mine");
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b/c"));
        Files.writeString(tree.resolve("a/b/c/file"), "x");
        Files.writeString(tree.resolve("a/readonly"), "x");
        Files.createSymbolicLink(tree.resolve("a/link-to-outside"), outside);
        Files.createSymbolicLink(tree.resolve("link-to-dir"), dir);
        Files.setPosixFilePermissions(tree.resolve("a/readonly"), PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(tree.resolve("a/b/c"), PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(tree.resolve("a/b"), PosixFilePermissions.fromString("---------"));

        RemovalResult result = Removal.deleteTree(tree, listener);

        assertThat(result.complete()).isTrue();
        assertThat(result.removed()).isEqualTo(8);
        assertThat(tree).doesNotExist();
        assertThat(outside).hasContent("not mine");
    }

    @Test
    void aFolderStillBeingWrittenIsListedAgainUntilItIsEmpty() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("busy"));
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            long end = System.nanoTime() + 150_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Files.writeString(tree.resolve("f" + written.incrementAndGet()), "x");
                } catch (IOException e) {
                    return; // the folder is gone
                }
            }
        });
        while (written.get() < 20) {
            Thread.onSpinWait();
        }
        RemovalResult result = Removal.deleteTree(tree, listener);
        writer.join();
        assertThat(result.left()).isEmpty();
        assertThat(tree).doesNotExist();
    }

    @Test
    void whatCannotBeRemovedIsReportedAndTheRestGoes() throws Exception {
        Path tree = dir.resolve("tree");
        Path stuck = Files.writeString(Files.createDirectories(tree.resolve("sub")).resolve("stuck"), "x");
        Files.writeString(tree.resolve("sub/other"), "x");
        Files.writeString(tree.resolve("free"), "x");
        RemovalResult result;
        try (Immutable immutable = Immutable.make(stuck)) {
            long start = System.nanoTime();
            result = Removal.deleteTree(tree, listener);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("the pauses stay within the budget").isLessThan(Backoff.BUDGET_MILLIS + 1_000);
        }
        assertThat(result.complete()).isFalse();
        assertThat(result.left()).singleElement().satisfies(left -> {
            assertThat(left.path()).isEqualTo(stuck);
            assertThat(left.cause()).isInstanceOf(FileSystemException.class).hasMessageContaining("not permitted");
        });
        assertThat(retries).containsExactly("tree/sub/stuck 1", "tree/sub/stuck 2", "tree/sub/stuck 3",
                "tree/sub/stuck 4", "tree/sub/stuck 5");
        assertThat(stuck).exists();
        assertThat(tree.resolve("free")).doesNotExist();
        assertThat(tree.resolve("sub/other")).doesNotExist();
        assertThat(Removal.deleteTree(tree, listener).complete()).isTrue();
    }

    @Test
    void missingPathsAreNoError() {
        assertThat(Removal.deleteTree(dir.resolve("missing"), listener)).satisfies(result -> {
            assertThat(result.complete()).isTrue();
            assertThat(result.removed()).isZero();
        });
        assertThat(Removal.deleteFile(dir.resolve("missing"), listener).complete()).isTrue();
    }

    @Test
    void deleteFileRemovesOneEntryButNoFullFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(Removal.deleteFile(file, listener).removed()).isEqualTo(1);
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        RemovalResult result = Removal.deleteFile(full, RemovalListener.NONE);
        assertThat(result.left()).singleElement().extracting(RemovalResult.Leftover::path).isEqualTo(full);
    }

    @Test
    void deleteIfEmptyRemovesOnlyEmptyFolders() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        assertThat(Removal.deleteIfEmpty(empty)).isTrue();
        assertThat(Removal.deleteIfEmpty(full)).isFalse();
        assertThat(Removal.deleteIfEmpty(full.resolve("x"))).isFalse();
        assertThat(Removal.deleteIfEmpty(dir.resolve("missing"))).isFalse();
        assertThat(empty).doesNotExist();
        assertThat(full).isDirectory();
    }

    @Test
    void leftoversSayWhereAndWhy() {
        var leftover = new RemovalResult.Leftover(Path.of("/x/y"), new NoSuchFileException("/x/y", null, "gone"));
        assertThat(leftover).hasToString("/x/y (/x/y: gone)");
    }
}
