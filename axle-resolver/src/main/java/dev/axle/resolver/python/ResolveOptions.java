package dev.axle.resolver.python;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to resolve, beyond the requirements themselves.
 *
 * @param target      the interpreter the result is for
 * @param prereleases which pre-releases may be chosen
 * @param strategy    which versions are tried first
 * @param constraints {@code -c}: they narrow a project's versions when something requires it,
 *                    but never bring a project in
 * @param overrides   {@code --override}: each replaces every requirement on its project, the
 *                    user's and the dependencies' declared ones
 * @param installed   what the environment has: tried first (pip's minimal changes) unless
 *                    upgraded, and usable even when no index has it any more
 * @param preferred   versions to try first when nothing is installed (a lock file's)
 * @param upgrade     projects to resolve as if nothing were installed or preferred
 *                    ({@code --upgrade-package}); see {@code upgradeAll}
 * @param upgradeAll  {@code --upgrade}: ignore installed and preferred versions of every project
 * @param noDeps      {@code --no-deps}: only what the requirements name, not their dependencies
 */
public record ResolveOptions(Target target, Prereleases prereleases, Strategy strategy, List<Requirement> constraints,
        List<Requirement> overrides, Map<ProjectName, Installed> installed, Map<ProjectName, Version> preferred,
        Set<ProjectName> upgrade, boolean upgradeAll, boolean noDeps) {

    /** pip's pre-release policy, or {@code --pre}. */
    public enum Prereleases {
        /**
         * Only where a requirement the user gave names a pre-release ({@code >=2.0b1}), or where a
         * project has nothing else (pip and uv's default).
         */
        IF_NECESSARY_OR_EXPLICIT,
        /** Everywhere, as any other version ({@code --pre}). */
        ALLOW
    }

    /** {@code --resolution}. */
    public enum Strategy {
        /** The newest versions. */
        HIGHEST,
        /** The oldest versions that satisfy the requirements, for every project. */
        LOWEST,
        /** The oldest for the projects the user named, the newest for their dependencies. */
        LOWEST_DIRECT
    }

    /** An installed distribution: its version and what it requires. */
    public record Installed(ProjectName project, Version version, CandidateMetadata metadata)
            implements Candidate {
        @Override
        public java.util.Optional<String> requiresPython() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean yanked() {
            return false;
        }
    }

    public ResolveOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(strategy, "strategy");
        constraints = List.copyOf(constraints);
        overrides = List.copyOf(overrides);
        installed = Map.copyOf(installed);
        preferred = Map.copyOf(preferred);
        upgrade = Set.copyOf(upgrade);
    }

    /** The newest versions for {@code target}, pip's pre-release policy, nothing installed. */
    public static ResolveOptions of(Target target) {
        return new ResolveOptions(target, Prereleases.IF_NECESSARY_OR_EXPLICIT, Strategy.HIGHEST, List.of(),
                List.of(), Map.of(), Map.of(), Set.of(), false, false);
    }

    public ResolveOptions withPrereleases(Prereleases p) {
        return new ResolveOptions(target, p, strategy, constraints, overrides, installed, preferred, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withStrategy(Strategy s) {
        return new ResolveOptions(target, prereleases, s, constraints, overrides, installed, preferred, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withConstraints(List<Requirement> c) {
        return new ResolveOptions(target, prereleases, strategy, c, overrides, installed, preferred, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withOverrides(List<Requirement> o) {
        return new ResolveOptions(target, prereleases, strategy, constraints, o, installed, preferred, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withInstalled(Map<ProjectName, Installed> i) {
        return new ResolveOptions(target, prereleases, strategy, constraints, overrides, i, preferred, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withPreferred(Map<ProjectName, Version> p) {
        return new ResolveOptions(target, prereleases, strategy, constraints, overrides, installed, p, upgrade,
                upgradeAll, noDeps);
    }

    public ResolveOptions withUpgrade(Set<ProjectName> projects, boolean all) {
        return new ResolveOptions(target, prereleases, strategy, constraints, overrides, installed, preferred,
                projects, all, noDeps);
    }

    public ResolveOptions withNoDeps(boolean n) {
        return new ResolveOptions(target, prereleases, strategy, constraints, overrides, installed, preferred, upgrade,
                upgradeAll, n);
    }

    /** Whether the installed or preferred version of {@code project} is to be ignored. */
    boolean upgrades(ProjectName project) {
        return upgradeAll || upgrade.contains(project);
    }
}
