package dev.axle.env;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Python interpreters on this machine, found the way a user's would be: pyenv's
 * versions ({@code $PYENV_ROOT} or {@code ~/.pyenv}), {@code /usr/bin/python3}, and
 * {@code python3.X} on {@code PATH}. Tests that need one skip (with a message) when it is absent.
 */
final class RealPythons {
    private RealPythons() {}

    /** Interpreters by {@code major.minor}, one each, pyenv's first. */
    static Map<String, Path> byMinor() {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path bin : pyenvBins()) {
            String name = bin.getParent().getFileName().toString();
            String[] parts = name.split("\\.");
            if (parts.length >= 2 && parts[0].equals("3") && parts[1].matches("\\d+")
                    && Integer.parseInt(parts[1]) >= 7 && Files.isExecutable(bin.resolve("python3"))) {
                out.putIfAbsent("3." + parts[1], bin.resolve("python3"));
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty() || dir.endsWith("shims")) {
                continue;
            }
            for (int minor = 7; minor <= 20; minor++) {
                Path p = Path.of(dir, "python3." + minor);
                if (Files.isExecutable(p)) {
                    out.putIfAbsent("3." + minor, p);
                }
            }
        }
        return out;
    }

    /** One interpreter of each minor version and the system's, or the test is skipped. */
    static List<Path> all() {
        List<Path> all = new ArrayList<>(byMinor().values());
        system().ifPresent(all::add);
        assumeTrue(!all.isEmpty(), "no Python 3.7+ on this machine");
        return all;
    }

    /** An interpreter of {@code 3.X}, or the test is skipped. */
    static Path require(String minor) {
        Path p = byMinor().get(minor);
        assumeTrue(p != null, "no Python " + minor + " on this machine (pyenv or PATH)");
        return p;
    }

    /** Any supported interpreter, newest first, or the test is skipped. */
    static Path any() {
        List<Path> all = new ArrayList<>(byMinor().values());
        assumeTrue(!all.isEmpty(), "no Python 3.7+ on this machine");
        return all.stream().max((a, b) -> Integer.compare(minorOf(a), minorOf(b))).orElseThrow();
    }

    /** A pyenv interpreter older than 3.7 (2.7, 3.6...), if pyenv has one. */
    static List<Path> unsupported() {
        List<Path> out = new ArrayList<>();
        for (Path bin : pyenvBins()) {
            String name = bin.getParent().getFileName().toString();
            if ((name.startsWith("2.") || name.matches("3\\.[0-6]\\..*")) && Files.isExecutable(bin.resolve("python"))) {
                out.add(bin.resolve("python"));
            }
        }
        return out;
    }

    /** Debian's (or another distribution's) {@code /usr/bin/python3}, if present. */
    static Optional<Path> system() {
        Path p = Path.of("/usr/bin/python3");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    private static List<Path> pyenvBins() {
        try (Stream<Path> s = Files.list(pyenvRoot().resolve("versions"))) {
            return s.map(p -> p.resolve("bin")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int minorOf(Path python) {
        for (Map.Entry<String, Path> e : byMinor().entrySet()) {
            if (e.getValue().equals(python)) {
                return Integer.parseInt(e.getKey().substring(2));
            }
        }
        return 0;
    }

    /** What a process printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {}

    /** Runs a command with pip kept away from any configured index. */
    static Run run(Map<String, String> extraEnv, Path cwd, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            Map<String, String> env = pb.environment();
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("PIP_NO_INDEX", "1");
            env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
            env.remove("VIRTUAL_ENV");
            env.remove("PYTHONPATH");
            env.remove("PYTHONHOME");
            env.putAll(extraEnv);
            Path out = Files.createTempFile("axle-run", ".out");
            Path err = Files.createTempFile("axle-run", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                Process p = pb.start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + String.join(" ", command));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run run(String... command) {
        return run(Map.of(), null, command);
    }

    /** Runs {@code python -c code} and returns its standard output, failing the test if it fails. */
    static String python(Path python, String code) {
        Run r = run(python.toString(), "-c", code);
        if (r.exitCode() != 0) {
            throw new AssertionError(python + " -c failed (" + r.exitCode() + "): " + r.stderr());
        }
        return r.stdout();
    }

    /** The test JVM's environment, for an {@link Interpreters}. */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("VIRTUAL_ENV");
        return env;
    }

    /** Whether {@code name} is on PATH. */
    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }
}
