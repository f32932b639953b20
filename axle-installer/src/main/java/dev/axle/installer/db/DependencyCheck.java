package dev.axle.installer.db;

import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.pep.tags.SupportedTags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: whether the installed distributions' dependencies are met, with the verdicts
 * and words of {@code pip check}.
 *
 * <p>A dependency applies when it has no marker or its marker holds in the target
 * interpreter's environment with {@code extra == ""}: the dependencies of a distribution's
 * extras are not checked, since nothing records which extras were asked for. An applicable
 * dependency that is not installed is <em>missing</em>; one installed in a version outside
 * the requirement's specifier (pre-releases allowed) is a <em>conflict</em>. A distribution
 * installed from a wheel none of whose tags the interpreter supports is <em>unsupported</em>
 * (pip 23.3 and later). Distributions whose dependencies or version cannot be read are
 * reported as warnings, left out of the set (so their dependents see them as missing) and
 * make the check fail.
 *
 * <p>Problems are listed as pip prints them: every missing dependency (per distribution in
 * path order, sorted within), then every conflict, then unsupported distributions.
 */
public final class DependencyCheck {

    /** One finding. */
    public sealed interface Problem permits Missing, Conflict, Unsupported {
        /** The line {@code pip check} prints. */
        String message();
    }

    /** {@code dependent} requires {@code requirement}, and nothing of that name is installed. */
    public record Missing(ProjectName dependent, Version dependentVersion, Requirement requirement) implements Problem {
        @Override
        public String message() {
            return dependent + " " + dependentVersion + " requires " + ProjectName.canonicalize(requirement.name())
                    + ", which is not installed.";
        }
    }

    /** {@code dependent} requires {@code requirement}, but the installed version does not satisfy it. */
    public record Conflict(ProjectName dependent, Version dependentVersion, Requirement requirement,
            Version installedVersion) implements Problem {
        @Override
        public String message() {
            return dependent + " " + dependentVersion + " has requirement " + requirement + ", but you have "
                    + ProjectName.canonicalize(requirement.name()) + " " + installedVersion + ".";
        }
    }

    /** {@code distribution} was installed from a wheel for other interpreters or platforms. */
    public record Unsupported(InstalledDistribution distribution) implements Problem {
        @Override
        public String message() {
            return distribution.displayName() + " " + distribution.version().map(Object::toString)
                    .orElseGet(distribution::versionText) + " is not supported on this platform";
        }
    }

    /**
     * The findings.
     *
     * @param problems the problems in the order pip prints them
     * @param unreadable why distributions were left out, as pip warns ({@code Error parsing dependencies of ...})
     */
    public record Result(List<Problem> problems, List<String> unreadable) {
        public Result {
            problems = List.copyOf(problems);
            unreadable = List.copyOf(unreadable);
        }

        /** Whether nothing is wrong. */
        public boolean ok() {
            return problems.isEmpty() && unreadable.isEmpty();
        }

        /** What {@code pip check} prints: the problems, or {@code No broken requirements found.}; exit 1 unless ok. */
        public CommandOutput output() {
            List<String> lines = new ArrayList<>();
            problems.forEach(p -> lines.add(p.message()));
            if (ok()) {
                lines.add("No broken requirements found.");
            }
            return CommandOutput.of(lines, unreadable, ok() ? CommandOutput.SUCCESS : CommandOutput.ERROR);
        }
    }

    private record Details(Version version, List<Requirement> dependencies) {}

    private DependencyCheck() {}

    /**
     * Checks {@code installed} for an interpreter with {@code environment}.
     *
     * @param supportedTags the interpreter's tags, to find unsupported wheels; empty to skip that test
     * @param environmentPrefix the virtual environment's folder: only distributions inside it
     *     are tested for support (as pip tests only local ones); empty outside a virtual environment
     */
    public static Result check(InstalledDistributions installed, MarkerEnvironment environment,
            Optional<SupportedTags> supportedTags, Optional<Path> environmentPrefix) {
        Objects.requireNonNull(environment, "environment");
        Map<ProjectName, Details> packages = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (InstalledDistribution d : installed.inPathOrder()) {
            try {
                List<Requirement> dependencies = d.dependencies(environment);
                Version version = d.version().orElseThrow(
                        () -> new IllegalArgumentException("Invalid version: " + PyText.repr(d.versionText())));
                packages.put(d.name(), new Details(version, dependencies));
            } catch (IllegalArgumentException e) {
                // An invalid requirement (InvalidRequirementException) or version, as pip reports both.
                unreadable.add(unreadable(d, e));
            }
        }
        List<Problem> missing = new ArrayList<>();
        List<Problem> conflicts = new ArrayList<>();
        packages.forEach((name, details) -> {
            Set<Missing> missingHere = new LinkedHashSet<>();
            Set<Conflict> conflictsHere = new LinkedHashSet<>();
            for (Requirement r : details.dependencies()) {
                ProjectName dependency = ProjectName.parse(ProjectName.canonicalize(r.name()));
                Details installedDependency = packages.get(dependency);
                if (installedDependency == null) {
                    missingHere.add(new Missing(name, details.version(), r));
                } else if (!satisfies(r, installedDependency.version())) {
                    conflictsHere.add(new Conflict(name, details.version(), r, installedDependency.version()));
                }
            }
            // pip sorts (name, requirement) tuples by their text; the same key gives the same order.
            missingHere.stream().sorted(Comparator.comparing(DependencyCheck::key, PyText.CODE_POINT_ORDER))
                    .forEach(missing::add);
            conflictsHere.stream().sorted(Comparator.comparing(DependencyCheck::key, PyText.CODE_POINT_ORDER))
                    .forEach(conflicts::add);
        });
        List<Problem> problems = new ArrayList<>(missing);
        problems.addAll(conflicts);
        supportedTags.ifPresent(tags -> problems.addAll(unsupported(installed, tags, environmentPrefix)));
        return new Result(problems, unreadable);
    }

    /** Whether {@code version} meets {@code requirement}'s specifier, pre-releases allowed, as pip check judges. */
    static boolean satisfies(Requirement requirement, Version version) {
        return requirement.specifier().contains(version, true);
    }

    /** pip's warning for a distribution whose dependencies or version cannot be read. */
    static String unreadable(InstalledDistribution d, IllegalArgumentException e) {
        return "Error parsing dependencies of " + d.name() + ": " + e.getMessage();
    }

    private static List<Problem> unsupported(InstalledDistributions installed, SupportedTags tags,
            Optional<Path> environmentPrefix) {
        Optional<Path> prefix = environmentPrefix.map(p -> p.toAbsolutePath().normalize());
        List<Problem> out = new ArrayList<>();
        for (InstalledDistribution d : installed.inPathOrder()) {
            boolean local = prefix.isEmpty()
                    || d.installedLocation().toAbsolutePath().normalize().startsWith(prefix.get());
            if (!local || PackageList.STANDARD_LIBRARY.contains(d.name().toString())) {
                continue;
            }
            // A WHEEL without Tag lines supports nothing, as for pip.
            d.wheel().filter(w -> !tags.isCompatible(w.tags())).ifPresent(w -> out.add(new Unsupported(d)));
        }
        return out;
    }

    private static String key(Missing m) {
        return "('" + ProjectName.canonicalize(m.requirement().name()) + "', <Requirement("
                + PyText.repr(m.requirement().toString()) + ")>)";
    }

    private static String key(Conflict c) {
        return "('" + ProjectName.canonicalize(c.requirement().name()) + "', <Version("
                + PyText.repr(c.installedVersion().toString()) + ")>, <Requirement("
                + PyText.repr(c.requirement().toString()) + ")>)";
    }
}
