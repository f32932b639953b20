package dev.axle.finder;

import dev.axle.index.DistributionFile;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import dev.axle.resolver.python.Candidate;
import java.util.Optional;

/**
 * A version found on an index (or named by a direct reference), with the one file chosen for
 * the target: its most preferred compatible wheel, else its sdist.
 *
 * @param origin where the file is fetched from (an index with its credentials and retries, or find-links)
 * @param direct whether a direct reference named it ({@code name @ URL}) rather than an index page
 */
public record FoundCandidate(ProjectName project, Version version, DistributionFile file, FileOrigin origin, boolean direct)
        implements Candidate {

    /** Whether the chosen file is a wheel (else a source distribution). */
    public boolean wheel() {
        return file.filename().endsWith(".whl");
    }

    @Override
    public Optional<String> requiresPython() {
        return file.requiresPython();
    }

    @Override
    public boolean yanked() {
        return file.yanked().yanked();
    }

    @Override
    public String toString() {
        return project + " " + version + " (" + file.filename() + ")";
    }
}
