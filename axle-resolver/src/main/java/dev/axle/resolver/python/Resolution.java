package dev.axle.resolver.python;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The outcome of a resolution: one candidate per project, in the order they were decided. */
public record Resolution(List<Package> packages) {

    /**
     * One chosen project.
     *
     * @param candidate what was chosen: a source's candidate, or {@link ResolveOptions.Installed}
     *                  when the installed version stays
     * @param extras    the extras something asked of it (normalized)
     * @param requested whether the user's requirements name it (rather than only a dependency)
     */
    public record Package(Candidate candidate, Set<String> extras, boolean requested) {
        public Package {
            Objects.requireNonNull(candidate, "candidate");
            extras = Set.copyOf(extras);
        }

        public ProjectName project() {
            return candidate.project();
        }

        public Version version() {
            return candidate.version();
        }

        /** Whether this is the installed version, kept. */
        public boolean installed() {
            return candidate instanceof ResolveOptions.Installed;
        }
    }

    public Resolution {
        packages = List.copyOf(packages);
    }

    /** The chosen package of a project. */
    public Optional<Package> get(ProjectName project) {
        return packages.stream().filter(p -> p.project().equals(project)).findFirst();
    }
}
