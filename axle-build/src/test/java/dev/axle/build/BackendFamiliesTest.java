package dev.axle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
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
 * the same files, and the wheels the same files and the same core metadata (pypa/build skips its
 * dependency check: Debian's hatchling lacks the editables it declares). The backends and
 * build are Debian's (flit, python3-hatchling, python3-poetry-core, python3-setuptools,
 * python3-build: .ci/run installs them), run by Debian's python3 without isolation.
 */
class BackendFamiliesTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"setuptools", "flit_core", "hatchling", "poetry.core"})
    void axleBuildsWhatPypaBuildBuilds(String backend) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && imports(backend) && imports("build"),
                "needs Debian's python3 with " + backend + " and build (python3-build)");
        Path tree = project(backend, tmp.resolve("tree"));
        Path forAxle = copy(tree, tmp.resolve("axle"));
        Path forBuild = copy(tree, tmp.resolve("pypa"));

        ProjectBuilder.Built ours = new ProjectBuilder(BuildEnvironments.existing(PYTHON, System.getenv()),
                BuildListener.NONE).build(forAxle, tmp.resolve("out-axle"), true, true);
        Process pypa = new ProcessBuilder(PYTHON.toString(), "-m", "build", "--no-isolation", "--skip-dependency-check", "--outdir",
                tmp.resolve("out-pypa").toString(), forBuild.toString()).redirectErrorStream(true).start();
        String printed = new String(pypa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pypa.waitFor()).as("python -m build: %s", printed).isZero();

        Path theirWheel = only(tmp.resolve("out-pypa"), ".whl");
        Path theirSdist = only(tmp.resolve("out-pypa"), ".tar.gz");
        Path ourWheel = ours.wheel().orElseThrow();
        Path ourSdist = ours.sdist().orElseThrow();
        assertThat(ourWheel.getFileName()).isEqualTo(theirWheel.getFileName());
        assertThat(ourSdist.getFileName()).isEqualTo(theirSdist.getFileName());
        assertThat(zipNames(ourWheel)).isEqualTo(zipNames(theirWheel));
        String metadata = zipNames(ourWheel).stream().filter(n -> n.endsWith(".dist-info/METADATA")).findFirst().orElseThrow();
        assertThat(zipEntry(ourWheel, metadata)).isEqualTo(zipEntry(theirWheel, metadata));
        assertThat(tarNames(ourSdist)).isEqualTo(tarNames(theirSdist));
    }

    /** A small project for {@code backend}, with a package and a description. */
    private static Path project(String backend, Path dir) throws IOException {
        Files.createDirectories(dir);
        String readme = "A project built with " + backend + ".\n";
        Files.writeString(dir.resolve("README.md"), readme);
        switch (backend) {
            case "setuptools" -> {
                return TestProjects.pluginProject(dir);
            }
            case "flit_core" -> {
                write(dir, "pyproject.toml", """
                        [build-system]
                        requires = ["flit_core>=3.2,<4"]
                        build-backend = "flit_core.buildapi"

                        [project]
                        name = "flitty"
                        version = "1.0"
                        description = "A flit project"
                        readme = "README.md"
                        dependencies = ["six>=1.16"]
                        """);
                write(dir, "flitty/__init__.py", "\"\"\"Flitty.\"\"\"\n");
            }
            case "hatchling" -> {
                write(dir, "pyproject.toml", """
                        [build-system]
                        requires = ["hatchling"]
                        build-backend = "hatchling.build"

                        [project]
                        name = "hatched"
                        version = "1.0"
                        description = "A hatch project"
                        readme = "README.md"
                        optional-dependencies = {fast = ["uvloop; sys_platform != 'win32'"]}

                        [tool.hatch.build.targets.wheel]
                        packages = ["src/hatched"]
                        """);
                write(dir, "src/hatched/__init__.py", "X = 1\n");
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
            default -> throw new IllegalArgumentException(backend);
        }
        return dir;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
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

    private static TreeSet<String> zipNames(Path wheel) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return zip.stream().map(e -> e.getName()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static String zipEntry(Path wheel, String name) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    private static boolean imports(String module) {
        return Files.isExecutable(PYTHON) && Processes.succeeds(PYTHON.toString(), "-c", "import " + module);
    }

}
