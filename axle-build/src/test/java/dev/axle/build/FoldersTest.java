package dev.axle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build folders are removed robustly: a file that cannot be removed for a moment is retried
 * until it can; one that never can is reported, naming the folder, and the caller goes on.
 * "Cannot be removed" is real here: {@code chattr +i} makes a folder immutable on ext4, even
 * for root (the tests skip themselves where chattr does not work).
 */
class FoldersTest {
    @TempDir
    Path tmp;

    @Test
    void folderThatCanBeRemovedAfterAMomentIsRemovedByTheRetries() throws Exception {
        Path folder = buildFolder();
        Path locked = folder.resolve("locked");
        assumeTrue(chattr("+i", locked), "chattr +i does not work here");
        // Unlocked while the retries go on (the first pause is 50 ms, and they double).
        CompletableFuture<Boolean> unlock = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(120);
                return chattr("-i", locked);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> warnings = new ArrayList<>();

        boolean removed = Folders.delete(folder, warningsTo(warnings));

        assertThat(unlock.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(removed).isTrue();
        assertThat(folder).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    @Test
    void folderThatCannotBeRemovedIsReportedNotThrown() throws Exception {
        Path folder = buildFolder();
        Path locked = folder.resolve("locked");
        assumeTrue(chattr("+i", locked), "chattr +i does not work here");
        List<String> warnings = new ArrayList<>();
        try {
            boolean removed = Folders.delete(folder, warningsTo(warnings));

            assertThat(removed).isFalse();
            assertThat(warnings).singleElement().asString().contains(folder.toString(), "remove it yourself");
            assertThat(locked.resolve("file")).exists();
        } finally {
            chattr("-i", locked);
        }
    }

    private Path buildFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("axle-build-1/locked"));
        Files.writeString(folder.resolve("file"), "x");
        Files.writeString(tmp.resolve("axle-build-1/other"), "y");
        return tmp.resolve("axle-build-1");
    }

    private static BuildListener warningsTo(List<String> warnings) {
        return new BuildListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
    }

    private static boolean chattr(String flag, Path path) {
        return Processes.succeeds("chattr", flag, path.toString());
    }
}
