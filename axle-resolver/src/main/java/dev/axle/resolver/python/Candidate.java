package dev.axle.resolver.python;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import java.util.Optional;

/**
 * One version of a project that could be installed, as a {@link PackageSource} knows it before
 * its metadata is read. Sources implement it with whatever they need to fetch the metadata and
 * the file later.
 */
public interface Candidate {
    ProjectName project();

    Version version();

    /** The Requires-Python the index declares for the files (PEP 503's data-requires-python), unparsed. */
    Optional<String> requiresPython();

    /** Whether every file of this version is yanked (PEP 592). */
    boolean yanked();
}
