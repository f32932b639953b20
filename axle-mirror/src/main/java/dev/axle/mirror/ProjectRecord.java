package dev.axle.mirror;

import java.util.List;
import java.util.Objects;

/**
 * A project as the destination holds it after a sync: recorded only once all of it is written.
 *
 * @param name        the normalized name
 * @param displayName the name as the upstream's page spells it
 * @param serial      the upstream's serial of the project when it was synced; -1 when the
 *                    upstream gives none (the project is then fetched again on every sync)
 * @param files       the files written, in page order
 */
public record ProjectRecord(String name, String displayName, long serial, List<FileRecord> files) {
    public ProjectRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        files = List.copyOf(files);
    }
}
