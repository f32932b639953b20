package dev.axle.resolver.scenarios.resolvelib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Each corpus' section of target/resolvelib-results.txt: the pass count and what did not pass, and why. */
final class ResolvelibResults {
    private ResolvelibResults() {}

    /** Writes target/resolvelib-&lt;corpus&gt;-results.txt and prints the count; returns the report. */
    static String write(String corpus, List<String> passed, List<String> failed) throws IOException {
        StringBuilder report = new StringBuilder("resolvelib " + corpus + " cases: " + passed.size() + " of "
                + (passed.size() + failed.size()) + " pass\n\nnot passing:\n");
        failed.forEach(f -> report.append("- ").append(f.replace("\n", "\n    ")).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/resolvelib-" + corpus + "-results.txt"), report);
        System.out.println(report.substring(0, report.indexOf("\n")));
        return report.toString();
    }
}
