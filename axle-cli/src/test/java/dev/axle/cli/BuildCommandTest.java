package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.build.TestProjects;
import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle build} end to end: a real setuptools in a real isolated build environment, filled
 * by axle from a find-links folder with no index at all, and what it builds installed and
 * uninstalled by axle in a real venv.
 */
class BuildCommandTest {
    @TempDir
    Path tmp;

    private InstallEndToEndTest.Run axle(String... args) {
        return InstallEndToEndTest.Run.withCache(tmp.resolve("cache"), args);
    }

    /**
     * The case axle was born from, whole: a project mapping {@code twisted} to its own
     * {@code daphne/twisted} folder to ship {@code twisted/plugins/fd_endpoint.py} builds (sdist,
     * then the wheel from it, in isolation) into a wheel holding the plugin; installed beside
     * twisted, the plugin is in twisted's plugin package, where twisted's plugin system looks;
     * uninstalling the project takes the plugin and leaves twisted's own files.
     */
    @Test
    void pluginProjectBuildsInIsolationAndItsPluginLandsInTwistedsPluginPackage() throws Exception {
        Path python = Pythons.python("3.11", "3.10");
        Path links = findLinks(python);
        Path project = pluginProject();

        InstallEndToEndTest.Run built = axle("build", "--python", python.toString(), "--no-index", "--find-links",
                links.toString(), project.toString()).ok();

        assertThat(built.out()).contains("Built ").contains("daphne_x-1.0-py3-none-any.whl");
        assertThat(built.err()).contains("building the sdist", "installing the build requirements [setuptools>=61]",
                "building the wheel");
        Path wheel = project.resolve("dist/daphne_x-1.0-py3-none-any.whl");
        assertThat(wheel).isRegularFile();

        Path venv = tmp.resolve("venv");
        axle("venv", venv.toString(), "--python", python.toString()).ok();
        Path twisted = WheelWriter.wheel("twisted", "24.0")
                .file("twisted/__init__.py", "")
                .file("twisted/plugins/__init__.py", "# twisted's own plugin package\n")
                .file("twisted/plugins/twisted_core.py", "CORE = 1\n")
                .writeTo(Files.createDirectories(tmp.resolve("wheels")));
        axle("install", "--python", venv.toString(), twisted.toString(), wheel.toString()).ok();

        String plugins = InstallEndToEndTest.run(venv, "import pkgutil, twisted.plugins;"
                + " print(sorted(m.name for m in pkgutil.iter_modules(twisted.plugins.__path__)))");
        assertThat(plugins.strip()).isEqualTo("['fd_endpoint', 'twisted_core']");

        axle("uninstall", "--python", venv.toString(), "daphne-x").ok();
        String left = InstallEndToEndTest.run(venv, "import pkgutil, twisted.plugins;"
                + " print(sorted(m.name for m in pkgutil.iter_modules(twisted.plugins.__path__)))");
        assertThat(left.strip()).isEqualTo("['twisted_core']");
        assertThat(axle("list", "--python", venv.toString()).ok().out()).contains("twisted").doesNotContain("daphne");
    }

    /**
     * An index (here find-links) with only an sdist of the project: the resolver gets its
     * metadata by PEP 517's prepare_metadata_for_build_wheel, the install builds its wheel in an
     * isolated environment, keeps it in the cache by the sdist's hash, and installs it; the next
     * install takes the kept wheel and its metadata, building nothing. With --no-build the sdist
     * is no candidate, and the error says so.
     */
    @Test
    void sdistOnlyProjectIsBuiltAndInstalledAndItsWheelKept() throws Exception {
        Path python = Pythons.python("3.11", "3.10");
        Path links = linksWithSdist(python);

        Path venv = tmp.resolve("venv");
        axle("venv", venv.toString(), "--python", python.toString()).ok();
        axle("install", "--python", venv.toString(), "--no-index", "--find-links", links.toString(), "daphne-x").ok();

        assertThat(axle("list", "--python", venv.toString()).ok().out()).containsPattern("(?m)^daphne-x +1\\.0$");
        assertThat(InstallEndToEndTest.run(venv, "import twisted.plugins.fd_endpoint as p; print(p.ENDPOINT)").strip())
                .isEqualTo("fd");
        Path builds = tmp.resolve("cache/builds-v1");
        List<Path> kept;
        try (Stream<Path> all = Files.walk(builds)) {
            kept = all.filter(f -> f.toString().endsWith(".whl")).toList();
        }
        assertThat(kept).singleElement().satisfies(w -> assertThat(w.getFileName()).hasToString("daphne_x-1.0-py3-none-any.whl"));
        long keptAt = Files.getLastModifiedTime(kept.get(0)).toMillis();

        Path again = tmp.resolve("again");
        axle("venv", again.toString(), "--python", python.toString()).ok();
        InstallEndToEndTest.Run warm = axle("install", "-v", "--python", again.toString(), "--no-index", "--find-links",
                links.toString(), "daphne-x").ok();
        assertThat(Files.getLastModifiedTime(kept.get(0)).toMillis()).isEqualTo(keptAt);
        assertThat(warm.err()).doesNotContain("build requirements").doesNotContain("building");

        Path none = tmp.resolve("none");
        axle("venv", none.toString(), "--python", python.toString()).ok();
        InstallEndToEndTest.Run refused = axle("install", "--no-build", "--python", none.toString(), "--no-index",
                "--find-links", links.toString(), "daphne-x");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("daphne-x has 1 file but none it may use: daphne-x-1.0.tar.gz (--no-build)");
    }

    /**
     * pip's --only-binary and --no-binary, on a find-links folder with daphne-x's sdist (built
     * here) and then also a prebuilt wheel of the same version that marks itself: with the sdist
     * alone, --only-binary :all: has nothing to install and says why; with both,
     * --only-binary :all: installs the prebuilt wheel, and --no-binary daphne-x builds the sdist
     * and installs the wheel setuptools made of it. --no-binary with --no-build leaves nothing.
     */
    @Test
    void onlyBinaryInstallsTheWheelNoBinaryBuildsTheSdist() throws Exception {
        Path python = Pythons.python("3.11", "3.10");
        Path links = linksWithSdist(python);
        String[] fromLinks = {"--no-index", "--find-links", links.toString()};

        Path wheels = tmp.resolve("wheels");
        axle("venv", wheels.toString(), "--python", python.toString()).ok();
        InstallEndToEndTest.Run refused = axle(concat(List.of("install", "--python", wheels.toString(), "--only-binary",
                ":all:"), fromLinks, "daphne-x"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("daphne-x has 1 file but none it may use: daphne-x-1.0.tar.gz (--only-binary)");

        WheelWriter.wheel("daphne-x", "1.0").file("daphne_x/__init__.py", "X = 'prebuilt'\n")
                .file("daphne_x_prebuilt.py", "").writeTo(links);
        axle(concat(List.of("install", "--python", wheels.toString(), "--only-binary", ":all:"), fromLinks, "daphne-x")).ok();
        assertThat(installed(wheels)).isEqualTo("prebuilt Generator: WheelWriter (test) marker: True");

        Path built = tmp.resolve("built");
        axle("venv", built.toString(), "--python", python.toString()).ok();
        axle(concat(List.of("install", "--python", built.toString(), "--no-binary", "daphne-x"), fromLinks, "daphne-x")).ok();
        assertThat(installed(built)).startsWith("1 Generator: ").doesNotContain("WheelWriter").endsWith(" marker: False");
        assertThat(InstallEndToEndTest.run(built, "import twisted.plugins.fd_endpoint as p; print(p.ENDPOINT)").strip())
                .isEqualTo("fd");

        Path none = tmp.resolve("none");
        axle("venv", none.toString(), "--python", python.toString()).ok();
        InstallEndToEndTest.Run neither = axle(concat(List.of("install", "--python", none.toString(), "--no-build",
                "--no-binary", "daphne-x"), fromLinks, "daphne-x"));
        assertThat(neither.exitCode()).isEqualTo(1);
        assertThat(neither.err()).contains("daphne-x has 2 files but none it may use: ",
                "daphne_x-1.0-py3-none-any.whl (--no-binary)", "daphne-x-1.0.tar.gz (--no-build)");
    }

    private static String[] concat(List<String> first, String[] middle, String last) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(middle));
        all.add(last);
        return all.toArray(String[]::new);
    }

    /** The installed daphne_x's X, its WHEEL's Generator, and whether the prebuilt wheel's marker module is there. */
    private static String installed(Path venv) throws IOException {
        return InstallEndToEndTest.run(venv, "import daphne_x, importlib.util, importlib.metadata as m;"
                + " generator = [l for l in m.distribution('daphne-x').read_text('WHEEL').splitlines()"
                + " if l.startswith('Generator:')][0];"
                + " print(daphne_x.X, generator, 'marker:', importlib.util.find_spec('daphne_x_prebuilt') is not None)").strip();
    }

    @Test
    void failingBackendExitsOneShowingItsOutput() throws Exception {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        Path project = TestProjects.inTreeBackend(tmp, "failing", """
                def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                    print("checking for a C compiler... none")
                    raise SystemExit("error: a C compiler is needed")
                """);

        InstallEndToEndTest.Run run = axle("build", "--wheel", "--no-build-isolation", "--python", python.toString(),
                project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: backend failed in build_wheel: SystemExit: error: a C compiler is needed",
                "The backend's last output:", "checking for a C compiler... none");
        assertThat(project.resolve("dist")).isEmptyDirectory();
    }

    private Path findLinks(Path python) throws IOException {
        return SetuptoolsLinks.in(tmp, python);
    }

    /** {@link #findLinks} with daphne-x's sdist, built by axle from {@link #pluginProject}. */
    private Path linksWithSdist(Path python) throws IOException {
        Path links = findLinks(python);
        axle("build", "--sdist", "--python", python.toString(), "--no-index", "--find-links", links.toString(),
                "-o", links.toString(), pluginProject().toString()).ok();
        return links;
    }

    private Path pluginProject() throws IOException {
        return TestProjects.pluginProject(tmp);
    }
}
