package dev.axle.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Where downloaded distribution files are kept, one layout for everything that downloads
 * them (resolving installs, downloads, lock file syncs), so that a file fetched by one is
 * found by the others: {@code <root>/<key[0:2]>/<key>/<filename>}, the key being the file's
 * sha256 when it is known, else {@code url-} and a sha256 of its URL. A file kept under its
 * sha256 was checked against it when it was stored; one kept under its URL was not
 * content-addressed and must be checked again by whoever knows its hashes.
 */
public final class DownloadCache {
    private final Path root;

    public DownloadCache(Path root) {
        this.root = root;
    }

    /** The place of the file with this sha256 (if known), URL and file name. */
    public Path file(Optional<String> sha256, String url, String filename) {
        String key = sha256.map(s -> s.toLowerCase(Locale.ROOT)).orElseGet(() -> "url-" + digest(url));
        return root.resolve(key.substring(0, 2)).resolve(key).resolve(filename);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
