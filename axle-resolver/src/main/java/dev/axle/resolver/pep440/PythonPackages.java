package dev.axle.resolver.pep440;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Python packages as the PubGrub solver sees them: a normalized project name, or
 * {@code name[extra]}, a virtual package that depends on {@code name} at the same version and
 * on the requirements of the extra (as uv models extras).
 */
public final class PythonPackages {
    private PythonPackages() {}

    /** Adds a requirement to a version's dependencies: its project, and one virtual package per extra. */
    public static void require(Map<String, Pep440Set> dependencies, Requirement requirement) {
        String name = ProjectName.parse(requirement.name()).toString();
        Pep440Set versions = Pep440Set.of(requirement.specifier());
        dependencies.merge(name, versions, Pep440Set::intersect);
        for (String extra : requirement.extras()) {
            dependencies.merge(withExtra(name, extra), versions, Pep440Set::intersect);
        }
    }

    /** The virtual package of a normalized project name with an extra. */
    public static String withExtra(String name, String extra) {
        return name + "[" + normalizeExtra(extra) + "]";
    }

    /** An extra's name as PEP 685 compares it. */
    public static String normalizeExtra(String extra) {
        return extra.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The project of a package: the name without its extra. */
    public static String project(String pkg) {
        int bracket = pkg.indexOf('[');
        return bracket < 0 ? pkg : pkg.substring(0, bracket);
    }

    /** The extra of a virtual package, if it is one. */
    public static Optional<String> extra(String pkg) {
        int bracket = pkg.indexOf('[');
        return bracket < 0 ? Optional.empty() : Optional.of(pkg.substring(bracket + 1, pkg.length() - 1));
    }
}
