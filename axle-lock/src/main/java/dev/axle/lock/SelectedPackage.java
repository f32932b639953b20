package dev.axle.lock;

import java.util.Objects;

/**
 * A package to install and the source chosen for it.
 *
 * @param entry  the lock file entry
 * @param source one of the entry's sources: its VCS, directory or archive source, the best wheel, or the sdist
 */
public record SelectedPackage(Package entry, PackageSource source) {
    public SelectedPackage {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(source, "source");
    }
}
