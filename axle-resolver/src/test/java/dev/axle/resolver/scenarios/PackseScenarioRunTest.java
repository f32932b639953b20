package dev.axle.resolver.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pubgrub.Explanation;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every packse scenario resolved by the PubGrub solver over PEP 440 version sets, for one
 * target environment (see {@link ScenarioProvider}), against the scenario's expectation:
 * solvable or not, and the expected version of each package it names. The pass count is
 * written to target/packse-results.txt; the test fails if it drops below what the resolver
 * reached when the count was last raised, so that a regression cannot pass unnoticed.
 */
class PackseScenarioRunTest {
    /** Raise this when the resolver passes more scenarios. */
    private static final int PASSING_AT_LEAST = 143;

    @Test
    void scenarios() throws IOException {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path file : PackseScenarioTest.files()) {
            PackseScenario scenario = PackseScenario.read(file);
            String verdict = verdict(scenario);
            (verdict.isEmpty() ? passed : failed).add(scenario.name() + (verdict.isEmpty() ? "" : ": " + verdict));
        }
        StringBuilder report = new StringBuilder("packse scenarios: " + passed.size() + " of "
                + (passed.size() + failed.size()) + " pass\n\nnot passing:\n");
        failed.forEach(f -> report.append("- ").append(f.replace("\n", "\n    ")).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/packse-results.txt"), report);
        System.out.println(report.substring(0, report.indexOf("\n")));
        assertThat(passed.size()).as(report.toString()).isGreaterThanOrEqualTo(PASSING_AT_LEAST);
    }

    @Test
    void explainsAFailureInRequirementSyntax() throws IOException {
        Path file = PackseScenarioTest.files().stream()
                .filter(f -> f.getFileName().toString().equals("transitive-incompatible-with-root-version.toml"))
                .findFirst().orElseThrow();
        PackseScenario scenario = PackseScenario.read(file);
        assertThat(scenario.satisfiable()).isFalse();
        assertThat(verdict(scenario)).isEmpty();
        NoSolutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(NoSolutionException.class,
                () -> new Solver<>(new ScenarioProvider(scenario), Pep440Set.SETS,
                        new Explanation<>(Pep440Set.<String>formatter())).solve(ScenarioProvider.ROOT, Version.parse("0")));
        assertThat(e).isNotNull();
        assertThat(e.explanation()).isEqualTo("""
                Because <root> depends on a which depends on b==2.0.0, <root> requires b==2.0.0.
                So, because <root> depends on b==1.0.0, version solving failed.""");
    }

    /** Empty when the scenario passes, else what went differently. */
    private static String verdict(PackseScenario scenario) {
        ScenarioProvider provider = new ScenarioProvider(scenario);
        Map<String, Version> solution;
        try {
            solution = new Solver<>(provider, Pep440Set.SETS, new Explanation<>(Pep440Set.<String>formatter()))
                    .solve(ScenarioProvider.ROOT, Version.parse("0"));
        } catch (NoSolutionException e) {
            return scenario.satisfiable() ? "no solution found, one was expected:\n" + e.explanation() : "";
        } catch (RuntimeException e) {
            return "error: " + e;
        }
        if (!scenario.satisfiable()) {
            return "found " + solution + ", none was expected";
        }
        for (Map.Entry<String, Version> expected : scenario.expected().entrySet()) {
            Version got = solution.get(ProjectName.parse(expected.getKey()).toString());
            if (!expected.getValue().equals(got)) {
                return "expected " + scenario.expected() + ", got " + solution;
            }
        }
        return "";
    }
}
