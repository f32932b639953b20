package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axle train-class-cache}, the hidden training run of bin/axle's class cache. */
class TrainClassCacheCommandTest {
    private static final List<String> DIST_INFOS = List.of("axle_training_pure-1.0.2.dist-info",
            "axle_training_scripts-2.0.dist-info", "axle_training_platlib-0.5.1.dist-info");

    @TempDir
    Path tmp;

    /**
     * Run as bin/axle runs it, in its own JVM, with the user's cache pointed at folders of the
     * test: it installs into two venvs through its own cache in DIR and touches nothing else.
     */
    @Test
    void installsIntoTwoVenvsThroughACacheInItsFolderOnly() throws IOException {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        Path work = tmp.resolve("work");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Pythons.Result result = Pythons.run(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                        Main.class.getName(), "train-class-cache", "--python", python.toString(), work.toString()),
                Map.of("HOME", home.toString(), "XDG_CACHE_HOME", tmp.resolve("xdg").toString(),
                        "AXLE_CACHE_DIR", tmp.resolve("user-cache").toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
        for (String venv : List.of("a", "b")) {
            Path root = work.resolve(venv);
            assertThat(DIST_INFOS).allSatisfy(d -> assertThat(sitePackages(root).resolve(d)).isDirectory());
            assertThat(sitePackages(root).resolve("axle_training_pure/part5/sub3/module9.py")).isRegularFile();
            assertThat(sitePackages(root).resolve("axle_training_platlib_pure.py")).isRegularFile();
            assertThat(root.resolve("bin/axle-training-gui")).isExecutable();
            assertThat(Files.readAllLines(root.resolve("bin/axle-training-tool")).get(0))
                    .isEqualTo("#!" + root.resolve("bin/python"));
            assertThat(Pythons.check(root.resolve("bin/axle-training").toString())).isEqualTo("axle training\n");
        }
        assertThat(work.resolve("cache/wheels-v1")).isNotEmptyDirectory();
        assertThat(work.resolve("cache/interpreters-v1")).isNotEmptyDirectory();
        assertThat(home).isEmptyDirectory();
        assertThat(tmp.resolve("xdg")).doesNotExist();
        assertThat(tmp.resolve("user-cache")).doesNotExist();
    }

    @Test
    void withoutAnInterpreterItWritesTheWheelsAndSucceeds() throws IOException {
        Path work = tmp.resolve("work");
        // No Python 3.99 exists: the run goes on as it does on a machine without Python.
        Transcript t = Transcript.of("train-class-cache", "--python", "3.99", work.toString());
        assertThat(t).isEqualTo(new Transcript(0, "", ""));
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("wheels", "cache");
        }
        try (Stream<Path> wheels = Files.list(work.resolve("wheels"))) {
            assertThat(wheels.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "axle_training_pure-1.0.2-py3-none-any.whl", "axle_training_scripts-2.0-py3-none-any.whl",
                    "axle_training_platlib-0.5.1-py3-none-any.whl");
        }
    }

    @Test
    void refusesAFolderThatHoldsAnything() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("keep.txt"), "mine");
        Transcript t = Transcript.of("train-class-cache", work.toString());
        assertThat(t.exitCode()).isEqualTo(1);
        assertThat(t.err()).isEqualTo("error: " + work + " is not an empty folder; train-class-cache works in a new one"
                + System.lineSeparator());
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(work.resolve("keep.txt"));
        }
    }

    @Test
    void isNotListedInHelp() {
        assertThat(Transcript.of("--help").out()).contains("install").doesNotContain("train-class-cache");
    }

    private static Path sitePackages(Path venv) {
        try (Stream<Path> lib = Files.list(venv.resolve("lib"))) {
            return lib.filter(p -> p.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
                    .resolve("site-packages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
