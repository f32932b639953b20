package dev.axle.resolver;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The third-party corpora beside the project ({@code ../shared/corpora}), read in place. */
public final class Corpora {
    private Corpora() {}

    /** The corpora folder; the test is skipped, saying where it looked, when it is missing. */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                Path corpora = p.resolveSibling("shared").resolve("corpora");
                Assumptions.assumeTrue(Files.isDirectory(corpora), "no corpora at " + corpora);
                return corpora;
            }
        }
        throw new IllegalStateException("project root (with mvnw) not found above " + Path.of("").toAbsolutePath());
    }
}
