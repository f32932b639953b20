package dev.axle.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bytes of distribution files live, by key (a relative path with '/' separators).
 * A blob is either whole or absent: writers go through a temporary file that is synced and
 * then renamed into place.
 */
public interface BlobStore {
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
}
