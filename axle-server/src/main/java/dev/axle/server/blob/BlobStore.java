package dev.axle.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the bytes of distribution files live, by key (a relative path with '/' separators).
 * A blob is either whole or absent: {@link FileBlobStore} renames a synced temporary file into
 * place, {@link S3BlobStore} relies on S3 showing an object only once its upload completed.
 */
public interface BlobStore extends AutoCloseable {
    /** Stores {@code content} under {@code key}, replacing what was there, and returns the bytes written. */
    long put(String key, InputStream content) throws IOException;

    /**
     * Moves {@code file} (a temporary file of this store's, see {@link #temporaryFile}) to
     * {@code key}, syncing it first; cheaper than {@link #put} since the bytes are not copied.
     */
    void move(Path file, String key) throws IOException;

    /** A new empty temporary file, on the store's file system, swept at the next start if left behind. */
    Path temporaryFile(String suffix) throws IOException;

    /** The folder for temporary files (uploads spill their parts there). */
    Path temporaryFolder();

    /** Opens a blob for reading from any position, or empty when there is none. */
    Optional<SeekableByteChannel> open(String key) throws IOException;

    /** The size of a blob, or empty when there is none. */
    Optional<Long> size(String key) throws IOException;

    /**
     * Removes the temporary files a killed process left behind and returns how many; only a
     * server starting on the store calls it, since it would break uploads in flight.
     */
    int sweepTemporaries() throws IOException;

    /** Deletes a blob; false when there was none. */
    boolean delete(String key) throws IOException;

    /**
     * Calls {@code visitor} with every stored blob, in no particular order; the visitor may
     * delete the blob it is given.
     */
    void forEach(BlobVisitor visitor) throws IOException;

    /**
     * A URL the client can download the blob from directly for {@code validity}, such as a
     * presigned S3 URL, or empty when the server sends the bytes itself (the default). The
     * blob's existence is not checked.
     */
    default Optional<URI> downloadUrl(String key, Duration validity) throws IOException {
        return Optional.empty();
    }

    /** Releases the store's connections; nothing by default. */
    @Override
    default void close() {}

    /** What {@link #forEach} calls with each blob. */
    @FunctionalInterface
    interface BlobVisitor {
        void visit(StoredBlob blob) throws IOException;
    }
}
