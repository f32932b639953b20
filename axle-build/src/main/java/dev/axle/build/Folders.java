package dev.axle.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * Removing build folders robustly: a file held open for a moment (a virus scanner, an editor's
 * indexer, a process still exiting) makes a delete fail now and succeed a little later, so each
 * attempt that leaves something is retried after a growing pause; what is still there after
 * the last attempt is reported, never thrown: a finished build does not fail for its cleanup.
 */
public final class Folders {
    static final int ATTEMPTS = 5;
    static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    private Folders() {}

    /** Deletes {@code folder} and everything in it; returns whether it is gone. */
    public static boolean delete(Path folder, BuildListener listener) {
        Duration pause = FIRST_PAUSE;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                deleteTree(folder);
                return true;
            } catch (IOException e) {
                last = e;
            }
            if (attempt == ATTEMPTS) {
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = pause.multipliedBy(2);
        }
        listener.warning("could not remove the build folder " + folder + " (" + last + "); remove it yourself");
        return false;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path path) throws IOException {
        try {
            Files.delete(path);
        } catch (NoSuchFileException gone) {
            // removed meanwhile: as good as deleted
        }
    }
}
