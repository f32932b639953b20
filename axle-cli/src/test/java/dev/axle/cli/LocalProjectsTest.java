package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.build.TestProjects;
import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle install} of local projects: editable installs (PEP 660) of a project folder, a
 * project folder built where it is, an sdist named by path, each with its dependencies resolved
 * from a find-links folder, recorded in {@code direct_url.json} (PEP 610) as pip records them, and
 * checked with the real interpreter (and pip) in a real venv. The backend is setuptools in an
 * isolated build environment filled from the find-links folder ({@link SetuptoolsLinks}).
 */
class LocalProjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path python;
    private Path links;

    @BeforeEach
    void setUp() throws IOException {
        python = Pythons.python("3.11", "3.10");
        links = SetuptoolsLinks.in(tmp, python);
        WheelWriter.wheel("helper", "2.0").file("helper/__init__.py", "NAME = 'helper'\n").writeTo(links);
    }

    private InstallEndToEndTest.Run axle(String... args) {
        return InstallEndToEndTest.Run.withCache(tmp.resolve("cache"), args);
    }

    private InstallEndToEndTest.Run install(Path venv, String... args) {
        List<String> all = new ArrayList<>(List.of("install", "--python", venv.toString(), "--no-index",
                "--find-links", links.toString()));
        all.addAll(List.of(args));
        return axle(all.toArray(String[]::new));
    }

    private Path venv(String name) {
        Path venv = tmp.resolve(name);
        axle("venv", venv.toString(), "--python", python.toString()).ok();
        return venv;
    }

    /** A setuptools project in a src layout, with a console script and a dependency on helper. */
    private Path project(String name) throws IOException {
        Path project = Files.createDirectories(tmp.resolve(name));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "greeter"
                version = "0.3"
                dependencies = ["helper>=1"]

                [project.optional-dependencies]
                loud = []

                [project.scripts]
                greet = "greeter:main"
                """);
        Path pkg = Files.createDirectories(project.resolve("src/greeter"));
        Files.writeString(pkg.resolve("__init__.py"), """
                import helper

                WORD = "hello"

                def main():
                    print(WORD, "from", helper.NAME)
                """);
        return project;
    }

    private static Path sitePackages(Path venv) throws IOException {
        try (Stream<Path> lib = Files.list(venv.resolve("lib"))) {
            return lib.findFirst().orElseThrow().resolve("site-packages");
        }
    }

    private static JsonNode directUrl(Path venv) throws IOException {
        return JSON.readTree(sitePackages(venv).resolve("greeter-0.3.dist-info/direct_url.json").toFile());
    }

    /**
     * {@code -e}: the sources stay in the project folder, and an edit shows without installing
     * again; direct_url.json says {@code dir_info.editable}; axle freeze and list, and pip's
     * freeze, call it editable; uninstalling removes the script and the path hook, not the sources.
     */
    @Test
    void editableInstallImportsFromTheProjectFolderAndUninstallsCleanly() throws Exception {
        Path project = project("greeter");
        Path venv = venv("venv");

        InstallEndToEndTest.Run run = install(venv, "-e", project.toString()).ok();

        assertThat(run.out()).contains("+ greeter==0.3", "+ helper==2.0");
        assertThat(InstallEndToEndTest.run(venv, "import greeter; print(greeter.__file__)").strip())
                .isEqualTo(project.resolve("src/greeter/__init__.py").toString());
        assertThat(script(venv)).isEqualTo("hello from helper");
        Files.writeString(project.resolve("src/greeter/__init__.py"),
                Files.readString(project.resolve("src/greeter/__init__.py")).replace("hello", "goodbye"));
        assertThat(script(venv)).isEqualTo("goodbye from helper");

        JsonNode recorded = directUrl(venv);
        assertThat(recorded.path("url").asText()).isEqualTo("file://" + project);
        assertThat(recorded.path("dir_info").path("editable").asBoolean()).isTrue();
        assertThat(axle("freeze", "--python", venv.toString()).ok().out())
                .contains("# Editable install with no version control (greeter==0.3)\n-e " + project + "\n");
        assertThat(axle("list", "--python", venv.toString(), "--editable").ok().out())
                .containsPattern("greeter +0\\.3 +" + project);
        installPip(venv);
        assertThat(InstallEndToEndTest.pip(venv, "freeze")).contains("-e " + project);

        axle("uninstall", "--python", venv.toString(), "greeter").ok();
        try (Stream<Path> left = Files.list(sitePackages(venv))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("greeter"));
        }
        assertThat(venv.resolve("bin/greet")).doesNotExist();
        assertThat(project.resolve("src/greeter/__init__.py")).isRegularFile();
    }

    /**
     * A project folder without -e is built where it is into a wheel and installed as copies,
     * recorded with an empty {@code dir_info}; installing it again at the same version replaces
     * it, since its files may have changed. A requirements file names a folder relative to itself.
     */
    @Test
    void projectFolderIsBuiltAndInstalledAgainAtTheSameVersion() throws Exception {
        Path project = project("greeter");
        Path venv = venv("venv");

        install(venv, project.toString()).ok();

        assertThat(InstallEndToEndTest.run(venv, "import greeter; print(greeter.__file__)").strip())
                .startsWith(sitePackages(venv).toString());
        assertThat(directUrl(venv).path("dir_info").isObject()).isTrue();
        assertThat(directUrl(venv).path("dir_info").has("editable")).isFalse();
        assertThat(script(venv)).isEqualTo("hello from helper");

        Files.writeString(project.resolve("src/greeter/__init__.py"),
                Files.readString(project.resolve("src/greeter/__init__.py")).replace("hello", "hi again"));
        Path requirements = tmp.resolve("requirements.txt");
        Files.writeString(requirements, "./greeter[loud]\n");
        InstallEndToEndTest.Run again = install(venv, "-r", requirements.toString()).ok();

        assertThat(again.out()).contains("- greeter==0.3", "+ greeter==0.3");
        assertThat(script(venv)).isEqualTo("hi again from helper");
    }

    /** An sdist named by path is built and installed, recorded with the sdist's URL and sha256. */
    @Test
    void sdistByPathIsBuiltAndRecordedWithItsHash() throws Exception {
        Path project = project("greeter");
        axle("build", "--sdist", "--python", python.toString(), "--no-index", "--find-links", links.toString(),
                "-o", tmp.resolve("dist").toString(), project.toString()).ok();
        Path sdist = tmp.resolve("dist/greeter-0.3.tar.gz");
        Path venv = venv("venv");

        install(venv, sdist.toString()).ok();

        assertThat(script(venv)).isEqualTo("hello from helper");
        JsonNode recorded = directUrl(venv);
        assertThat(recorded.path("url").asText()).isEqualTo(sdist.toUri().toString());
        assertThat(recorded.path("archive_info").path("hashes").path("sha256").asText()).isEqualTo(sha256(sdist));
    }

    /**
     * A lock of local projects and sdists (PEP 751): an editable project folder becomes a
     * {@code directory} entry with {@code editable = true}, a path relative to the lock; an sdist
     * by path an {@code archive} with its sha256; an sdist-only project of the find-links folder
     * an {@code sdist} entry. Sync builds each into the environment (the folder editable) and
     * the next sync changes nothing; with --no-build it refuses, naming the entries.
     */
    @Test
    void lockAndSyncLocalProjectsAndSdists() throws Exception {
        Path project = project("greeter");
        Path other = Files.createDirectories(tmp.resolve("other/other"));
        Files.writeString(tmp.resolve("other/pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "other"
                version = "1.2"
                """);
        Files.writeString(other.resolve("__init__.py"), "X = 2\n");
        axle("build", "--sdist", "--python", python.toString(), "--no-index", "--find-links", links.toString(),
                "-o", tmp.resolve("dist").toString(), tmp.resolve("other").toString()).ok();
        Files.writeString(tmp.resolve("other/pyproject.toml"), Files.readString(tmp.resolve("other/pyproject.toml"))
                .replace("\"other\"", "\"sdist-only\"").replace("1.2", "4.0"));
        Files.move(other, tmp.resolve("other/sdist_only"));
        axle("build", "--sdist", "--python", python.toString(), "--no-index", "--find-links", links.toString(),
                "-o", links.toString(), tmp.resolve("other").toString()).ok();
        Path locks = Files.createDirectories(tmp.resolve("locks"));
        Path lock = locks.resolve("pylock.toml");

        axle("lock", "--python", python.toString(), "--no-index", "--find-links", links.toString(), "-o",
                lock.toString(), "-e", project.toString(), tmp.resolve("dist/other-1.2.tar.gz").toString(),
                "sdist-only").ok();

        String text = Files.readString(lock);
        assertThat(text).contains("name = \"greeter\"\nversion = \"0.3\"",
                "directory = { path = \"../greeter\", editable = true }",
                "archive = { path = \"../dist/other-1.2.tar.gz\"", "sha256 = \"" + sha256(tmp.resolve("dist/other-1.2.tar.gz")),
                "name = \"sdist-only\"", "sdist = { url = \"file:");

        Path venv = venv("venv");
        InstallEndToEndTest.Run refused = axle("sync", "--python", venv.toString(), "--no-build", "--no-index",
                "--find-links", links.toString(), lock.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("greeter==0.3: the directory ../greeter", "other==1.2: the archive",
                "sdist-only==4.0: the sdist");

        InstallEndToEndTest.Run synced = axle("sync", "--python", venv.toString(), "--no-index", "--find-links",
                links.toString(), lock.toString()).ok();
        assertThat(synced.out()).contains("+ greeter==0.3", "+ helper==2.0", "+ other==1.2", "+ sdist-only==4.0");
        assertThat(InstallEndToEndTest.run(venv, "import greeter, other; print(greeter.__file__, other.X)").strip())
                .isEqualTo(project.resolve("src/greeter/__init__.py") + " 2");
        assertThat(directUrl(venv).path("dir_info").path("editable").asBoolean()).isTrue();
        assertThat(axle("sync", "--python", venv.toString(), "--no-index", "--find-links", links.toString(),
                lock.toString()).ok().out()).contains("Nothing to change");
    }

    /**
     * What cannot be done is refused before anything changes: -e of something that is not a
     * folder, a folder with --no-build, and -e with a backend that has no PEP 660 hooks.
     */
    @Test
    void refusals() throws Exception {
        Path venv = venv("venv");
        Path project = project("greeter");

        InstallEndToEndTest.Run notFolder = install(venv, "-e", tmp.resolve("nowhere").toString());
        assertThat(notFolder.exitCode()).isNotZero();
        assertThat(notFolder.err()).contains("editable installs (PEP 660) are of project folders",
                "there is no folder " + tmp.resolve("nowhere"));

        InstallEndToEndTest.Run noBuild = install(venv, "--no-build", project.toString());
        assertThat(noBuild.exitCode()).isNotZero();
        assertThat(noBuild.err()).contains(project.toString(), "--no-build");

        Path old = TestProjects.inTreeBackend(tmp, "old", """
                import os, zipfile

                def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                    name = "old-1.0-py3-none-any.whl"
                    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as z:
                        z.writestr("old-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: old\\nVersion: 1.0\\n")
                        z.writestr("old-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
                        z.writestr("old-1.0.dist-info/RECORD", "")
                    return name
                """);
        InstallEndToEndTest.Run noHook = install(venv, "-e", old.toString());
        assertThat(noHook.exitCode()).isNotZero();
        assertThat(noHook.err()).contains("no build_editable hook (PEP 660)");

        assertThat(axle("list", "--python", venv.toString()).ok().out()).doesNotContain("greeter").doesNotContain("old");
    }

    private static String script(Path venv) throws IOException {
        Pythons.Result r = Pythons.run(List.of(venv.resolve("bin/greet").toString()), java.util.Map.of());
        assertThat(r.exitCode()).as("greet: %s", r.output()).isZero();
        return r.output().strip();
    }

    /** pip, from Debian's python3-pip-whl, installed by axle to read what axle installed. */
    private void installPip(Path venv) throws IOException {
        try (Stream<Path> wheels = Files.list(Path.of("/usr/share/python-wheels"))) {
            Path pip = wheels.filter(w -> w.getFileName().toString().startsWith("pip-")).findFirst()
                    .orElseThrow(() -> new org.opentest4j.TestAbortedException("needs Debian's python3-pip-whl"));
            axle("install", "--python", venv.toString(), pip.toString()).ok();
        }
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
