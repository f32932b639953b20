package dev.axle.mirror.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a static simple index is written: files by key (a relative path with '/' separators),
 * each written whole or not at all, so that a reader (a web server, pip on {@code file://})
 * never sees part of one. A local folder is one ({@link FolderTree}); any axle-server
 * {@link dev.axle.server.blob.BlobStore}, S3's included, is another ({@link BlobStoreTree}).
 */
public interface TreeStore extends AutoCloseable {
    /** Where it is, for messages. */
    String describe();

    /** Stores {@code content} under {@code key}, replacing what was there, atomically. */
    void write(String key, byte[] content) throws IOException;

    /** A new empty local file to download into before {@link #moveIn}. */
    Path stagingFile() throws IOException;

    /** Moves a {@link #stagingFile} into place as {@code key}, atomically; the staged file is gone after. */
    void moveIn(Path staged, String key) throws IOException;

    /** Reads a file, or empty when there is none. */
    Optional<InputStream> read(String key) throws IOException;

    /** Deletes a file; false when there was none. */
    boolean delete(String key) throws IOException;

    @Override
    void close() throws IOException;
}
