package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * resolvelib's Python functional cases ({@code python/inputs/case}, over frozen PyPI indexes)
 * resolved by the PubGrub solver for one target ({@link PythonIndexProvider#TARGET}), against
 * the case's expectation: the resolved version of every project (extras left out, versions
 * compared as PEP 440 versions), or no solution with a conflict on the named projects; and no
 * dependencies asked of the versions the case says must not be visited.
 */
final class PythonCases {

    /**
     * Cases resolvelib's harness expects to fail (strict xfail): it gives up on pyrax 1.9.8 after
     * 500 rounds. Such a case passes here when the solver finds no solution either, which PubGrub
     * proves: python-novaclient 2.27.0 needs oslo-serialization, whose versions need msgpack or
     * msgpack-python (which need an msgpack the index lacks) or a pbr that novaclient excludes.
     */
    private static final Set<String> EXPECTED_TO_FAIL = Set.of("pyrex-1.9.8");

    private PythonCases() {}

    /** Empty when the case passes, else what went differently. */
    static String verdict(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".json", "");
        JsonNode testCase = ResolvelibCorpus.read(file);
        return EXPECTED_TO_FAIL.contains(name) ? failureVerdict(testCase) : verdict(testCase);
    }

    /** Empty when the solver finds no solution for a case resolvelib is expected to fail on. */
    private static String failureVerdict(JsonNode testCase) throws IOException {
        try {
            return "found " + new Solver<>(provider(testCase), Pep440Set.SETS).solve(PythonIndexProvider.ROOT,
                    Version.parse("0")) + ", where resolvelib is expected to fail";
        } catch (NoSolutionException e) {
            return "";
        }
    }

    private static PythonIndexProvider provider(JsonNode testCase) throws IOException {
        JsonNode index = ResolvelibCorpus.read(ResolvelibCorpus.root()
                .resolve("python/inputs/index/" + testCase.path("index").asText() + ".json"));
        List<Requirement> requested = new ArrayList<>();
        testCase.path("requested").forEach(r -> requested.add(Requirement.parse(r.asText())));
        return new PythonIndexProvider(index, requested);
    }

    /** Empty when the case passes, else what went differently. */
    private static String verdict(JsonNode testCase) throws IOException {
        PythonIndexProvider provider = provider(testCase);
        Map<String, Version> solution;
        try {
            solution = new Solver<>(provider, Pep440Set.SETS).solve(PythonIndexProvider.ROOT, Version.parse("0"));
        } catch (NoSolutionException e) {
            if (!testCase.has("conflicted")) {
                return "no solution found, one was expected:\n" + e.explanation();
            }
            for (String project : (Iterable<String>) testCase.path("conflicted")::fieldNames) {
                if (!e.explanation().contains(ProjectName.parse(project).toString())) {
                    return "no solution, as expected, but the explanation does not name " + project + ":\n" + e.explanation();
                }
            }
            return "";
        } catch (RuntimeException e) {
            return "error: " + e;
        }
        if (testCase.has("conflicted")) {
            return "found " + solution + ", a conflict on " + testCase.get("conflicted") + " was expected";
        }
        Map<String, Version> expected = new TreeMap<>();
        testCase.path("resolved").properties().forEach(e -> expected.put(ProjectName.parse(e.getKey()).toString(),
                Version.parse(e.getValue().isObject() ? e.getValue().get("version").asText() : e.getValue().asText())));
        Map<String, Version> got = new TreeMap<>();
        solution.forEach((pkg, version) -> {
            if (!pkg.equals(PythonIndexProvider.ROOT) && !pkg.contains("[")) {
                got.put(pkg, version);
            }
        });
        if (!got.equals(expected)) {
            return "expected " + expected + ",\n got " + got;
        }
        List<String> visitedTooMuch = new ArrayList<>();
        testCase.path("unvisited").properties().forEach(e -> e.getValue().forEach(v -> {
            String key = ProjectName.parse(e.getKey()) + " " + Version.parse(v.asText());
            if (provider.visited().contains(key)) {
                visitedTooMuch.add(key);
            }
        }));
        return visitedTooMuch.isEmpty() ? "" : "the solution is right, but it visited " + visitedTooMuch
                + ", which the case says a resolver need not";
    }
}
