package dev.axle.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.axle.installer.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A find-links folder with setuptools and wheel as wheels, from what this machine has without
 * an index: the setuptools wheel CPython 3.11 and older bundle for ensurepip, and Debian's
 * wheel package's wheel (python3-wheel-whl, which .ci/run installs). Tests that need it skip
 * where neither is present.
 */
final class SetuptoolsLinks {
    private SetuptoolsLinks() {}

    /** The folder {@code links} under {@code tmp}, filled for builds run by {@code python}. */
    static Path in(Path tmp, Path python) throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Pythons.Result where = Pythons.run(List.of(python.toString(), "-c",
                "import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), '_bundled'))"), Map.of());
        assumeTrue(where.exitCode() == 0, python + " has no ensurepip: " + where.output());
        String bundled = where.output().strip();
        Optional<Path> setuptools = wheelIn(Path.of(bundled), "setuptools-");
        Optional<Path> wheel = wheelIn(Path.of("/usr/share/python-wheels"), "wheel-");
        assumeTrue(setuptools.isPresent() && wheel.isPresent(),
                "needs a CPython that bundles setuptools (3.11 or older) and Debian's python3-wheel-whl");
        Files.copy(setuptools.get(), links.resolve(setuptools.get().getFileName()));
        Files.copy(wheel.get(), links.resolve(wheel.get().getFileName()));
        return links;
    }

    private static Optional<Path> wheelIn(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".whl"))
                    .findFirst();
        }
    }
}
