package dev.axle.mirror;

import java.time.Duration;
import java.util.List;

/**
 * What a sync did.
 *
 * @param listed          projects the upstream lists that pass the filters
 * @param synced          projects written (changed, new, or all with verify)
 * @param unchanged       projects left alone: their serial had not moved
 * @param removed         projects removed from the destination
 * @param pagesFetched    index pages requested from the upstream (its project list included)
 * @param filesFetched    distribution files downloaded
 * @param bytesFetched    their bytes
 * @param metadataFetched core metadata files downloaded
 * @param filesDeleted    distribution files removed from the destination
 * @param failures        projects that could not be synced, and why
 */
public record SyncReport(int listed, int synced, int unchanged, int removed, int pagesFetched, int filesFetched,
        long bytesFetched, int metadataFetched, int filesDeleted, List<Failure> failures, Duration elapsed) {
    public SyncReport {
        failures = List.copyOf(failures);
    }

    /** A project that failed. */
    public record Failure(String project, String message) {}

    public boolean ok() {
        return failures.isEmpty();
    }
}
