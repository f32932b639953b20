package dev.axle.installer.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real CPython that can make virtual environments with pip (its {@code ensurepip}), found
 * on PATH, in pyenv's versions and in /usr/bin. The one bundling the newest pip wins (pip's
 * output is what the tests compare against), then the newest Python.
 */
record TestPython(Path executable, int minor, String bundledPip) {
    private static final List<TestPython> FOUND = find();

    /** The interpreter to use, if this machine has one (3.9 or later, with ensurepip). */
    static Optional<TestPython> best() {
        return FOUND.stream().max(Comparator.comparingInt(TestPython::bundledPipMajor)
                .thenComparingInt(TestPython::minor));
    }

    /** The newest interpreter older than 3.{@code minor}, if there is one. */
    static Optional<TestPython> before(int minor) {
        return FOUND.stream().filter(p -> p.minor() < minor).max(Comparator.comparingInt(TestPython::minor));
    }

    /** The bundled pip's major version (0 when unknown). */
    int bundledPipMajor() {
        return major(bundledPip);
    }

    static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<TestPython> find() {
        Set<Path> candidates = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            for (int minor = 20; minor >= 9; minor--) {
                candidates.add(Path.of(dir, "python3." + minor));
            }
            candidates.add(Path.of(dir, "python3"));
        }
        String pyenvRoot = Optional.ofNullable(System.getenv("PYENV_ROOT"))
                .orElse(System.getProperty("user.home") + "/.pyenv");
        try (Stream<Path> versions = Files.list(Path.of(pyenvRoot, "versions"))) {
            versions.forEach(v -> candidates.add(v.resolve("bin/python")));
        } catch (IOException e) {
            // no pyenv
        }
        for (int minor = 20; minor >= 9; minor--) {
            candidates.add(Path.of("/usr/bin/python3." + minor));
        }
        List<TestPython> usable = new ArrayList<>();
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                probe(c).ifPresent(usable::add);
            }
        }
        return List.copyOf(usable);
    }

    private static Optional<TestPython> probe(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-I", "-c",
                    "import sys, venv, ensurepip; print(sys.version_info[1] if sys.version_info[:2] >= (3, 9) else -1);"
                            + " print(ensurepip.version())")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String[] lines = out.strip().split("\n");
            int minor = Integer.parseInt(lines[0].strip());
            return minor < 0 ? Optional.empty() : Optional.of(new TestPython(python, minor, lines[1].strip()));
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
