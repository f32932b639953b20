package dev.axle.mirror;

import dev.axle.index.DistributionFile;

/**
 * Told how a sync proceeds, so that a user interface can show it. Called on the sync's worker
 * threads, concurrently. An unchecked exception thrown here stops the sync (what was finished is
 * recorded), as an interrupted run would.
 */
public interface MirrorListener {
    /** Ignores everything. */
    MirrorListener NONE = new MirrorListener() {};

    /** The upstream's list was read: {@code listed} projects pass the filters, of which these change. */
    default void planned(int listed, int toSync, int toRemove) {}

    /** A download's progress; {@code total} is -1 when unknown. */
    default void downloading(String project, DistributionFile file, long done, long total) {}

    /** A distribution file was downloaded and verified. */
    default void fetched(String project, String filename, long bytes) {}

    /** A project is fully written and recorded. */
    default void projectSynced(String project, int files, int fetched, int deleted) {}

    /** A project is gone from the destination. */
    default void projectRemoved(String project) {}

    /** A project could not be synced; it is tried again by the next sync. */
    default void projectFailed(String project, String message) {}

    default void warning(String message) {}
}
