package dev.axle.server;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.FileBlobStore;
import dev.axle.server.store.SqliteStore;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server's folder: {@code index.db} (the {@link SqliteStore}), {@code files/} (the blobs),
 * {@code tmp/} (uploads in progress). Created on first open, with the index {@code main}.
 * The constructor puts any store and blobs (such as an {@link dev.axle.server.blob.S3BlobStore})
 * with a local folder; closing closes both.
 */
public record ServerRoot(Path root, Store store, BlobStore blobs) implements AutoCloseable {
    public static ServerRoot open(Path root) throws IOException {
        Files.createDirectories(root);
        BlobStore blobs = FileBlobStore.open(root);
        return new ServerRoot(root, SqliteStore.open(root.resolve("index.db")), blobs);
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
