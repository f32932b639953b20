package dev.axle.dist;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a real Python 3 interpreter for tests: PATH, then ~/.pyenv/versions, then /usr/bin. */
final class Pythons {
    private Pythons() {}

    static Optional<Path> python3() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "python3"));
            }
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.filter(v -> v.getFileName().toString().startsWith("3."))
                        .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                        .forEach(v -> candidates.add(v.resolve("bin/python")));
            } catch (java.io.IOException e) {
                // No pyenv versions to offer.
            }
        }
        candidates.add(Path.of("/usr/bin/python3"));
        return candidates.stream().filter(Files::isExecutable).filter(Pythons::runs).findFirst();
    }

    /** A pyenv shim may point to nothing; only an interpreter that answers counts. */
    private static boolean runs(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import hashlib").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code command} and returns its standard output; fails the test when it exits non-zero. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + code + ": " + out);
        }
        return out;
    }
}
