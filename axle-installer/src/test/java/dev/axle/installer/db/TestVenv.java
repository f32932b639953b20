package dev.axle.installer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Tag;
import dev.axle.pep.tags.SupportedTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A virtual environment made by {@code python -m venv} (with pip from ensurepip), and pip
 * run in it with no configuration and no index. {@code AXLE_TEST_PIP_WHEEL} may name a pip
 * wheel to upgrade to, to compare against another pip than the bundled one.
 */
final class TestVenv {
    /** What a process printed and how it ended. */
    record Run(String stdout, String stderr, int exitCode) {}

    private final Path root;
    private final Path python;
    private final Path workingDirectory;
    private final Path sitePackages;
    private final String pipVersion;

    private TestVenv(Path root, Path workingDirectory) {
        this.root = root;
        this.python = root.resolve("bin/python");
        this.workingDirectory = workingDirectory;
        this.sitePackages = Path.of(python("import sysconfig; print(sysconfig.get_path('purelib'))").strip());
        this.pipVersion = python("import pip; print(pip.__version__)").strip();
    }

    /**
     * A new environment in {@code folder}/venv; skips the test (assumption) when the machine
     * has no usable Python or only one bundling a pip older than 24 (whose output differs).
     */
    static TestVenv create(Path folder) {
        Optional<TestPython> python = TestPython.best();
        assumeTrue(python.isPresent(), "no Python 3.9+ with ensurepip found on PATH, in ~/.pyenv/versions or /usr/bin");
        String upgrade = System.getenv("AXLE_TEST_PIP_WHEEL");
        assumeTrue(python.get().bundledPipMajor() >= 24 || upgrade != null,
                "the Pythons found bundle pip " + python.get().bundledPip()
                        + "; the comparisons need pip 24 or later (or AXLE_TEST_PIP_WHEEL)");
        return create(folder, python.get(), upgrade);
    }

    /** A new environment of {@code python}, with its bundled pip or the pip wheel {@code upgrade}. */
    static TestVenv create(Path folder, TestPython python, String upgrade) {
        Path root = folder.resolve("venv");
        Path work = folder.resolve("work");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run made = run(work, python.executable().toString(), "-I", "-m", "venv", root.toString());
        assertThat(made.exitCode()).as("python -m venv: %s", made.stderr()).isZero();
        TestVenv venv = new TestVenv(root, work);
        if (upgrade != null) {
            venv.pipOk("install", "--upgrade", upgrade);
            return new TestVenv(root, work);
        }
        return venv;
    }

    Path root() {
        return root;
    }

    Path sitePackages() {
        return sitePackages;
    }

    String pipVersion() {
        return pipVersion;
    }

    int pipMajor() {
        return TestPython.major(pipVersion);
    }

    /** The installed distributions as axle reads them. */
    InstalledDistributions installed() {
        return InstalledDistributions.read(List.of(sitePackages));
    }

    /** {@code python -m pip args...}. */
    Run pip(String... args) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip"));
        command.addAll(Arrays.asList(args));
        return run(workingDirectory, command.toArray(String[]::new));
    }

    /** pip, which must succeed. */
    Run pipOk(String... args) {
        Run r = pip(args);
        assertThat(r.exitCode()).as("pip %s: %s", String.join(" ", args), r.stderr()).isZero();
        return r;
    }

    /** The standard output of {@code python -c script}, which must succeed. */
    String python(String script) {
        Run r = run(workingDirectory, python.toString(), "-c", script);
        assertThat(r.exitCode()).as("python -c %s: %s", script, r.stderr()).isZero();
        return r.stdout();
    }

    /** The interpreter's marker environment, as packaging (vendored in pip) computes it. */
    MarkerEnvironment markerEnvironment() {
        String json = python("import json; from pip._vendor.packaging.markers import default_environment;"
                + " print(json.dumps(default_environment()))");
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> values = new ObjectMapper().readValue(json, Map.class);
            return MarkerEnvironment.of(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interpreter's supported tags, as packaging (vendored in pip) computes them. */
    SupportedTags supportedTags() {
        List<Tag> tags = new ArrayList<>();
        for (String line : python("from pip._vendor.packaging.tags import sys_tags\n"
                + "for t in sys_tags(): print(t)").split("\n")) {
            if (!line.isBlank()) {
                String[] p = line.strip().split("-");
                tags.add(new Tag(p[0], p[1], p[2]));
            }
        }
        return SupportedTags.of(tags);
    }

    /**
     * Every path under the environment (and {@code others}), files and folders, links not
     * followed; true for folders.
     */
    TreeMap<Path, Boolean> snapshot(Path... others) {
        TreeMap<Path, Boolean> all = new TreeMap<>();
        for (Path top : Stream.concat(Stream.of(root), Arrays.stream(others)).toList()) {
            try (Stream<Path> s = Files.walk(top)) {
                s.forEach(p -> all.put(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static Run run(Path workingDirectory, String... command) {
        try {
            ProcessBuilder b = new ProcessBuilder(command).directory(workingDirectory.toFile());
            Map<String, String> env = b.environment();
            env.keySet().removeIf(k -> k.startsWith("PIP_") || k.startsWith("PYTHON") || k.equals("VIRTUAL_ENV"));
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("PIP_NO_INDEX", "1");
            env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
            env.put("PIP_NO_INPUT", "1");
            env.put("PYTHONIOENCODING", "utf-8");
            Path out = Files.createTempFile(workingDirectory, "out", ".txt");
            Path err = Files.createTempFile(workingDirectory, "err", ".txt");
            Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            Run r = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    p.exitValue());
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
