package dev.axle.lock;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Tag;
import dev.axle.pep.tags.SupportedTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** PEP 751's installation steps: which entries apply to a target, and which source of each to install. */
final class Selection {
    private Selection() {}

    static List<SelectedPackage> select(Pylock lock, MarkerEnvironment environment, List<Tag> supportedTags,
            Collection<String> extras, Optional<? extends Collection<String>> dependencyGroups,
            Predicate<ProjectName> preferSdist) {
        String python = environment.value("python_full_version")
                .orElseThrow(() -> new IllegalArgumentException("the marker environment has no python_full_version"));
        // A build from a source checkout reports e.g. "3.14.0+", which is not a version until completed.
        String pythonVersion = python.endsWith("+") ? python + "local" : python;

        lock.requiresPython().filter(s -> !s.isEmpty()).ifPresent(s -> {
            if (!s.contains(pythonVersion)) {
                throw new PylockSelectException(pythonMismatch(pythonVersion, s));
            }
        });
        // The specification asks for an error when no marker of environments matches, an empty list included.
        if (lock.environments().isPresent()
                && lock.environments().get().stream().noneMatch(m -> m.evaluate(environment, Marker.Context.REQUIREMENT))) {
            throw new PylockSelectException(
                    "Provided environment does not satisfy any of the environments specified in the lock file");
        }

        MarkerEnvironment packageEnvironment = environment.withExtras(new LinkedHashSet<>(extras))
                .withDependencyGroups(new LinkedHashSet<>(dependencyGroups.isPresent()
                        ? dependencyGroups.get() : lock.defaultGroups().orElse(List.of())));
        Map<ProjectName, Integer> selected = new LinkedHashMap<>();
        List<Package> packages = lock.packages();
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            if (p.marker().isPresent() && !p.marker().get().evaluate(packageEnvironment, Marker.Context.LOCK_FILE)) {
                continue;
            }
            if (p.requiresPython().filter(s -> !s.isEmpty()).isPresent()
                    && !p.requiresPython().get().contains(pythonVersion)) {
                throw new PylockSelectException(pythonMismatch(pythonVersion, p.requiresPython().get())
                        + " for package " + PythonRepr.of(p.name().toString()) + " at packages[" + i + "]");
            }
            Integer earlier = selected.putIfAbsent(p.name(), i);
            if (earlier != null) {
                throw new PylockSelectException("Multiple packages with the name " + PythonRepr.of(p.name().toString())
                        + " are selected at packages[" + i + "] and packages[" + earlier + "]");
            }
        }

        SupportedTags tags = SupportedTags.of(supportedTags);
        List<SelectedPackage> out = new ArrayList<>();
        for (int i : selected.values()) {
            Package p = packages.get(i);
            out.add(new SelectedPackage(p, source(p, i, tags, preferSdist)));
        }
        return List.copyOf(out);
    }

    /** A direct source if there is one, else the preferred sdist, the best wheel, or the sdist as a fallback. */
    private static PackageSource source(Package p, int index, SupportedTags tags, Predicate<ProjectName> preferSdist) {
        if (p.vcs().isPresent()) {
            return p.vcs().get();
        }
        if (p.directory().isPresent()) {
            return p.directory().get();
        }
        if (p.archive().isPresent()) {
            return p.archive().get();
        }
        if (p.sdist().isPresent() && preferSdist.test(p.name())) {
            return p.sdist().get();
        }
        List<PackageWheel> wheels = p.wheels().orElse(List.of());
        if (!wheels.isEmpty()) {
            List<PackageWheel> compatible = tags.select(wheels, w -> w.parsedFilename().tags());
            if (!compatible.isEmpty()) {
                return compatible.get(0);
            }
            if (p.sdist().isPresent()) {
                return p.sdist().get();
            }
            throw new PylockSelectException("No wheel found matching the provided tags for package "
                    + PythonRepr.of(p.name().toString()) + " at packages[" + index
                    + "], and no sdist available as a fallback");
        }
        return p.sdist().orElseThrow(() -> new IllegalStateException(
                "packages[" + index + "] has no source: the lock was not validated"));
    }

    private static String pythonMismatch(String python, SpecifierSet requirement) {
        return "python_full_version " + PythonRepr.of(python)
                + " in provided environment does not satisfy the Python version requirement "
                + PythonRepr.of(requirement.toString());
    }
}
