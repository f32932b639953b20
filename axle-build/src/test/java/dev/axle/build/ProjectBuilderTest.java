package dev.axle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds with a real setuptools: Debian's setuptools and wheel wheels (packages
 * python3-setuptools-whl and python3-wheel-whl, which .ci/run installs), imported from the
 * wheel files on PYTHONPATH by Debian's python3, as a build environment without isolation.
 */
class ProjectBuilderTest {
    private static final Path WHEELS = Path.of("/usr/share/python-wheels");
    private static Path python;
    private static String pythonPath;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findSetuptools() throws IOException {
        List<String> wheels = new ArrayList<>();
        if (Files.isDirectory(WHEELS)) {
            try (Stream<Path> files = Files.list(WHEELS)) {
                files.map(Path::toString).filter(f -> f.matches(".*/(setuptools|wheel)-[^/]*\\.whl")).sorted().forEach(wheels::add);
            }
        }
        pythonPath = String.join(File.pathSeparator, wheels);
        python = python3().orElse(null);
        assumeTrue(wheels.size() == 2 && python != null,
                "needs python3 and Debian's python3-setuptools-whl and python3-wheel-whl in " + WHEELS);
    }

    private BuildEnvironments environment() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PYTHONPATH", pythonPath);
        variables.put("SETUPTOOLS_USE_DISTUTILS", "stdlib");
        return BuildEnvironments.existing(python, variables);
    }

    /**
     * The case axle was born from: a project that maps the package {@code twisted} to its own
     * folder {@code daphne/twisted} to ship the plugin {@code twisted/plugins/fd_endpoint.py}.
     * The sdist keeps the plugin where the project has it; the wheel, built from that sdist,
     * puts it where it is imported from, beside the project's own package.
     */
    @Test
    void pluginInANamespacePackageIsBuiltIntoTheWheelWhereItBelongs() throws Exception {
        Path project = pluginProject();
        List<String> steps = new ArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void step(String what) {
                steps.add(what);
            }
        };

        ProjectBuilder.Built built = new ProjectBuilder(environment(), listener).build(project, tmp.resolve("dist"), true, true);

        // setuptools before 69.3 names the sdist daphne-x (unnormalized), later ones daphne_x (PEP 625).
        String sdistName = built.sdist().orElseThrow().getFileName().toString();
        assertThat(sdistName).matches("daphne[-_]x-1\\.0\\.tar\\.gz");
        assertThat(built.sdist().get().getParent()).isEqualTo(tmp.resolve("dist"));
        assertThat(built.wheel()).hasValue(tmp.resolve("dist/daphne_x-1.0-py3-none-any.whl"));
        String top = sdistName.substring(0, sdistName.length() - ".tar.gz".length());
        assertThat(tarNames(built.sdist().get())).contains(top + "/daphne/twisted/plugins/fd_endpoint.py",
                top + "/src/daphne_x/__init__.py", top + "/pyproject.toml", top + "/PKG-INFO");
        assertThat(zipNames(built.wheel().get())).contains("twisted/plugins/fd_endpoint.py", "daphne_x/__init__.py",
                "daphne_x-1.0.dist-info/METADATA", "daphne_x-1.0.dist-info/RECORD")
                .noneMatch(n -> n.startsWith("daphne/") || n.startsWith("src/"));
        List<String> builds = steps.stream().filter(step -> step.startsWith("building")).toList();
        assertThat(builds).hasSize(2);
        assertThat(builds.get(1)).contains(top); // the wheel came from the unpacked sdist
        try (Stream<Path> left = Files.list(tmp.resolve("dist"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    sdistName, "daphne_x-1.0-py3-none-any.whl");
        }
    }

    @Test
    void wheelAloneIsBuiltFromTheProjectFolder() throws Exception {
        ProjectBuilder.Built built = new ProjectBuilder(environment(), BuildListener.NONE)
                .build(pluginProject(), tmp.resolve("dist"), false, true);

        assertThat(built.sdist()).isEmpty();
        assertThat(zipNames(built.wheel().orElseThrow())).contains("twisted/plugins/fd_endpoint.py");
    }

    @Test
    void backendThatFailsIsReportedWithItsOutputAndTraceback() throws Exception {
        Path project = TestProjects.inTreeBackend(tmp, "failing", """
                def build_sdist(sdist_directory, config_settings=None):
                    print("compiling the frobnicator")
                    raise RuntimeError("no frobnicator here")
                """);
        List<String> printed = new ArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void output(String line) {
                printed.add(line);
            }
        };

        assertThatThrownBy(() -> new ProjectBuilder(environment(), listener).build(project, tmp.resolve("dist"), true, false))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("backend failed in build_sdist: RuntimeError: no frobnicator here")
                .satisfies(e -> assertThat(((BuildException) e).output()).contains("compiling the frobnicator",
                        "Traceback", "raise RuntimeError"));
        assertThat(printed).contains("compiling the frobnicator");
        assertThat(tmp.resolve("dist")).isEmptyDirectory();
    }

    @Test
    void backendThatCannotBeImportedIsNamed() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("missing"));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["nonexistent-backend"]
                build-backend = "nonexistent_backend.api"
                """);

        assertThatThrownBy(() -> new ProjectBuilder(environment(), BuildListener.NONE).build(project, tmp.resolve("dist"), true, false))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("cannot import the build backend 'nonexistent_backend.api'")
                .hasMessageContaining("[build-system] requires");
    }

    @Test
    void inTreeBackendMustComeFromItsBackendPath() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("intree"));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = []
                build-backend = "json"
                backend-path = ["."]
                """);

        assertThatThrownBy(() -> new ProjectBuilder(environment(), BuildListener.NONE).build(project, tmp.resolve("dist"), true, false))
                .isInstanceOf(BuildException.class).hasMessageContaining("not from backend-path");
    }

    @Test
    void folderWithoutAProjectIsRefused() {
        assertThatThrownBy(() -> new ProjectBuilder(environment(), BuildListener.NONE).build(tmp, tmp.resolve("dist"), true, true))
                .isInstanceOf(BuildException.class).hasMessageContaining("neither pyproject.toml nor setup.py");
    }

    @Test
    void sdistEntriesThatLeaveTheFolderAreRefused() throws Exception {
        Path sdist = tmp.resolve("evil-1.0.tar.gz");
        try (OutputStream file = Files.newOutputStream(sdist);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            byte[] body = "x".getBytes(StandardCharsets.UTF_8);
            for (String name : List.of("evil-1.0/setup.py", "evil-1.0/../../outside.txt")) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(body.length);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        Path into = Files.createDirectories(tmp.resolve("into"));

        assertThatThrownBy(() -> SdistUnpacker.unpack(sdist, into)).isInstanceOf(BuildException.class)
                .hasMessageContaining("evil-1.0/../../outside.txt").hasMessageContaining("leaves the archive's folder");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    private Path pluginProject() throws IOException {
        return TestProjects.pluginProject(tmp);
    }

    private static List<String> zipNames(Path wheel) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return zip.stream().map(e -> e.getName()).toList();
        }
    }

    private static List<String> tarNames(Path sdist) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(sdist);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /**
     * Debian's python3, for which its setuptools and wheel wheels are made (they expect its
     * patched distutils, hence SETUPTOOLS_USE_DISTUTILS=stdlib; another Python fails in
     * setuptools' install_lib on Debian's install_layout option).
     */
    static Optional<Path> python3() {
        return Optional.of(Path.of("/usr/bin/python3")).filter(Files::isExecutable).filter(ProjectBuilderTest::answers);
    }

    private static boolean answers(Path python) {
        return Processes.succeeds(python.toString(), "-c", "import sys; assert sys.version_info >= (3, 8)");
    }
}
