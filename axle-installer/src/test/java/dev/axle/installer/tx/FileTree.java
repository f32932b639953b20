package dev.axle.installer.tx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of a folder tree for before/after comparisons: every entry with its kind,
 * permissions, and for files the content hash and modification time (a rename keeps it, a copy
 * would not), for links the target. The environment lock file is left out: it stays by design.
 */
public final class FileTree {
    private FileTree() {}

    public static Map<String, String> of(Path root) {
        Map<String, String> tree = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        tree.put(name(dir), "dir " + permissions(dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (file.getParent().equals(root) && file.getFileName().toString().equals(EnvironmentLock.FILE_NAME)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        tree.put(name(file), "link -> " + Files.readSymbolicLink(file));
                    } else {
                        tree.put(name(file), "file " + permissions(file) + " " + attrs.lastModifiedTime().toMillis() + " "
                                + sha256(Files.readAllBytes(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private String name(Path path) {
                    return root.relativize(path).toString();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
