package dev.axle.mirror.filter;

import dev.axle.pep.Version;
import java.util.SortedSet;
import java.util.TreeSet;

/** {@code --no-prereleases}: final releases only; alphas, betas, release candidates and dev releases are left out. */
public record NoPrereleaseFilter() implements ReleaseFilter {
    @Override
    public SortedSet<Version> keep(String project, SortedSet<Version> versions) {
        TreeSet<Version> kept = new TreeSet<>();
        versions.stream().filter(v -> !v.isPrerelease()).forEach(kept::add);
        return kept;
    }

    @Override
    public String toString() {
        return "no-prereleases";
    }
}
