package dev.axle.installer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Python interpreters and wheels for tests, found at run time: pyenv's versions,
 * {@code python3.X} on PATH and in /usr/bin; Debian's wheels in /usr/share/python-wheels and
 * CPython's bundled ensurepip wheels. Tests that need one skip (with a message) when none is
 * there.
 */
public final class Pythons {
    private Pythons() {}

    /** The output and exit status of a finished process. */
    public record Result(int exitCode, String output) {}

    /** Interpreters by X.Y version, newest pyenv build first, then PATH, then /usr/bin. */
    public static Map<String, Path> interpreters() {
        Map<String, Path> out = new LinkedHashMap<>();
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        for (Path version : list(pyenv)) {
            Path python = version.resolve("bin/python");
            String name = version.getFileName().toString();
            String[] parts = name.split("\\.");
            if (parts.length >= 2 && Files.isExecutable(python) && parts[0].equals("3")) {
                out.putIfAbsent(parts[0] + "." + parts[1], python);
            }
        }
        List<Path> folders = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) {
                folders.add(Path.of(entry));
            }
        }
        folders.add(Path.of("/usr/bin"));
        for (Path folder : folders) {
            for (int minor = 6; minor <= 14; minor++) {
                Path python = folder.resolve("python3." + minor);
                if (Files.isExecutable(python)) {
                    out.putIfAbsent("3." + minor, python);
                }
            }
        }
        return out;
    }

    /**
     * A Python 3 of one of the {@code preferred} versions if there is one, else the newest
     * found; skips the test when there is none.
     */
    public static Path python(String... preferred) {
        Map<String, Path> all = interpreters();
        for (String version : preferred) {
            if (all.containsKey(version)) {
                return all.get(version);
            }
        }
        Optional<String> newest = all.keySet().stream()
                .max(Comparator.comparingInt(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1))));
        assumeTrue(newest.isPresent(), "no Python 3 interpreter found (pyenv, PATH, /usr/bin)");
        return all.get(newest.get());
    }

    /** Real wheels on this machine: Debian's and every pyenv Python's bundled ensurepip wheels. */
    public static List<Path> realWheels() {
        List<Path> out = new ArrayList<>();
        for (Path w : list(Path.of("/usr/share/python-wheels"))) {
            if (w.toString().endsWith(".whl")) {
                out.add(w);
            }
        }
        for (Path version : list(Path.of(System.getProperty("user.home"), ".pyenv", "versions"))) {
            for (Path lib : list(version.resolve("lib"))) {
                for (Path w : list(lib.resolve("ensurepip/_bundled"))) {
                    if (w.toString().endsWith(".whl")) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    /** A pip wheel that can run as {@code python <wheel>/pip}; skips the test when there is none. */
    public static Path pipWheel() {
        Optional<Path> pip = realWheels().stream()
                .filter(w -> w.getFileName().toString().startsWith("pip-23") || w.getFileName().toString().startsWith("pip-24"))
                .findFirst();
        assumeTrue(pip.isPresent(), "no pip wheel found (/usr/share/python-wheels, ensurepip/_bundled)");
        return pip.get();
    }

    /**
     * The pip wheel bundled with {@code python} (its ensurepip), else any pip wheel found;
     * skips the test when there is none.
     */
    public static Path pipWheelFor(Path python) {
        Path prefix = python.toAbsolutePath().getParent().getParent();
        for (Path lib : list(prefix.resolve("lib"))) {
            for (Path w : list(lib.resolve("ensurepip/_bundled"))) {
                if (w.getFileName().toString().startsWith("pip-") && w.toString().endsWith(".whl")) {
                    return w;
                }
            }
        }
        return pipWheel();
    }

    /** Runs a command with pip isolated from the machine's configuration and index. */
    public static Result run(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PIP_CONFIG_FILE", "/dev/null");
        builder.environment().put("PIP_NO_INDEX", "1");
        builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().remove("VIRTUAL_ENV");
        builder.environment().remove("PYTHONPATH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; returns its output. */
    public static String check(String... command) throws IOException {
        Result r = run(List.of(command), Map.of());
        if (r.exitCode() != 0) {
            throw new AssertionError("failed (" + r.exitCode() + "): " + String.join(" ", command) + "\n" + r.output());
        }
        return r.output();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
