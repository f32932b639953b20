package dev.axle.mirror;

import dev.axle.index.DistributionFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** What a {@link MirrorTarget} fetches from the upstream, for one project: verified bytes. */
public interface Upstream {
    /**
     * Downloads {@code file} to {@code target} (replaced whole, never left half-written),
     * verified against every hash the page gives that the JDK computes.
     *
     * @throws dev.axle.index.HashMismatchException if the bytes do not match the page's hashes
     */
    void download(DistributionFile file, Path target) throws IOException;

    /**
     * The file's core metadata file (PEP 658), verified against the page's hashes for it; empty
     * when the page offers none, or the upstream does not have the one it offers (a warning).
     */
    Optional<byte[]> coreMetadata(DistributionFile file) throws IOException;

    /** Reports something the user should know that does not stop the sync. */
    void warning(String message);
}
