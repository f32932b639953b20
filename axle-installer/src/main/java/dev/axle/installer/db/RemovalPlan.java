package dev.axle.installer.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What removing one installed distribution takes, decided before anything is touched.
 *
 * @param distribution the distribution removed
 * @param files the files (and symbolic links) to delete, sorted
 * @param directoriesToPruneIfEmpty folders to delete afterwards if they are then empty,
 *     deepest first: the metadata folder and the parents of deleted files, up to but not
 *     including the install scheme's folders (site-packages, bin, ...) and the environment
 * @param skippedShared recorded files kept because another installed distribution records
 *     them too (such as a namespace's {@code __init__.py}), with their byte-code
 * @param pthEdits lines to take out of {@code .pth} files (legacy editable installs)
 */
public record RemovalPlan(InstalledDistribution distribution, List<Path> files, List<Path> directoriesToPruneIfEmpty,
        List<Path> skippedShared, List<PthEdit> pthEdits) {
    public RemovalPlan {
        Objects.requireNonNull(distribution, "distribution");
        files = List.copyOf(files);
        directoriesToPruneIfEmpty = List.copyOf(directoriesToPruneIfEmpty);
        skippedShared = List.copyOf(skippedShared);
        pthEdits = List.copyOf(pthEdits);
    }
}
