package dev.axle.server.store;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A distribution file of a release on an index, as the database records it.
 *
 * @param project the normalized project name (PEP 503)
 * @param packageType Warehouse's words: {@code bdist_wheel} or {@code sdist}
 * @param blobKey where its bytes are in the {@link dev.axle.server.blob.BlobStore}; its
 *     {@code .metadata} file, when there is one, is at {@code blobKey + ".metadata"}
 * @param size the size in bytes, or -1 when unknown (a proxied file its upstream did not size)
 * @param uploadTime when it was uploaded ({@link Instant#EPOCH} when unknown)
 * @param metadataSha256 the sha256 of the core metadata file served beside it (PEP 658), or
 *     empty when none is served
 * @param upstream for a file of a proxy index, where its bytes (and metadata file) are fetched
 *     from the first time they are asked for
 */
public record StoredFile(String index, String project, String version, String filename, String packageType,
        String blobKey, String sha256, String md5, long size, Instant uploadTime, Optional<String> requiresPython,
        boolean yanked, Optional<String> yankedReason, Optional<String> metadataSha256, Optional<URI> upstream) {
    public StoredFile {
        upstream = upstream == null ? Optional.empty() : upstream;
        requiresPython = requiresPython == null ? Optional.empty() : requiresPython;
        yankedReason = yankedReason == null ? Optional.empty() : yankedReason;
        metadataSha256 = metadataSha256 == null ? Optional.empty() : metadataSha256;
    }

    /** The blob key of the core metadata file served beside this file. */
    public String metadataBlobKey() {
        return blobKey + ".metadata";
    }

    /** Whether both name the same bytes. */
    public boolean sameBytes(StoredFile other) {
        return sha256.equals(other.sha256) && size == other.size;
    }
}
