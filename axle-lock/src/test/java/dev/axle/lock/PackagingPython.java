package dev.axle.lock;

import dev.axle.pep.Version;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Python interpreter that can import {@code packaging.pylock} from packaging 26.3 or later:
 * the one named by {@code AXLE_TEST_PACKAGING_PYTHON} (system property or environment
 * variable), else the first found on PATH, in ~/.pyenv/versions or at /usr/bin/python3.
 */
public final class PackagingPython {
    public static final String VARIABLE = "AXLE_TEST_PACKAGING_PYTHON";
    private static final Version MINIMUM = Version.parse("26.3");

    private PackagingPython() {}

    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String named = Optional.ofNullable(System.getProperty(VARIABLE)).orElse(System.getenv(VARIABLE));
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(PackagingPython::hasPackaging);
        }
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "python3"));
                candidates.add(Path.of(dir, "python"));
            }
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/python")));
            } catch (IOException e) {
                // an unreadable pyenv folder just offers no candidates
            }
        }
        candidates.add(Path.of("/usr/bin/python3"));
        return candidates.stream().filter(Files::isExecutable).distinct().filter(PackagingPython::hasPackaging)
                .findFirst();
    }

    private static boolean hasPackaging(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c",
                    "import packaging, packaging.pylock, tomllib; print(packaging.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return false;
            }
            return Version.tryParse(out).filter(v -> v.compareTo(MINIMUM) >= 0).isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
