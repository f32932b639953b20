package dev.axle.mirror;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/**
 * Where a mirror writes: a static simple index (a folder, or any blob store) or an axle
 * server's index. Implementations are safe for concurrent {@link #write}s of different projects.
 */
public interface MirrorTarget extends AutoCloseable {
    /** The destination, for messages. */
    String describe();

    /** The state the last sync recorded, if any. */
    Optional<byte[]> readState() throws IOException;

    /** Records the state, atomically (readers see the old state or the new one). */
    void writeState(byte[] state) throws IOException;

    /**
     * Makes the destination hold exactly {@code update}'s files of the project (fetching those
     * it lacks through {@code upstream}, keeping those it has and removing the others) and, for
     * a static index, its pages, written after its files.
     */
    Written write(ProjectUpdate update, Upstream upstream) throws IOException;

    /** Removes a project the upstream (or the filters) no longer has: pages first, then files. */
    void remove(ProjectRecord project) throws IOException;

    /** After a sync: writes what spans projects (a static index's project list). */
    void finish(Collection<ProjectRecord> projects) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * What writing a project did.
     *
     * @param record       the project as now held
     * @param filesDeleted how many files of it were removed
     */
    record Written(ProjectRecord record, int filesDeleted) {}
}
