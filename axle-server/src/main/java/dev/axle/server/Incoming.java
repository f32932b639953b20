package dev.axle.server;

import java.util.Objects;

/**
 * A distribution file about to be published, as inspected: the bytes are in a temporary file
 * of the blob store; the rest comes from the file's own metadata.
 *
 * @param packageType {@code bdist_wheel} or {@code sdist}
 * @param displayName the project name as the metadata spells it
 * @param metadata the core metadata file (METADATA or PKG-INFO) as in the archive
 * @param serveMetadata whether to serve {@code metadata} beside the file (PEP 658): always for
 *     wheels; for sdists only when the metadata is static (PEP 643)
 */
public record Incoming(String index, String filename, String packageType, String displayName, String version,
        byte[] metadata, boolean serveMetadata, String sha256, String md5, long size) {
    public Incoming {
        Objects.requireNonNull(index);
        Objects.requireNonNull(filename);
        Objects.requireNonNull(metadata);
    }
}
