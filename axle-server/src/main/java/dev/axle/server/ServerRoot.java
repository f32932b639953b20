package dev.axle.server;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.FileBlobStore;
import dev.axle.server.blob.S3BlobStore;
import dev.axle.server.blob.S3Settings;
import dev.axle.server.store.SqlStore;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a server serves: its database and blob store, and its folder. By default all in the
 * folder: {@code index.db} (the {@link SqlStore}), {@code files/} (the blobs), {@code tmp/}
 * (uploads in progress); see {@link ServerConfig} for PostgreSQL and S3. Created on first open,
 * with the index {@code main}. The constructor puts any store and blobs together with a local
 * folder; closing closes both.
 */
public record ServerRoot(Path root, Store store, BlobStore blobs) implements AutoCloseable {
    /** Everything in the folder {@code root}. */
    public static ServerRoot open(Path root) throws IOException {
        return open(ServerConfig.folder(root));
    }

    /** The database and blob store {@code config} names, and its folder. */
    public static ServerRoot open(ServerConfig config) throws IOException {
        Path root = config.root();
        Files.createDirectories(root);
        BlobStore blobs = openBlobs(config);
        try {
            Store store = config.database().<Store>map(SqlStore::postgres)
                    .orElseGet(() -> SqlStore.sqlite(root.resolve("index.db")));
            return new ServerRoot(root, store, blobs);
        } catch (RuntimeException e) {
            blobs.close();
            throw e;
        }
    }

    private static BlobStore openBlobs(ServerConfig config) throws IOException {
        if (config.storage().isEmpty()) {
            return FileBlobStore.open(config.root());
        }
        return S3BlobStore.open(s3(config.storage().get(), config.settings()), config.root().resolve("tmp"));
    }

    /**
     * The S3 settings the server settings give.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static S3Settings s3(String url, Map<String, String> settings) {
        if (!url.startsWith("s3://")) {
            throw new IllegalArgumentException("storage.url '" + url + "' is not an S3 location: give"
                    + " s3://BUCKET/PREFIX, or leave it unset for the folder's files/");
        }
        S3Settings s3 = S3Settings.parse(url);
        String endpoint = settings.get("storage.endpoint");
        if (endpoint != null) {
            s3 = s3.withEndpoint(URI.create(endpoint.strip()));
        }
        String region = settings.get("storage.region");
        if (region != null) {
            s3 = s3.withRegion(region.strip());
        }
        String pathStyle = settings.get("storage.path-style");
        if (pathStyle != null) {
            s3 = s3.withAddressing(bool("storage.path-style", pathStyle) ? S3Settings.Addressing.PATH_STYLE
                    : S3Settings.Addressing.VIRTUAL_HOST);
        }
        String downloads = settings.get("storage.downloads");
        if (downloads != null) {
            s3 = s3.withDownloads(switch (downloads.strip().toLowerCase(Locale.ROOT)) {
                case "redirect" -> S3Settings.Downloads.REDIRECT;
                case "proxy" -> S3Settings.Downloads.PROXY;
                default -> throw new IllegalArgumentException("storage.downloads '" + downloads + "': give redirect"
                        + " (clients fetch from the bucket by presigned URL) or proxy (the server sends the bytes)");
            });
        }
        String partSize = settings.get("storage.part-size");
        if (partSize != null) {
            s3 = s3.withPartSize(bytes("storage.part-size", partSize));
        }
        String key = settings.get("storage.access-key-id");
        String secret = settings.get("storage.secret-access-key");
        if ((key == null) != (secret == null)) {
            throw new IllegalArgumentException("give both storage.access-key-id and storage.secret-access-key, or"
                    + " neither (then the AWS default chain: AWS_ACCESS_KEY_ID, ~/.aws, instance roles)");
        }
        if (key != null) {
            s3 = s3.withCredentials(key.strip(), secret.strip());
        }
        return s3;
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " '" + value + "' is not true or false");
        };
    }

    /** A size such as {@code 16M}, {@code 64MiB} or {@code 1048576}. */
    static long bytes(String name, String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (!v.isEmpty() && "KMG".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v.strip()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a size: give bytes, or a number with K,"
                    + " M or G (16M)", e);
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            blobs.close();
        }
    }
}
