package dev.axle.env;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Removing folder trees: without following symlinks, through read-only folders, retrying. */
final class FileTrees {
    private static final int ATTEMPTS = 5;

    private FileTrees() {}

    /** Deletes {@code root} and everything in it; a symlink is removed, never its target. */
    static void delete(Path root) throws IOException {
        deleteContents(root, true);
    }

    /** Deletes everything inside {@code folder}, keeping the folder itself. */
    static void empty(Path folder) throws IOException {
        deleteContents(folder, false);
    }

    private static void deleteContents(Path root, boolean includingRoot) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                walkAndDelete(root, includingRoot);
                return;
            } catch (NoSuchFileException e) {
                if (e.getFile() != null && Path.of(e.getFile()).equals(root)) {
                    return;
                }
                last = e;
            } catch (DirectoryNotEmptyException | AccessDeniedException e) {
                // Something wrote into the tree meanwhile, or a folder was read-only: go again.
                last = e;
            }
            sleep(10L << attempt);
        }
        throw last;
    }

    private static void walkAndDelete(Path root, boolean includingRoot) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            if (includingRoot) {
                Files.delete(root);
            }
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                makeWritable(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (includingRoot || !dir.equals(root)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A read-only folder's entries cannot be deleted; the owner may make it writable first. */
    private static void makeWritable(Path dir) {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
            if (perms.add(PosixFilePermission.OWNER_WRITE) | perms.add(PosixFilePermission.OWNER_EXECUTE)) {
                Files.setPosixFilePermissions(dir, perms);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours or not POSIX: the delete reports what it cannot do.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
