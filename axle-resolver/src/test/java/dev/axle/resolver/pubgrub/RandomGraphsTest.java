package dev.axle.resolver.pubgrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random small dependency graphs, checked against brute force: every solution the solver
 * returns satisfies every dependency, and it says "no solution" exactly when no combination
 * of versions works. Seeds are fixed, so a failure names a graph that can be replayed.
 */
class RandomGraphsTest {

    private static final List<String> PACKAGES = List.of("a", "b", "c", "d", "e");
    private static final int GRAPHS = 3000;

    @Test
    void solverAgreesWithBruteForce() {
        int solved = 0;
        for (int seed = 0; seed < GRAPHS; seed++) {
            Registry registry = randomGraph(new Random(seed));
            boolean exists = bruteForce(registry);
            try {
                Map<String, Integer> solution = registry.solve("root", "1.0.0");
                assertThat(violations(registry, solution)).as("seed %d: %s", seed, solution).isEmpty();
                solved++;
            } catch (NoSolutionException e) {
                assertThat(exists).as("seed %d: solver found none but one exists%n%s", seed, e.explanation()).isFalse();
                assertThat(e.explanation()).as("seed %d", seed).endsWith("version solving failed.");
                assertSound(registry, e.incompatibility(), seed);
                continue;
            }
            assertThat(exists).as("seed %d: brute force found none", seed).isTrue();
        }
        // Both outcomes must be well represented, or the check proves little.
        assertThat(solved).isBetween(GRAPHS / 10, GRAPHS * 9 / 10);
    }

    private static Registry randomGraph(Random random) {
        Registry registry = new Registry();
        registry.add("root", 100, requirements(random, "root", 1 + random.nextInt(3)));
        for (String pkg : PACKAGES) {
            // The last package sometimes has no versions at all: a missing project.
            int count = pkg.equals("e") ? random.nextInt(3) : 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                int version = 1 + random.nextInt(6);
                if (random.nextInt(12) == 0) {
                    registry.unavailable(pkg, version, "it is broken");
                } else {
                    registry.add(pkg, version, requirements(random, pkg, random.nextInt(3)));
                }
            }
        }
        return registry;
    }

    private static Map<String, IntRanges> requirements(Random random, String depender, int count) {
        Map<String, IntRanges> result = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String dependee = PACKAGES.get(random.nextInt(PACKAGES.size()));
            if (!dependee.equals(depender)) {
                int from = 1 + random.nextInt(5);
                result.put(dependee, IntRanges.between(from, from + 1 + random.nextInt(6)));
            }
        }
        return result;
    }

    /**
     * Checks the derivation graph as a proof: each leaf is a fact of the registry, and each
     * derived incompatibility holds in every state where both of its causes hold. States are
     * enumerated over the versions where some set's membership changes, plus "absent".
     */
    private static void assertSound(Registry registry, Incompatibility<String, Integer, IntRanges> node, int seed) {
        String where = "seed " + seed + ": " + node;
        Map<String, Term<Integer, IntRanges>> terms = node.terms();
        switch (node.cause()) {
            case Cause.Root<String, Integer, IntRanges> r ->
                    assertThat(terms).as(where).isEqualTo(Map.of("root", Term.negative(IntRanges.SETS.singleton(100))));
            case Cause.NoVersions<String, Integer, IntRanges> n -> {
                Map.Entry<String, Term<Integer, IntRanges>> only = terms.entrySet().iterator().next();
                assertThat(registry.packages().getOrDefault(only.getKey(), Map.of()).keySet())
                        .as(where).noneMatch(only.getValue().set()::contains);
            }
            case Cause.Unavailable<String, Integer, IntRanges> u -> {
                Map.Entry<String, Term<Integer, IntRanges>> only = terms.entrySet().iterator().next();
                int version = only.getValue().set().bounds().getFirst();
                assertThat(only.getValue().set()).as(where).isEqualTo(IntRanges.SETS.singleton(version));
                assertThat(registry.isUnavailable(only.getKey(), version)).as(where).isTrue();
            }
            case Cause.Dependency<String, Integer, IntRanges> d -> {
                int version = terms.get(d.depender()).set().bounds().getFirst();
                assertThat(registry.requirements(d.depender(), version)).as(where)
                        .containsEntry(d.dependee(), terms.get(d.dependee()).set());
            }
            case Cause.Conflict<String, Integer, IntRanges> c -> {
                assertThat(holdsWhereverCausesDo(node, c.first(), c.second())).as(where).isTrue();
                assertSound(registry, c.first(), seed);
                assertSound(registry, c.second(), seed);
            }
        }
    }

    private static boolean holdsWhereverCausesDo(Incompatibility<String, Integer, IntRanges> derived,
            Incompatibility<String, Integer, IntRanges> first, Incompatibility<String, Integer, IntRanges> second) {
        Map<String, java.util.TreeSet<Integer>> points = new LinkedHashMap<>();
        for (Incompatibility<String, Integer, IntRanges> each : List.of(derived, first, second)) {
            each.terms().forEach((pkg, term) -> {
                java.util.TreeSet<Integer> values = points.computeIfAbsent(pkg, p -> new java.util.TreeSet<>(List.of(-1, 0)));
                values.addAll(term.set().bounds());
            });
        }
        return everyState(new ArrayList<>(points.entrySet()), 0, new HashMap<>(),
                state -> !allHold(derived, state) || allHold(first, state) || allHold(second, state));
    }

    private static boolean everyState(List<Map.Entry<String, java.util.TreeSet<Integer>>> points, int next,
            Map<String, Integer> state, java.util.function.Predicate<Map<String, Integer>> check) {
        if (next == points.size()) {
            return check.test(state);
        }
        for (int value : points.get(next).getValue()) {
            state.put(points.get(next).getKey(), value);
            if (!everyState(points, next + 1, state, check)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every term holds when each package has the version in {@code state}, -1 for absent. */
    private static boolean allHold(Incompatibility<String, Integer, IntRanges> incompatibility, Map<String, Integer> state) {
        return incompatibility.terms().entrySet().stream().allMatch(entry -> {
            int value = state.get(entry.getKey());
            boolean selectedInSet = value >= 0 && entry.getValue().set().contains(value);
            return entry.getValue().positive() == selectedInSet;
        });
    }

    /** The dependencies that {@code solution} breaks, as text; empty when it is a solution. */
    private static List<String> violations(Registry registry, Map<String, Integer> solution) {
        List<String> result = new ArrayList<>();
        if (!Integer.valueOf(100).equals(solution.get("root"))) {
            result.add("root is not 100");
        }
        solution.forEach((pkg, version) -> {
            Map<Integer, Map<String, IntRanges>> versions = registry.packages().get(pkg);
            if (versions == null || !versions.containsKey(version) || registry.isUnavailable(pkg, version)) {
                result.add(pkg + " " + version + " cannot be selected");
                return;
            }
            versions.get(version).forEach((dependee, required) -> {
                Integer selected = solution.get(dependee);
                if (selected == null || !required.contains(selected)) {
                    result.add(pkg + " " + version + " needs " + dependee + " " + required + ", got " + selected);
                }
            });
        });
        return result;
    }

    /** Whether any choice (absent or one usable version per package) satisfies everything. */
    private static boolean bruteForce(Registry registry) {
        return search(registry, 0, new HashMap<>(Map.of("root", 100)));
    }

    private static boolean search(Registry registry, int next, Map<String, Integer> chosen) {
        if (next == PACKAGES.size()) {
            return violations(registry, chosen).isEmpty();
        }
        String pkg = PACKAGES.get(next);
        if (search(registry, next + 1, chosen)) {
            return true;
        }
        for (int version : registry.packages().getOrDefault(pkg, Map.of()).keySet()) {
            if (!registry.isUnavailable(pkg, version)) {
                chosen.put(pkg, version);
                boolean found = search(registry, next + 1, chosen);
                chosen.remove(pkg);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }
}
