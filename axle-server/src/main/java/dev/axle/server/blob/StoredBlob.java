package dev.axle.server.blob;

import java.time.Instant;

/**
 * A blob as a listing shows it.
 *
 * @param key its key in the {@link BlobStore}
 * @param size its size in bytes
 * @param lastModified when it was last written
 */
public record StoredBlob(String key, long size, Instant lastModified) {}
