package dev.axle.cli;

import static dev.axle.cli.InstallEndToEndTest.onlyDistInfo;
import static dev.axle.cli.InstallEndToEndTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.cli.InstallEndToEndTest.Run;
import dev.axle.finder.PackageTree;
import dev.axle.finder.PackageTree.Link;
import dev.axle.index.StaticHttpServer;
import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle install} resolving against a static PEP 503 index served on loopback by
 * {@code python3 -m http.server}, into fresh venvs of a real interpreter.
 */
class InstallFromIndexTest {
    @TempDir
    static Path shared;

    static PackageTree tree;
    static StaticHttpServer server;
    static String index;

    @TempDir
    Path tmp;

    Path cache;
    Path python;

    @BeforeAll
    static void writeIndex() throws Exception {
        tree = new PackageTree(shared.resolve("tree"))
                .wheel(module("app", "1.0", """
                        Provides-Extra: fancy
                        Requires-Dist: lib>=1.0
                        Requires-Dist: newpy>=1.0; python_version >= "3.8"
                        Requires-Dist: winonly; sys_platform == "win32"
                        Requires-Dist: fancydep; extra == "fancy"
                        """))
                .wheel(module("lib", "1.0", ""))
                .wheel(module("lib", "1.1", ""), Link.plain().withoutMetadataFile())
                .wheel(module("lib", "2.0", ""))
                .wheel(module("newpy", "0.9", ""))
                .wheel(module("newpy", "1.0", ""))
                .wheel(module("winonly", "1.0", ""))
                .wheel(module("fancydep", "1.0", ""), Link.plain().withoutMetadataFile())
                .wheel(module("preview", "1.0", ""))
                .wheel(module("preview", "2.0b1", ""))
                .wheel(module("strict", "1.0", "Requires-Dist: lib>=2\n"))
                .write();
        server = StaticHttpServer.serve(shared);
        index = server.url("tree/simple/").toString();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** A wheel with module {@code name} whose {@code VERSION} is its version. */
    static WheelWriter module(String name, String version, String metadata) {
        return WheelWriter.wheel(name, version).file(name + "/__init__.py", "VERSION = '" + version + "'\n")
                .metadataLines(metadata);
    }

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        python = Pythons.python("3.12", "3.11", "3.13");
    }

    Run axle(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--cache-dir=" + cache);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    Path venv(String name) {
        Path dir = tmp.resolve(name);
        Run made = axle("venv", dir.toString(), "--python", python.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return dir;
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** The installed projects as name==version, from their dist-info folders. */
    static List<String> installed(Path venv) throws IOException {
        try (var entries = Files.list(InstallEndToEndTest.sitePackages(venv))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dist-info"))
                    .map(n -> n.substring(0, n.length() - ".dist-info".length()).replaceFirst("-", "=="))
                    .sorted().toList();
        }
    }

    @Test
    void requirementsWithExtrasMarkersConstraintsAndOverridesInstallIntoAFreshVenv() throws IOException {
        Path venv = venv("v");
        Path requirements = file("requirements.txt", "app[fancy]  # extras\npreview\n");
        Path constraints = file("constraints.txt", "lib<2\n");
        Path overrides = file("overrides.txt", "newpy==0.9\n");
        Run install = axle("install", "--python", venv.toString(), "--index-url", index, "-r", requirements.toString(),
                "-c", constraints.toString(), "--override", overrides.toString()).ok();
        assertThat(install.out()).contains(" + app==1.0", " + lib==1.1", " + newpy==0.9", " + fancydep==1.0",
                " + preview==1.0");
        assertThat(installed(venv)).containsExactly("app==1.0", "fancydep==1.0", "lib==1.1", "newpy==0.9", "preview==1.0");
        assertThat(run(venv, "import app, lib, newpy, fancydep, preview; print(lib.VERSION, newpy.VERSION, preview.VERSION)"))
                .isEqualTo("1.1 0.9 1.0\n");
        for (String project : List.of("app", "lib", "newpy", "fancydep", "preview")) {
            Path distInfo = onlyDistInfo(venv, project + "-");
            assertThat(Files.readString(distInfo.resolve("INSTALLER"))).isEqualTo("axle\n");
            assertThat(distInfo.resolve("REQUESTED").toFile().exists()).as("REQUESTED of " + project)
                    .isEqualTo(project.equals("app") || project.equals("preview"));
        }
    }

    @Test
    void preLowestAndDryRunChangeNothingButShowThePlan() throws IOException {
        Path venv = venv("dry");
        Map<String, String> before = Trees.snapshot(venv);
        assertThat(axle("install", "--python", venv.toString(), "-i", index, "--dry-run", "--pre", "preview").ok().out())
                .isEqualTo("Would install 1 package\n + preview==2.0b1\n");
        assertThat(axle("install", "--python", venv.toString(), "-i", index, "--dry-run", "preview>=2.0b1").ok().out())
                .contains(" + preview==2.0b1");
        assertThat(axle("install", "--python", venv.toString(), "-i", index, "--dry-run", "--resolution", "lowest", "app")
                .ok().out()).contains(" + app==1.0", " + lib==1.0", " + newpy==1.0");
        assertThat(axle("install", "--python", venv.toString(), "-i", index, "--dry-run", "app").ok().out())
                .contains(" + lib==2.0", " + newpy==1.0").doesNotContain("winonly", "fancydep");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    @Test
    void whatIsInstalledStaysUnlessUpgraded() throws IOException {
        Path venv = venv("keep");
        axle("install", "--python", venv.toString(), "-i", index, "lib==1.0", "newpy==0.9").ok();
        Map<String, String> before = Trees.snapshot(venv);
        Run again = axle("install", "--python", venv.toString(), "-i", index, "lib", "newpy").ok();
        assertThat(again.out()).startsWith("Nothing to install: what the requirements need is installed already").doesNotContain(" + ");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);

        Run one = axle("install", "--python", venv.toString(), "-i", index, "lib", "newpy", "--upgrade-package", "lib").ok();
        assertThat(one.out()).contains(" - lib==1.0", " + lib==2.0").doesNotContain("newpy");
        assertThat(installed(venv)).containsExactly("lib==2.0", "newpy==0.9");

        axle("install", "--python", venv.toString(), "-i", index, "-U", "lib", "newpy").ok();
        assertThat(installed(venv)).containsExactly("lib==2.0", "newpy==1.0");
    }

    @Test
    void anUnsatisfiableSetExitsOneNamingTheConflict() throws IOException {
        Path venv = venv("bad");
        Map<String, String> before = Trees.snapshot(venv);
        Run refused = axle("install", "--python", venv.toString(), "-i", index, "strict", "lib<2");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("no solution").contains("strict which depends on lib>=2")
                .contains("your request depends on lib<2");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    @Test
    void findLinksWithoutAnyIndexNeedNoServer() throws IOException {
        Path venv = venv("links");
        Path wheels = Files.createDirectories(tmp.resolve("wheels"));
        module("solo", "1.0", "Requires-Dist: buddy>=2\n").writeTo(wheels);
        module("buddy", "1.0", "").writeTo(wheels);
        module("buddy", "2.0", "").writeTo(wheels);
        axle("install", "--python", venv.toString(), "--no-index", "--find-links", wheels.toString(), "solo").ok();
        assertThat(installed(venv)).containsExactly("buddy==2.0", "solo==1.0");
        assertThat(run(venv, "import solo, buddy; print(buddy.VERSION)")).isEqualTo("2.0\n");
    }
}
