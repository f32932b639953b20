package dev.axle.server.proxy;

import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core metadata file of a proxied wheel whose upstream offers none (a static PEP 503 tree,
 * an old index): the wheel's own METADATA, read once the wheel is downloaded, then served
 * beside it like an uploaded wheel's.
 */
public final class WheelMetadata {
    private WheelMetadata() {}

    /** The METADATA of the downloaded wheel {@code file}; empty when it cannot be read as a wheel. */
    public static Optional<byte[]> read(Path file, String filename) throws IOException {
        try {
            return Optional.of(Distribution.inspect(file, filename).metadataBytes());
        } catch (DistributionException e) {
            // Upstreams serve old wheels today's rules refuse: served still, without a metadata file.
            return Optional.empty();
        }
    }

    /** {@code file} serving a metadata file with this sha256. */
    public static StoredFile withMetadata(StoredFile file, String metadataSha256) {
        return new StoredFile(file.index(), file.project(), file.version(), file.filename(), file.packageType(),
                file.blobKey(), file.sha256(), file.md5(), file.size(), file.uploadTime(), file.requiresPython(),
                file.yanked(), file.yankedReason(), Optional.of(metadataSha256), file.upstream());
    }

    /**
     * A new upstream listing, each file without an upstream metadata file keeping the one read
     * from its kept wheel (same bytes: same sha256), so a refetch does not drop it.
     */
    public static List<StoredFile> keptFor(List<StoredFile> listed, List<StoredFile> kept) {
        Map<String, StoredFile> before = new HashMap<>();
        kept.forEach(f -> before.put(f.filename(), f));
        return listed.stream().map(f -> {
            StoredFile old = before.get(f.filename());
            return f.metadataSha256().isEmpty() && old != null && old.sha256().equals(f.sha256())
                    && old.metadataSha256().isPresent() ? withMetadata(f, old.metadataSha256().get()) : f;
        }).toList();
    }
}
