package dev.axle.mirror.target;

import dev.axle.server.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A static index in an axle-server {@link BlobStore}: the same keys as a folder, stored as
 * blobs (an S3 blob store serves them as the bucket's objects).
 */
public final class BlobStoreTree implements TreeStore {
    private final BlobStore blobs;
    private final String shown;

    /** @param shown where the store is, for messages ({@code s3://bucket/prefix}) */
    public BlobStoreTree(BlobStore blobs, String shown) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.shown = Objects.requireNonNull(shown, "shown");
    }

    @Override
    public String describe() {
        return shown;
    }

    @Override
    public void write(String key, byte[] content) throws IOException {
        blobs.put(key, new ByteArrayInputStream(content));
    }

    @Override
    public Path stagingFile() throws IOException {
        return blobs.temporaryFile(".part");
    }

    @Override
    public void moveIn(Path staged, String key) throws IOException {
        blobs.move(staged, key);
    }

    @Override
    public Optional<InputStream> read(String key) throws IOException {
        return blobs.open(key).map(Channels::newInputStream);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return blobs.delete(key);
    }

    /** Closes the blob store (and so, for S3, its client and local staging folder). */
    @Override
    public void close() {
        blobs.close();
    }
}
