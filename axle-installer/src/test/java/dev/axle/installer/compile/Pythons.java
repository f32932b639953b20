package dev.axle.installer.compile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interpreters the tests can use: pyenv's versions, then {@code python3} on PATH and
 * {@code /usr/bin/python3}, each with the version its folder or name tells.
 */
final class Pythons {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    record Python(Path path, int major, int minor) {}

    private Pythons() {}

    static List<Python> all() {
        List<Python> found = new ArrayList<>();
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(pyenv)) {
                for (Path version : versions) {
                    Matcher m = VERSION.matcher(version.getFileName().toString());
                    Path python = version.resolve("bin/python");
                    if (m.matches() && Files.isExecutable(python)) {
                        found.add(new Python(python, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    }
                }
            } catch (IOException e) {
                // No pyenv versions to offer.
            }
        }
        List<Path> others = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                others.add(Path.of(dir, "python3"));
            }
        }
        others.add(Path.of("/usr/bin/python3"));
        for (Path python : others) {
            if (Files.isExecutable(python)) {
                version(python).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingInt(Python::major).thenComparingInt(Python::minor));
        return found;
    }

    static Optional<Python> newest3() {
        return all().stream().filter(p -> p.major() == 3).reduce((a, b) -> b);
    }

    static Optional<Python> oldest3() {
        return all().stream().filter(p -> p.major() == 3).findFirst();
    }

    static Optional<Python> python2() {
        return all().stream().filter(p -> p.major() == 2).findFirst();
    }

    private static Optional<Python> version(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c",
                    "import sys; print('%d.%d' % sys.version_info[:2])").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            Matcher m = VERSION.matcher(out);
            if (process.waitFor() == 0 && m.matches()) {
                return Optional.of(new Python(python, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        } catch (IOException e) {
            // Not runnable.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
