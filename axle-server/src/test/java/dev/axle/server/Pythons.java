package dev.axle.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Real interpreters and programs for tests: pyenv's, then PATH's; tests skip when none is found. */
final class Pythons {
    private Pythons() {}

    /** The newest pyenv (or /usr/bin) Python 3.{minor}, or the test is skipped. */
    static Path python(String versionPrefix) {
        String root = System.getenv("PYENV_ROOT");
        Path versions = (root == null || root.isEmpty() ? Path.of(System.getProperty("user.home"), ".pyenv")
                : Path.of(root)).resolve("versions");
        Optional<Path> found = Optional.empty();
        try (Stream<Path> dirs = Files.list(versions)) {
            found = dirs.filter(d -> d.getFileName().toString().startsWith(versionPrefix + "."))
                    .map(d -> d.resolve("bin/python3")).filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            // no pyenv
        }
        if (found.isEmpty()) {
            Path system = Path.of("/usr/bin/python" + versionPrefix);
            found = Files.isExecutable(system) ? Optional.of(system) : Optional.empty();
        }
        assumeTrue(found.isPresent(), "no Python " + versionPrefix + " found (pyenv or /usr/bin)");
        return found.get();
    }

    /** A program on PATH, or the test is skipped with {@code hint}. */
    static Path program(String name, String hint) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        assumeTrue(false, name + " not found on PATH: " + hint);
        return null;
    }

    /** A program's exit code and output (stdout and stderr together). */
    record Run(int exitCode, String output) {}

    static Run run(Map<String, String> environment, Path directory, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A venv with pip (from ensurepip), made by {@code python}. */
    static Path venv(Path python, Path dir) throws IOException, InterruptedException {
        Run made = run(Map.of(), dir.getParent(), python.toString(), "-m", "venv", dir.toString());
        assumeTrue(made.exitCode() == 0, "cannot make a venv with " + python + ": " + made.output());
        return dir.resolve("bin/python");
    }

    /**
     * The environment pip runs in: no user configuration, no version check, a cache of the test's
     * own (PIP_NO_CACHE_DIR breaks pip 18).
     */
    static Map<String, String> pipEnvironment(Path cache) {
        return Map.of("PIP_CONFIG_FILE", "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK", "1",
                "PIP_CACHE_DIR", cache.toString(), "PYTHONDONTWRITEBYTECODE", "1");
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
