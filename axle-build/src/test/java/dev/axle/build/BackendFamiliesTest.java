package dev.axle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One project per backend family, built by axle and by pypa/build ({@code python -m build
 * --no-isolation}) from copies of the same tree with the same backend: the sdists must hold
 * the same files, and the wheels the same files with the same bytes (but for compiled
 * extension modules and the RECORD that hashes them) and so the same core metadata. pypa/build
 * skips its dependency check: Debian's hatchling lacks the editables it declares. Each wheel
 * must also ship what the case is about (a generated file, package data, an extension module)
 * and its METADATA say what a plugin set (keywords, the version from a git tag), so a backend,
 * hook or plugin that quietly did nothing in both builds fails.
 *
 * <p>The families: setuptools (package-dir mappings and explicit package lists; package data),
 * flit_core, hatchling (plain; with in-tree build and metadata hooks; with the hatch-vcs plugin,
 * the version from a git tag), poetry-core, meson-python and scikit-build-core (each compiling a
 * C extension beside a pure module: a platform wheel), and pdm-backend. The backends and build
 * are Debian's (flit, python3-hatchling, python3-hatch-vcs, python3-poetry-core,
 * python3-setuptools, python3-mesonpy with meson, python3-dev and gcc, python3-build: .ci/run
 * installs them where apt offers them), run by Debian's python3 without isolation.
 *
 * <p>scikit-build-core and pdm-backend are not in Debian 12: their cases run in the Python named
 * by {@value #BACKENDS_PYTHON} (system property or environment variable) when it is set, for
 * example a venv made by {@code python3 -m venv /tmp/backends-py} and {@code
 * /tmp/backends-py/bin/pip install scikit-build-core pdm-backend build} (scikit-build-core's case
 * also runs cmake and a C compiler); a name that is no executable fails them. Else they run in
 * Debian's python3 too, where they skip. A case skips when its interpreter cannot import its
 * backend (or build), or lacks a program it runs (git, meson, cmake, a C compiler) or Python.h.
 */
class BackendFamiliesTest {
    /** Names another interpreter for the backends Debian lacks (scikit-build-core, pdm-backend). */
    static final String BACKENDS_PYTHON = "AXLE_TEST_BACKENDS_PYTHON";
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The environment of the builds and of git: this one without GIT_* (a git hook's GIT_DIR would aim git elsewhere). */
    private static final Map<String, String> ENVIRONMENT = System.getenv().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("GIT_"))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    @TempDir
    Path tmp;

    /**
     * What a case needs and checks.
     *
     * @param modules what the interpreter must import (the backend and its plugins)
     * @param programs what must be on the PATH
     * @param compiles whether it compiles a C extension (needs Python.h; makes a platform wheel)
     * @param elsewhere whether it runs in {@value #BACKENDS_PYTHON}'s interpreter when that is named
     * @param ships what the wheel must hold (patterns of entry names)
     * @param says what its METADATA must say (lines)
     */
    private record Family(List<String> modules, List<String> programs, boolean compiles, boolean elsewhere, List<String> ships,
            List<String> says) {
        static Family debian(String module, String... ships) {
            return new Family(List.of(module), List.of(), false, false, List.of(ships), List.of());
        }
    }

    private static Family family(String name) {
        return switch (name) {
            case "setuptools" -> Family.debian("setuptools", "daphne_x/__init__\\.py", "twisted/plugins/fd_endpoint\\.py");
            case "setuptools-data" -> Family.debian("setuptools", "tidy/sub/__init__\\.py", "tidy/data/words\\.json");
            case "flit_core" -> Family.debian("flit_core", "flitty/__init__\\.py");
            case "hatchling" -> Family.debian("hatchling", "hatched/__init__\\.py");
            case "hatchling-hooks" -> new Family(List.of("hatchling"), List.of(), false, false,
                    List.of("hooked/__init__\\.py", "hooked/_built\\.py"), List.of("Keywords: generated,hooked"));
            case "hatch-vcs" -> new Family(List.of("hatchling", "hatch_vcs"), List.of("git"), false, false,
                    List.of("vcsed/_version\\.py"), List.of("Version: 1.2.3"));
            case "poetry.core" -> Family.debian("poetry.core", "poem/__init__\\.py");
            case "meson-python" -> new Family(List.of("mesonpy"), List.of("git", "meson", "ninja", "cc"), true, false,
                    List.of("mesoned/__init__\\.py", "mesoned/_speed\\..*\\.so"), List.of());
            case "scikit-build-core" -> new Family(List.of("scikit_build_core.build"), List.of("cmake", "cc"), true, true,
                    List.of("skbuilt/__init__\\.py", "skbuilt/_speed\\..*\\.so"), List.of());
            case "pdm-backend" -> new Family(List.of("pdm.backend"), List.of(), false, true,
                    List.of("pdmed/__init__\\.py", "pdmed/words\\.json"), List.of());
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"setuptools", "setuptools-data", "flit_core", "hatchling", "hatchling-hooks", "hatch-vcs",
            "poetry.core", "meson-python", "scikit-build-core", "pdm-backend"})
    void axleBuildsWhatPypaBuildBuilds(String name) throws Exception {
        Family family = family(name);
        Path python = python(family);
        assumeTrue(has(python, family), python + " lacks what the " + name + " case needs: build and " + family.modules()
                + (family.programs().isEmpty() ? "" : ", with " + family.programs() + " on the PATH")
                + (family.compiles() ? ", and Python.h" : ""));
        Path tree = project(name, tmp.resolve("tree"));
        Path forAxle = copy(tree, tmp.resolve("axle"));
        Path forBuild = copy(tree, tmp.resolve("pypa"));

        ProjectBuilder.Built ours = new ProjectBuilder(BuildEnvironments.existing(python, ENVIRONMENT), BuildListener.NONE)
                .build(forAxle, tmp.resolve("out-axle"), true, true);
        ProcessBuilder pypa = new ProcessBuilder(python.toString(), "-m", "build", "--no-isolation", "--skip-dependency-check",
                "--outdir", tmp.resolve("out-pypa").toString(), forBuild.toString());
        run(pypa, "python -m build");

        Path theirWheel = only(tmp.resolve("out-pypa"), ".whl");
        Path theirSdist = only(tmp.resolve("out-pypa"), ".tar.gz");
        Path ourWheel = ours.wheel().orElseThrow();
        Path ourSdist = ours.sdist().orElseThrow();
        assertThat(ourWheel.getFileName()).isEqualTo(theirWheel.getFileName());
        assertThat(ourSdist.getFileName()).isEqualTo(theirSdist.getFileName());
        assertThat(tarNames(ourSdist)).isEqualTo(tarNames(theirSdist));
        Map<String, byte[]> ourEntries = zipEntries(ourWheel);
        Map<String, byte[]> theirEntries = zipEntries(theirWheel);
        assertThat(ourEntries.keySet()).isEqualTo(theirEntries.keySet());
        String metadata = ourEntries.keySet().stream().filter(n -> n.endsWith(".dist-info/METADATA")).findFirst().orElseThrow();
        assertThat(new String(ourEntries.get(metadata), StandardCharsets.UTF_8).lines()).as(metadata).containsAll(family.says());
        for (String entry : ourEntries.keySet()) { // METADATA among them
            if (!entry.endsWith(".so") && !entry.endsWith(".dist-info/RECORD")) {
                assertThat(new String(ourEntries.get(entry), StandardCharsets.ISO_8859_1)).as(entry)
                        .isEqualTo(new String(theirEntries.get(entry), StandardCharsets.ISO_8859_1));
            }
        }
        for (String pattern : family.ships()) {
            assertThat(ourEntries.keySet()).as("the wheel's entries, one matching %s", pattern)
                    .anyMatch(entry -> entry.matches(pattern));
        }
        assertThat(ourWheel.getFileName().toString().endsWith("-none-any.whl")).as(ourWheel.getFileName() + " is pure")
                .isEqualTo(!family.compiles());
    }

    /** The interpreter of {@code family}'s builds. */
    private static Path python(Family family) {
        String named = Optional.ofNullable(System.getProperty(BACKENDS_PYTHON)).orElse(System.getenv(BACKENDS_PYTHON));
        if (!family.elsewhere() || named == null || named.isBlank()) {
            return PYTHON;
        }
        Path python = Path.of(named);
        assertThat(python).as(BACKENDS_PYTHON).isExecutable();
        return python;
    }

    /** Whether {@code python} has build and what {@code family} needs. */
    private static boolean has(Path python, Family family) {
        String check = "import build, " + String.join(", ", family.modules()) + "\n"
                + "import os, shutil, sys, sysconfig\n"
                + "assert all(shutil.which(p) for p in " + family.programs().stream().map(p -> "'" + p + "'")
                        .collect(Collectors.joining(", ", "[", "]")) + ")\n"
                + (family.compiles() ? "assert os.path.isfile(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))\n" : "");
        return Files.isExecutable(python) && Processes.succeeds(python.toString(), "-c", check);
    }

    /** A small project for the case {@code name}, with a package and a description. */
    private static Path project(String name, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String readme = "A project built with " + name + ".\n";
        Files.writeString(dir.resolve("README.md"), readme);
        switch (name) {
            case "setuptools" -> {
                return TestProjects.pluginProject(dir);
            }
            case "setuptools-data" -> {
                // A src layout with a subpackage, listed, package data, and a file only the sdist ships.
                pyproject(dir, List.of("setuptools>=61"), "setuptools.build_meta", "tidy", """
                        version = "1.0"
                        dependencies = ["six>=1.16"]

                        [tool.setuptools]
                        packages = ["tidy", "tidy.sub"]
                        package-dir = {"" = "src"}

                        [tool.setuptools.package-data]
                        tidy = ["data/*.json"]
                        """);
                write(dir, "MANIFEST.in", "include NOTES.txt\n");
                write(dir, "NOTES.txt", "Only in the sdist.\n");
                write(dir, "src/tidy/__init__.py", "X = 1\n");
                write(dir, "src/tidy/sub/__init__.py", "Y = 2\n");
                write(dir, "src/tidy/data/words.json", "[\"tidy\"]\n");
                write(dir, "src/tidy/data/skipped.txt", "Not package data.\n");
            }
            case "flit_core" -> {
                pyproject(dir, List.of("flit_core>=3.2,<4"), "flit_core.buildapi", "flitty", """
                        version = "1.0"
                        dependencies = ["six>=1.16"]
                        """);
                write(dir, "flitty/__init__.py", "\"\"\"Flitty.\"\"\"\n");
            }
            case "hatchling" -> {
                pyproject(dir, List.of("hatchling"), "hatchling.build", "hatched", """
                        version = "1.0"
                        optional-dependencies = {fast = ["uvloop; sys_platform != 'win32'"]}

                        [tool.hatch.build.targets.wheel]
                        packages = ["src/hatched"]
                        """);
                write(dir, "src/hatched/__init__.py", "X = 1\n");
            }
            case "hatchling-hooks" -> {
                // hatch_build.py: a metadata hook (the keywords) and a wheel build hook (a generated module).
                pyproject(dir, List.of("hatchling"), "hatchling.build", "hooked", """
                        version = "1.0"
                        dynamic = ["keywords"]

                        [tool.hatch.metadata.hooks.custom]

                        [tool.hatch.build.targets.wheel]
                        packages = ["src/hooked"]

                        [tool.hatch.build.targets.wheel.hooks.custom]
                        message = "generated by the build hook"
                        """);
                write(dir, "hatch_build.py", """
                        import os

                        from hatchling.builders.hooks.plugin.interface import BuildHookInterface
                        from hatchling.metadata.plugin.interface import MetadataHookInterface


                        class Keywords(MetadataHookInterface):
                            def update(self, metadata):
                                metadata["keywords"] = ["generated", metadata["name"]]


                        class Generated(BuildHookInterface):
                            def initialize(self, version, build_data):
                                path = os.path.join(self.root, "generated", "_built.py")
                                os.makedirs(os.path.dirname(path), exist_ok=True)
                                with open(path, "w", encoding="utf-8") as f:
                                    f.write("MESSAGE = %r\\nTARGET = %r\\nVERSION = %r\\n"
                                            % (self.config["message"], self.target_name, version))
                                build_data["force_include"][path] = "hooked/_built.py"
                        """);
                write(dir, "src/hooked/__init__.py", "X = 1\n");
            }
            case "hatch-vcs" -> {
                // The version from the tag v1.2.3, written into the package by hatch-vcs' build hook.
                pyproject(dir, List.of("hatchling", "hatch-vcs"), "hatchling.build", "vcsed", """
                        dynamic = ["version"]

                        [tool.hatch.version]
                        source = "vcs"

                        [tool.hatch.build.hooks.vcs]
                        version-file = "src/vcsed/_version.py"

                        [tool.hatch.build.targets.wheel]
                        packages = ["src/vcsed"]
                        """);
                write(dir, ".gitignore", "src/vcsed/_version.py\n");
                write(dir, "src/vcsed/__init__.py", "from vcsed._version import __version__\n");
                commit(dir, "v1.2.3");
            }
            case "poetry.core" -> {
                write(dir, "pyproject.toml", """
                        [build-system]
                        requires = ["poetry-core>=1.0"]
                        build-backend = "poetry.core.masonry.api"

                        [tool.poetry]
                        name = "poem"
                        version = "1.0"
                        description = "A poetry project"
                        authors = ["Ada <ada@example.org>"]
                        readme = "README.md"
                        packages = [{include = "poem"}]

                        [tool.poetry.dependencies]
                        python = ">=3.8"
                        """);
                write(dir, "poem/__init__.py", "X = 1\n");
            }
            case "meson-python" -> {
                // meson-python's sdist is meson dist's: what git has committed.
                pyproject(dir, List.of("meson-python"), "mesonpy", "mesoned", "version = \"1.0\"\n");
                write(dir, "meson.build", """
                        project('mesoned', 'c', version: '1.0')
                        py = import('python').find_installation(pure: false)
                        py.extension_module('_speed', 'src/speed.c', install: true, subdir: 'mesoned')
                        py.install_sources('src/mesoned/__init__.py', subdir: 'mesoned')
                        """);
                write(dir, "src/speed.c", EXTENSION);
                write(dir, "src/mesoned/__init__.py", "from mesoned._speed import twice\n");
                commit(dir, null);
            }
            case "scikit-build-core" -> {
                pyproject(dir, List.of("scikit-build-core>=0.4"), "scikit_build_core.build", "skbuilt", "version = \"1.0\"\n");
                write(dir, "CMakeLists.txt", """
                        cmake_minimum_required(VERSION 3.15)
                        project(${SKBUILD_PROJECT_NAME} LANGUAGES C)
                        find_package(Python COMPONENTS Interpreter Development.Module REQUIRED)
                        python_add_library(_speed MODULE src/speed.c WITH_SOABI)
                        install(TARGETS _speed DESTINATION skbuilt)
                        """);
                write(dir, "src/speed.c", EXTENSION);
                write(dir, "src/skbuilt/__init__.py", "from skbuilt._speed import twice\n");
            }
            case "pdm-backend" -> {
                // pdm-backend's defaults: the src layout found, its data files shipped, tests/ in the sdist only.
                pyproject(dir, List.of("pdm-backend"), "pdm.backend", "pdmed", "version = \"1.0\"\n");
                write(dir, "src/pdmed/__init__.py", "X = 1\n");
                write(dir, "src/pdmed/words.json", "[\"pdmed\"]\n");
                write(dir, "tests/test_pdmed.py", "def test_x():\n    import pdmed\n    assert pdmed.X == 1\n");
            }
            default -> throw new IllegalArgumentException(name);
        }
        return dir;
    }

    /**
     * Writes {@code dir}/pyproject.toml: {@code [build-system]} with {@code requires} and
     * {@code backend}, then {@code [project]} with {@code name}, a description, the README,
     * Python 3.8 or later and {@code rest} (more keys, then more tables).
     */
    private static void pyproject(Path dir, List<String> requires, String backend, String name, String rest) throws IOException {
        write(dir, "pyproject.toml", "[build-system]\n"
                + "requires = " + requires.stream().map(r -> '"' + r + '"').collect(Collectors.joining(", ", "[", "]")) + "\n"
                + "build-backend = \"" + backend + "\"\n\n"
                + "[project]\n"
                + "name = \"" + name + "\"\n"
                + "description = \"The " + name + " project, built with " + backend + "\"\n"
                + "readme = \"README.md\"\n"
                + "requires-python = \">=3.8\"\n"
                + rest);
    }

    /** A C extension module {@code _speed} with a function {@code twice}. */
    private static final String EXTENSION = """
            #define PY_SSIZE_T_CLEAN
            #include <Python.h>

            static PyObject *twice(PyObject *self, PyObject *arg) {
                long n = PyLong_AsLong(arg);
                if (n == -1 && PyErr_Occurred()) {
                    return NULL;
                }
                return PyLong_FromLong(2 * n);
            }

            static PyMethodDef methods[] = {
                {"twice", twice, METH_O, "Twice n."},
                {NULL, NULL, 0, NULL},
            };

            static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_speed", NULL, -1, methods};

            PyMODINIT_FUNC PyInit__speed(void) {
                return PyModule_Create(&module);
            }
            """;

    private static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Makes {@code dir} a git repository with everything in it committed, and tagged {@code tag} unless null. */
    private static void commit(Path dir, String tag) throws IOException, InterruptedException {
        List<String> git = List.of("git", "-C", dir.toString(), "-c", "user.name=axle", "-c", "user.email=axle@example.org",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false");
        List<List<String>> steps = new ArrayList<>(List.of(List.of("init", "-q"), List.of("add", "-A"),
                List.of("commit", "-q", "-m", "The project")));
        if (tag != null) {
            steps.add(List.of("tag", tag));
        }
        for (List<String> step : steps) {
            List<String> command = new ArrayList<>(git);
            command.addAll(step);
            run(new ProcessBuilder(command), String.join(" ", command));
        }
    }

    /** Runs {@code builder} in {@link #ENVIRONMENT}, asserting that it succeeds. */
    private static void run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", what, printed).isZero();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static Path only(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    /** The wheel's entries by name, each with its bytes. */
    private static Map<String, byte[]> zipEntries(Path wheel) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (var e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static TreeSet<String> tarNames(Path sdist) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(sdist);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
        }
        return names;
    }
}
