package dev.axle.resolver.pubgrub;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory provider: packages named by strings, versions listed highest first. */
final class Registry implements DependencyProvider<String, Integer, IntRanges> {

    private final Map<String, Map<Integer, Map<String, IntRanges>>> packages = new LinkedHashMap<>();
    private final Map<String, Map<Integer, String>> unavailable = new LinkedHashMap<>();

    /** Adds a version with dependencies written as "name range" ("bar ^1.0.0"). */
    Registry add(String pkg, String version, String... dependencies) {
        Map<String, IntRanges> requirements = new LinkedHashMap<>();
        for (String dependency : dependencies) {
            int space = dependency.indexOf(' ');
            requirements.put(dependency.substring(0, space), IntRanges.parse(dependency.substring(space + 1)));
        }
        return add(pkg, IntRanges.version(version), requirements);
    }

    Registry add(String pkg, int version, Map<String, IntRanges> requirements) {
        packages.computeIfAbsent(pkg, p -> new TreeMap<>(Comparator.reverseOrder())).put(version, requirements);
        return this;
    }

    /** Lists a version whose dependencies cannot be known, for {@code reason}. */
    Registry unavailable(String pkg, int version, String reason) {
        add(pkg, version, Map.of());
        unavailable.computeIfAbsent(pkg, p -> new LinkedHashMap<>()).put(version, reason);
        return this;
    }

    boolean isUnavailable(String pkg, int version) {
        return unavailable.getOrDefault(pkg, Map.of()).containsKey(version);
    }

    Map<String, IntRanges> requirements(String pkg, int version) {
        return packages.get(pkg).get(version);
    }

    Map<String, Map<Integer, Map<String, IntRanges>>> packages() {
        return packages;
    }

    @Override
    public List<Integer> versions(String pkg) {
        return List.copyOf(packages.getOrDefault(pkg, Map.of()).keySet());
    }

    @Override
    public Dependencies<String, IntRanges> dependencies(String pkg, Integer version) {
        String reason = unavailable.getOrDefault(pkg, Map.of()).get(version);
        return reason != null ? Dependencies.unavailable(reason) : Dependencies.of(packages.get(pkg).get(version));
    }

    Map<String, Integer> solve(String root, String version) throws NoSolutionException {
        return new Solver<>(this, IntRanges.SETS, new Explanation<>(FORMATTER)).solve(root, IntRanges.version(version));
    }

    static final TermFormatter<String, IntRanges> FORMATTER = new TermFormatter<>() {
        @Override
        public String name(String pkg) {
            return pkg;
        }

        @Override
        public String versions(String pkg, IntRanges versions) {
            return pkg + " " + versions;
        }
    };
}
