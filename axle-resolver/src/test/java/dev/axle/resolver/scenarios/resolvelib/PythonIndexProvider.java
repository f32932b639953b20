package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.InvalidVersionException;
import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.pubgrub.Dependencies;
import dev.axle.resolver.pubgrub.DependencyProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A frozen resolvelib index ({@code {project: {version: {"dependencies": [PEP 508...]}}}}) as a
 * PubGrub provider, with the policies of resolvelib's harness
 * ({@code tests/functional/python/test_resolvers_python.py}). Packages are normalized names;
 * {@code name[extra]} is a virtual package that depends on {@code name} at the same version plus
 * the extra's requirements (resolvelib makes one candidate for all the extras of a requirement,
 * which needs the same versions). Candidates are the newest first; pre-releases only for a project that has
 * nothing else (packaging's {@code filter()} falls back to them only then, for requirements that
 * do not name one, which is all of this corpus'). Version strings that are not PEP 440 are left
 * out, as current packaging cannot parse them.
 */
final class PythonIndexProvider implements DependencyProvider<String, Version, Pep440Set> {
    static final String ROOT = "<root>";

    /** The target: packaging's default environment on the CPython 3.8 / Linux x86_64 these 2020 indexes were taken for. */
    static final MarkerEnvironment TARGET = MarkerEnvironment.of(Map.ofEntries(
            Map.entry("python_version", "3.8"), Map.entry("python_full_version", "3.8.10"),
            Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", "3.8.10"),
            Map.entry("platform_python_implementation", "CPython"), Map.entry("os_name", "posix"),
            Map.entry("sys_platform", "linux"), Map.entry("platform_system", "Linux"),
            Map.entry("platform_machine", "x86_64"), Map.entry("platform_release", ""),
            Map.entry("platform_version", "")));

    private final List<Requirement> requested;
    /** Normalized project name to each version's dependency strings. */
    private final Map<String, Map<Version, List<String>>> index = new HashMap<>();
    /** The package versions whose dependencies the solver asked for: resolvelib's "visited". */
    private final Set<String> visited = new LinkedHashSet<>();

    PythonIndexProvider(JsonNode index, List<Requirement> requested) {
        this.requested = List.copyOf(requested);
        index.properties().forEach(project -> {
            Map<Version, List<String>> versions = this.index.computeIfAbsent(
                    ProjectName.parse(project.getKey()).toString(), k -> new LinkedHashMap<>());
            project.getValue().properties().forEach(entry -> {
                Version version;
                try {
                    version = Version.parse(entry.getKey());
                } catch (InvalidVersionException e) {
                    return;
                }
                List<String> dependencies = new ArrayList<>();
                entry.getValue().path("dependencies").forEach(d -> dependencies.add(d.asText()));
                versions.putIfAbsent(version, dependencies);
            });
        });
    }

    Set<String> visited() {
        return visited;
    }

    @Override
    public List<Version> versions(String pkg) {
        Map<Version, List<String>> all = index.getOrDefault(PythonPackages.project(pkg), Map.of());
        boolean onlyPre = all.keySet().stream().allMatch(Version::isPrerelease);
        List<Version> out = new ArrayList<>();
        for (Version v : all.keySet()) {
            if (onlyPre || !v.isPrerelease()) {
                out.add(v);
            }
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    @Override
    public Dependencies<String, Pep440Set> dependencies(String pkg, Version version) {
        Map<String, Pep440Set> dependencies = new LinkedHashMap<>();
        List<Requirement> requires = new ArrayList<>();
        Set<String> extras = Set.of();
        if (pkg.equals(ROOT)) {
            requires.addAll(requested);
        } else {
            visited.add(pkg + " " + version);
            int bracket = pkg.indexOf('[');
            if (bracket >= 0) {
                extras = Set.of(pkg.substring(bracket + 1, pkg.length() - 1));
                dependencies.put(PythonPackages.project(pkg), Pep440Set.SETS.singleton(version));
            }
            for (String text : index.get(PythonPackages.project(pkg)).get(version)) {
                try {
                    requires.add(Requirement.parse(text));
                } catch (InvalidRequirementException e) {
                    return Dependencies.unavailable("its metadata has an invalid requirement: " + text);
                }
            }
        }
        for (Requirement r : requires) {
            if (r.marker().isPresent() && !applies(r.marker().get(), extras)) {
                continue;
            }
            PythonPackages.require(dependencies, r);
        }
        return Dependencies.of(dependencies);
    }

    /**
     * As resolvelib's harness evaluates markers: once per extra of the candidate, true when any
     * evaluation is; a candidate without extras therefore drops every dependency that has a
     * marker (chalice's expected resolution has no urllib3, which botocore requires under
     * {@code python_version != '3.4'}).
     */
    private static boolean applies(Marker marker, Set<String> extras) {
        return extras.stream().anyMatch(extra -> marker.evaluate(TARGET.with("extra", extra)));
    }
}
