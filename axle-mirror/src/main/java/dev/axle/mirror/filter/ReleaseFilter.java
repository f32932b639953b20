package dev.axle.mirror.filter;

import dev.axle.pep.Version;
import java.util.SortedSet;

/** Which versions of a project are mirrored, seeing them all (what the file filters left). */
@FunctionalInterface
public interface ReleaseFilter {
    /**
     * @param project  the normalized project name
     * @param versions the project's versions that have files, in PEP 440 order
     * @return the versions kept, a subset of {@code versions}
     */
    SortedSet<Version> keep(String project, SortedSet<Version> versions);
}
