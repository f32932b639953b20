package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * resolvelib's CocoaPods cases (CocoaPods/Resolver-Integration-Specs, {@code cocoapods/inputs})
 * resolved by the PubGrub solver over {@link CocoapodsIndexProvider}, against the case's
 * expectation: every pod of the resolved tree at its version, or no solution with a conflict
 * on the named pods.
 */
final class CocoapodsCases {

    /**
     * Cases resolvelib's harness expects to differ (strict xfail), with the reason: CocoaPods
     * rejects dependency cycles, resolvelib and PubGrub resolve them. They are run and reported,
     * not counted.
     */
    static final Map<String, String> DIFFERENT_BY_DESIGN = Map.of(
            "circular", "CocoaPods reports a conflict on the cycle foo -> bar -> foo; resolvelib (xfail) and PubGrub resolve cycles",
            "fixed_circular", "CocoaPods avoids the cycle with bar 0.1.0; resolvelib (xfail) and PubGrub accept it and keep"
                    + " the newest bar, 1.0.0");

    private CocoapodsCases() {}

    /** Empty when the case passes, else what went differently. */
    static String verdict(Path file) throws IOException {
        JsonNode testCase = ResolvelibCorpus.read(file);
        JsonNode index = ResolvelibCorpus.read(ResolvelibCorpus.root()
                .resolve("cocoapods/inputs/index/" + testCase.path("index").asText("awesome") + ".json"));
        Map<String, String> requested = new LinkedHashMap<>();
        // As the harness: the one case with a control character in a name (RestKit\u0001) means the printable name.
        testCase.path("requested").properties().forEach(e ->
                requested.merge(e.getKey().replaceAll("\\p{Cntrl}", ""), e.getValue().asText(), (a, b) -> a + ", " + b));
        Map<String, Version> pinned = new LinkedHashMap<>();
        testCase.path("base").forEach(e -> pinned.put(e.path("name").asText(), Version.parse(e.path("version").asText())));
        CocoapodsIndexProvider provider = new CocoapodsIndexProvider(index, requested, pinned);
        Map<String, Version> solution;
        try {
            solution = new Solver<>(provider, Pep440Set.SETS).solve(CocoapodsIndexProvider.ROOT, Version.parse("0"));
        } catch (NoSolutionException e) {
            if (testCase.path("conflicts").isEmpty()) {
                return "no solution found, one was expected:\n" + e.explanation();
            }
            for (JsonNode pod : testCase.path("conflicts")) {
                if (!e.explanation().contains(pod.asText())) {
                    return "no solution, as expected, but the explanation does not name " + pod.asText() + ":\n"
                            + e.explanation();
                }
            }
            return "";
        } catch (RuntimeException e) {
            return "error: " + e;
        }
        if (!testCase.path("conflicts").isEmpty()) {
            return "found " + solution + ", a conflict on " + testCase.get("conflicts") + " was expected";
        }
        Map<String, Version> expected = new TreeMap<>();
        collect(testCase.path("resolved"), expected);
        Map<String, Version> got = new TreeMap<>(solution);
        got.remove(CocoapodsIndexProvider.ROOT);
        return got.equals(expected) ? "" : "expected " + expected + ",\n got " + got;
    }

    /** The pods of a resolved tree, each with its version. */
    private static void collect(JsonNode entries, Map<String, Version> into) {
        for (JsonNode entry : entries) {
            into.put(entry.path("name").asText(), Version.parse(entry.path("version").asText()));
            collect(entry.path("dependencies"), into);
        }
    }
}
