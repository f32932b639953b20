package dev.axle.index;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The on-disk HTTP cache of pages and metadata files: one file per URL and Accept header, named
 * by the SHA-256 of both (the URL without credentials), under {@code <folder>/http-v1/}. Each
 * file is written beside its place and renamed into it, so that other processes reading the
 * cache at the same time see the old entry or the new one, never half of one.
 */
final class HttpCache {
    private final Path root;

    HttpCache(Path folder) {
        this.root = folder.resolve("http-v1");
    }

    /** The key of a request: the URL without credentials and the Accept header it was sent with. */
    static String key(URI url, String accept) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((Credentials.strip(url) + "\n" + accept).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2));
    }

    /** The entry stored for {@code key}; empty if there is none, or it is unreadable (then it is refetched). */
    Optional<CacheEntry> read(String key) throws IOException {
        try {
            return CacheEntry.decode(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void write(String key, CacheEntry entry) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, entry.encode());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }
}
