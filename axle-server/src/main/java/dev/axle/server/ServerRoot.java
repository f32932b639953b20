package dev.axle.server;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.FileBlobStore;
import dev.axle.server.blob.S3BlobStore;
import dev.axle.server.store.SqlStore;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return S3BlobStore.open(ServerConfig.s3(config.storage().get(), config.settings()), config.root().resolve("tmp"));
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
