package dev.axle.mirror;

import dev.axle.index.DistributionFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One project to write: what the upstream's page lists, after the filters.
 *
 * @param name        the normalized name
 * @param displayName the name as the page spells it
 * @param serial      the upstream's serial of the project, or -1 when it gives none
 * @param files       the files to hold, in page order
 * @param versions    the versions to list (PEP 700)
 * @param previous    what the last sync recorded of the project, if anything
 * @param verify      whether to re-hash what the destination holds rather than trust the record
 */
public record ProjectUpdate(String name, String displayName, long serial, List<DistributionFile> files,
        List<String> versions, Optional<ProjectRecord> previous, boolean verify) {
    public ProjectUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        files = List.copyOf(files);
        versions = List.copyOf(versions);
        Objects.requireNonNull(previous, "previous");
    }
}
