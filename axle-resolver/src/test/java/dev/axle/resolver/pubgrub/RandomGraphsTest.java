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
