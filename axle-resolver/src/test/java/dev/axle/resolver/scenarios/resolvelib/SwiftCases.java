package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * resolvelib's SwiftPM inputs ({@code swift-package-manager/inputs}) resolved by the PubGrub
 * solver over {@link SwiftIndexProvider}, against the expected version of every container.
 */
final class SwiftCases {
    private SwiftCases() {}

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(ResolvelibCorpus.root().resolve("swift-package-manager/inputs"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Empty when the input resolves as expected, else what went differently. */
    static String verdict(Path file) throws IOException {
        JsonNode input = ResolvelibCorpus.read(file);
        Map<String, String> solution;
        try {
            solution = new Solver<>(new SwiftIndexProvider(input), FiniteVersionSet.SETS)
                    .solve(SwiftIndexProvider.ROOT, "root");
        } catch (NoSolutionException e) {
            return "no solution found, one was expected:\n" + e.explanation();
        } catch (RuntimeException e) {
            return "error: " + e;
        }
        Map<String, String> expected = new TreeMap<>();
        input.path("result").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
        Map<String, String> got = new TreeMap<>(solution);
        got.remove(SwiftIndexProvider.ROOT);
        return got.equals(expected) ? "" : "expected " + expected + ",\n got " + got;
    }
}
