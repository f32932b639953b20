package dev.axle.server;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.StoredBlob;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the blobs no file references: those a server killed between writing a blob and its
 * database row left behind ({@link Publication} writes the blob first). A blob younger than the
 * grace period is kept, whatever the database says: it may be an upload in flight, on this
 * server or another sharing the store, whose row is not written yet.
 *
 * <p>A blob orphaned longer ago than the grace period and published again, with the same bytes
 * and filename, in the moment between the sweep's look-up and its deletion would lose its bytes;
 * sweeping rarely (hourly or daily) keeps that unlikely.
 */
public final class OrphanSweeper {
    /** Longer than any upload takes, from the blob's write to its row's. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /**
     * What a sweep found.
     *
     * @param blobs how many blobs were listed
     * @param recent how many of them were too young to judge
     * @param deleted how many orphans were deleted
     * @param deletedBytes their size
     */
    public record Report(long blobs, long recent, long deleted, long deletedBytes) {}

    private final Store store;
    private final BlobStore blobs;
    private final Duration grace;
    private final Clock clock;

    public OrphanSweeper(Store store, BlobStore blobs, Duration grace, Clock clock) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the orphan sweep's grace period " + grace + " is negative");
        }
        this.store = store;
        this.blobs = blobs;
        this.grace = grace;
        this.clock = clock;
    }

    public OrphanSweeper(Store store, BlobStore blobs) {
        this(store, blobs, DEFAULT_GRACE, Clock.systemUTC());
    }

    /** Lists the store and deletes the orphans older than the grace period. */
    public Report sweep() throws IOException {
        Instant cutoff = clock.instant().minus(grace);
        Tally tally = new Tally();
        blobs.forEach(blob -> {
            tally.blobs++;
            if (blob.lastModified().isAfter(cutoff)) {
                tally.recent++;
            } else if (!referenced(blob) && blobs.delete(blob.key())) {
                tally.deleted++;
                tally.deletedBytes += blob.size();
            }
        });
        return new Report(tally.blobs, tally.recent, tally.deleted, tally.deletedBytes);
    }

    private static final class Tally {
        long blobs;
        long recent;
        long deleted;
        long deletedBytes;
    }

    /** Whether a file row names the blob, or the file it is the {@code .metadata} of. */
    private boolean referenced(StoredBlob blob) {
        String key = blob.key();
        if (store.blobReferenced(key)) {
            return true;
        }
        return key.endsWith(".metadata") && store.blobReferenced(key.substring(0, key.length() - ".metadata".length()));
    }
}
