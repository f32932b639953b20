package dev.axle.resolver.scenarios.resolvelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * resolvelib's functional-test inputs ({@code ../shared/corpora/resolvelib}) resolved by the
 * PubGrub solver, one test per corpus. What did not pass, and why, is written to
 * target/resolvelib-results.txt; each test fails if its count drops below what the resolver
 * reached when the count was last raised, so that a regression cannot pass unnoticed.
 */
class ResolvelibRunTest {
    /** Raise these when the resolver passes more cases. */
    private static final int PYTHON_PASSING_AT_LEAST = 13;
    private static final int COCOAPODS_PASSING_AT_LEAST = 23;
    private static final int SWIFT_PASSING_AT_LEAST = 4;

    private static final Map<String, String> REPORTS = new TreeMap<>();

    @Test
    void python() throws IOException {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path file : ResolvelibCorpus.cases("python")) {
            record(name(file), PythonCases.verdict(file), passed, failed);
        }
        String report = report("python", passed, failed, List.of());
        assertThat(passed.size()).as(report).isGreaterThanOrEqualTo(PYTHON_PASSING_AT_LEAST);
    }

    @Test
    void cocoapods() throws IOException {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : ResolvelibCorpus.cases("cocoapods")) {
            String why = CocoapodsCases.DIFFERENT_BY_DESIGN.get(name(file));
            if (why != null) {
                String verdict = CocoapodsCases.verdict(file);
                skipped.add(name(file) + ": " + why + (verdict.isEmpty() ? "" : "; axle: " + verdict));
                continue;
            }
            record(name(file), CocoapodsCases.verdict(file), passed, failed);
        }
        String report = report("cocoapods", passed, failed, skipped);
        assertThat(passed.size()).as(report).isGreaterThanOrEqualTo(COCOAPODS_PASSING_AT_LEAST);
    }

    @Test
    void swiftPackageManager() throws IOException {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Path file : SwiftCases.files()) {
            record(name(file), SwiftCases.verdict(file), passed, failed);
        }
        String report = report("swift-package-manager", passed, failed, List.of());
        assertThat(passed.size()).as(report).isGreaterThanOrEqualTo(SWIFT_PASSING_AT_LEAST);
    }

    @AfterAll
    static void write() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/resolvelib-results.txt"), String.join("\n", REPORTS.values()));
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".json", "");
    }

    private static void record(String name, String verdict, List<String> passed, List<String> failed) {
        (verdict.isEmpty() ? passed : failed).add(name + (verdict.isEmpty() ? "" : ": " + verdict));
    }

    private static String report(String corpus, List<String> passed, List<String> failed, List<String> skipped) {
        StringBuilder report = new StringBuilder("resolvelib " + corpus + " cases: " + passed.size() + " pass, "
                + failed.size() + " fail, " + skipped.size() + " skipped\n\nnot passing:\n");
        failed.forEach(f -> report.append("- ").append(f.replace("\n", "\n    ")).append('\n'));
        report.append("skipped:\n");
        skipped.forEach(s -> report.append("- ").append(s.replace("\n", "\n    ")).append('\n'));
        REPORTS.put(corpus, report.toString());
        System.out.println(report.substring(0, report.indexOf("\n")));
        return report.toString();
    }
}
