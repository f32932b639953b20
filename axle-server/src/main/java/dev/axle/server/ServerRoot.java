package dev.axle.server;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.FileBlobStore;
import dev.axle.server.store.SqlStore;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server's folder: {@code index.db} (the {@link SqlStore}), {@code files/} (the blobs),
 * {@code tmp/} (uploads in progress). Created on first open, with the index {@code main}.
 */
public record ServerRoot(Path root, Store store, BlobStore blobs) implements AutoCloseable {
    public static ServerRoot open(Path root) throws IOException {
        Files.createDirectories(root);
        BlobStore blobs = FileBlobStore.open(root);
        return new ServerRoot(root, SqlStore.sqlite(root.resolve("index.db")), blobs);
    }

    @Override
    public void close() {
        store.close();
    }
}
