package dev.axle.mirror;

import java.util.Objects;
import java.util.Optional;

/**
 * A distribution file as a destination holds it, verified.
 *
 * @param key            where its bytes are in the destination (a relative path, '/'-separated)
 * @param metadataSha256 the sha256 of its core metadata file (PEP 658), kept beside it at
 *                       {@code key + ".metadata"}; empty when there is none
 */
public record FileRecord(String filename, String key, String sha256, long size, Optional<String> metadataSha256) {
    public FileRecord {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(metadataSha256, "metadataSha256");
    }

    public String metadataKey() {
        return key + ".metadata";
    }
}
