package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command line against real interpreters, real venvs and real pip: environments
 * axle makes and changes are environments pip agrees with, and the other way round.
 */
class InstallEndToEndTest {
    @TempDir
    Path tmp;

    Path cache;
    Path python;

    record Run(int exitCode, String out, String err) {
        /** Runs axle with {@code args} in this JVM. */
        static Run of(List<String> args) {
            Transcript t = Transcript.of(args.toArray(String[]::new));
            return new Run(t.exitCode(), t.out(), t.err());
        }

        /** Runs axle with {@code args} in this JVM, the command's cache in {@code cache}. */
        static Run withCache(Path cache, String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add(1, "--cache-dir=" + cache);
            return of(all);
        }

        Run ok() {
            assertThat(exitCode).as("exit code; stderr: %s; stdout: %s", err, out).isZero();
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        python = Pythons.python("3.12", "3.11", "3.13");
    }

    Run axle(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).equals("venv")) {
            all.add(all.get(0).equals("cache") ? 2 : 1, "--cache-dir=" + cache);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static String pip(Path venv, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(venv.resolve("bin/python").toString(), "-m", "pip"));
        command.addAll(List.of(args));
        Pythons.Result r = Pythons.run(command, Map.of());
        assertThat(r.exitCode()).as("pip %s: %s", String.join(" ", args), r.output()).isZero();
        return r.output();
    }

    static String run(Path venv, String code) throws IOException {
        Pythons.Result r = Pythons.run(List.of(venv.resolve("bin/python").toString(), "-c", code), Map.of());
        assertThat(r.exitCode()).as("python -c %s: %s", code, r.output()).isZero();
        return r.output();
    }

    Path venv(String name) {
        Path dir = tmp.resolve(name);
        axle("venv", dir.toString(), "--python", python.toString()).ok();
        return dir;
    }

    Path wheel(WheelWriter w) throws IOException {
        Path dir = tmp.resolve("wheels");
        Files.createDirectories(dir);
        return w.writeTo(dir);
    }

    /**
     * Two wheels of one install that hold the same file: the install fails whole, naming the
     * file and both distributions, and nothing of either is left.
     */
    @Test
    void twoWheelsWithTheSameFileAreRefusedByName() throws IOException {
        Path venv = venv("v");
        Path first = wheel(WheelWriter.wheel("first", "1.0").file("shared/__init__.py", "A = 1\n"));
        Path second = wheel(WheelWriter.wheel("second", "2.0").file("shared/__init__.py", "A = 2\n"));

        Run run = axle("install", "--python", venv.toString(), first.toString(), second.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("shared/__init__.py is in two of the wheels being installed")
                .containsPattern("first 1\\.0 and second 2\\.0|second 2\\.0 and first 1\\.0");
        assertThat(InstallFromIndexTest.installed(venv)).isEmpty();
    }

    @Test
    void pipInstalledByAxleRunsAndAgreesWithAxle() throws IOException {
        Path venv = venv("v");
        Path pipWheel = Pythons.pipWheelFor(python);
        Run install = axle("install", "--python", venv.toString(), pipWheel.toString()).ok();
        assertThat(install.out()).startsWith("Installed 1 package in ").contains(" + pip==");

        // pip itself runs from what axle installed, through axle's launcher and as a module.
        Pythons.Result launcher = Pythons.run(List.of(venv.resolve("bin/pip").toString(), "--version"), Map.of());
        assertThat(launcher.output()).startsWith("pip ").contains(venv.resolve("lib").toString());
        assertThat(pip(venv, "list", "--format=freeze")).isEqualTo(axle("list", "--python", venv.toString(),
                "--format", "freeze").ok().out());
        assertThat(pip(venv, "list")).isEqualTo(axle("list", "--python", venv.toString()).ok().out());
        assertThat(pip(venv, "show", "--files", "pip")).isEqualTo(axle("show", "--python", venv.toString(), "--files",
                "pip").ok().out());
        assertThat(pip(venv, "check")).isEqualTo(axle("check", "--python", venv.toString()).ok().out());
        assertThat(pip(venv, "freeze", "--all")).isEqualTo(axle("freeze", "--python", venv.toString(), "--all").ok().out());
        Path distInfo = onlyDistInfo(venv, "pip-");
        assertThat(Files.readString(distInfo.resolve("INSTALLER"))).isEqualTo("axle\n");
        assertThat(distInfo.resolve("REQUESTED")).exists();
        assertThat(Files.readString(distInfo.resolve("direct_url.json"))).contains("\"url\":\"file://");

        // pip uninstalls what axle installed, by axle's RECORD: nothing is left.
        pip(venv, "uninstall", "-y", "pip");
        assertThat(sitePackages(venv)).isEmptyDirectory();
        assertThat(venv.resolve("bin/pip")).doesNotExist();
    }

    /** Debian's own wheels (python3-pip-whl, -setuptools-whl, -wheel-whl) into a venv of Debian's python3. */
    @Test
    void debiansWheelsInstallIntoAVenvOfDebiansPythonAndPipAgrees() throws IOException {
        Path debian = Path.of("/usr/bin/python3");
        List<Path> wheels;
        try (var found = Files.list(Path.of("/usr/share/python-wheels"))) {
            wheels = found.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            wheels = List.of();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(debian) && wheels.size() >= 2,
                "needs /usr/bin/python3 and Debian's python3-*-whl packages (.ci/run installs them)");
        python = debian;
        Path venv = venv("deb");
        List<String> args = new ArrayList<>(List.of("install", "--python", venv.toString()));
        wheels.forEach(w -> args.add(w.toString()));
        Run install = axle(args.toArray(String[]::new)).ok();
        assertThat(install.out()).startsWith("Installed " + wheels.size() + " packages in ");

        assertThat(pip(venv, "list")).isEqualTo(axle("list", "--python", venv.toString()).ok().out());
        assertThat(pip(venv, "check")).isEqualTo(axle("check", "--python", venv.toString()).ok().out())
                .isEqualTo("No broken requirements found.\n");
        assertThat(pip(venv, "show", "setuptools")).isEqualTo(axle("show", "--python", venv.toString(), "setuptools").ok().out());
        if (Files.exists(venv.resolve("bin/wheel"))) {
            Pythons.Result wheelVersion = Pythons.run(List.of(venv.resolve("bin/wheel").toString(), "version"), Map.of());
            assertThat(wheelVersion.output()).startsWith("wheel ");
        }
        // setuptools warns on stderr (merged here) that it replaces distutils: real behaviour, not ours.
        assertThat(run(venv, "import setuptools, pip; print('ok')")).endsWith("ok\n");

        axle("uninstall", "--python", venv.toString(), "setuptools").ok();
        assertThat(pip(venv, "list", "--format=freeze")).doesNotContain("setuptools");
        assertThat(sitePackages(venv).resolve("setuptools")).doesNotExist();
        assertThat(sitePackages(venv).resolve("pkg_resources")).doesNotExist();
    }

    @Test
    void axleReadsAndUninstallsWhatPipInstalled() throws IOException {
        Path venv = tmp.resolve("pv");
        Pythons.check(python.toString(), "-m", "venv", venv.toString());
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0")
                .file("alpha/__init__.py", "def main():\n    print('alpha says hi')\n")
                .consoleScript("alpha", "alpha:main")
                .metadataLines("Requires-Dist: beta>=2\n"));
        pip(venv, "install", "--no-deps", alpha.toString());
        Run check = axle("check", "--python", venv.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).isEqualTo("alpha 1.0 requires beta, which is not installed.\n");
        assertThat(axle("list", "--python", venv.toString()).ok().out()).isEqualTo(pip(venv, "list"));
        assertThat(axle("freeze", "--python", venv.toString()).ok().out()).isEqualTo(pip(venv, "freeze"));

        Run uninstall = axle("uninstall", "--python", venv.toString(), "alpha").ok();
        assertThat(uninstall.out()).contains(" - alpha==1.0");
        assertThat(venv.resolve("bin/alpha")).doesNotExist();
        assertThat(pip(venv, "list", "--format=freeze")).doesNotContain("alpha");
        assertThat(sitePackages(venv).resolve("alpha")).doesNotExist();
    }

    /**
     * The case this project was born from: a plugin project ships a module into another
     * project's {@code twisted/plugins/} folder. Both install side by side, the plugin is found,
     * and uninstalling either leaves the other's files.
     */
    @Test
    void pluginsInAnotherProjectsPackageInstallAndUninstallSideBySide() throws IOException {
        Path venv = venv("tw");
        Path twisted = wheel(WheelWriter.wheel("twisted", "24.0")
                .file("twisted/__init__.py", "")
                .file("twisted/plugin.py", """
                        import pkgutil
                        import twisted.plugins
                        def names():
                            return sorted(m.name for m in pkgutil.iter_modules(twisted.plugins.__path__))
                        """)
                .file("twisted/plugins/__init__.py", "from pkgutil import extend_path\n__path__ = extend_path(__path__, __name__)\n")
                .file("twisted/plugins/twisted_core.py", "NAME = 'core'\n"));
        Path daphne = wheel(WheelWriter.wheel("daphne", "4.1")
                .file("daphne/__init__.py", "")
                .file("twisted/plugins/fd_endpoint.py", "NAME = 'fd'\n")
                .metadataLines("Requires-Dist: twisted>=22\n"));
        axle("install", "--python", venv.toString(), twisted.toString(), daphne.toString()).ok();
        assertThat(run(venv, "import twisted.plugin; print(twisted.plugin.names())"))
                .isEqualTo("['fd_endpoint', 'twisted_core']\n");
        Path plugins = sitePackages(venv).resolve("twisted/plugins");

        axle("uninstall", "--python", venv.toString(), "daphne").ok();
        assertThat(plugins.resolve("fd_endpoint.py")).doesNotExist();
        assertThat(plugins.resolve("__init__.py")).exists();
        assertThat(plugins.resolve("twisted_core.py")).exists();
        assertThat(run(venv, "import twisted.plugin; print(twisted.plugin.names())")).isEqualTo("['twisted_core']\n");

        axle("install", "--python", venv.toString(), daphne.toString()).ok();
        axle("uninstall", "--python", venv.toString(), "twisted").ok();
        assertThat(plugins.resolve("fd_endpoint.py")).exists();
        assertThat(plugins.resolve("twisted_core.py")).doesNotExist();
        assertThat(plugins.resolve("__init__.py")).doesNotExist();
        assertThat(pip(venvWithPip(venv), "show", "-f", "daphne")).contains("twisted/plugins/fd_endpoint.py");
    }

    /**
     * An upgrade in which a file moves from one distribution to another: A 2.0 no longer ships
     * {@code shared/mod.py}, B 1.0 now does. Installed in one command, the file is there with
     * B's content, and removing A later leaves it.
     */
    @Test
    void aFileThatMovesToAnotherDistributionInOneCommandStaysAndBelongsToIt() throws IOException {
        Path venv = venv("mv");
        Path a1 = wheel(WheelWriter.wheel("a", "1.0").file("a/__init__.py", "").file("shared/mod.py", "OWNER = 'a'\n"));
        axle("install", "--python", venv.toString(), a1.toString()).ok();
        Path a2 = wheel(WheelWriter.wheel("a", "2.0").file("a/__init__.py", "VERSION = 2\n"));
        Path b1 = wheel(WheelWriter.wheel("b", "1.0").file("b/__init__.py", "").file("shared/mod.py", "OWNER = 'b'\n"));
        Run upgrade = axle("install", "--python", venv.toString(), a2.toString(), b1.toString()).ok();
        assertThat(upgrade.out()).contains(" - a==1.0", " + a==2.0", " + b==1.0");
        assertThat(run(venv, "import shared.mod, a; print(shared.mod.OWNER, a.VERSION)")).isEqualTo("b 2\n");
        axle("uninstall", "--python", venv.toString(), "a").ok();
        assertThat(run(venv, "import shared.mod; print(shared.mod.OWNER)")).isEqualTo("b\n");
        assertThat(onlyDistInfo(venv, "a-")).isNull();
    }

    @Test
    void aMissingDependencyStopsTheInstallBeforeAnythingChanges() throws IOException {
        Path venv = venv("deps");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", "")
                .metadataLines("Requires-Dist: beta>=2\nRequires-Dist: gamma; python_version < '3'\n"));
        Map<String, String> before = Trees.snapshot(venv);
        Run refused = axle("install", "--python", venv.toString(), alpha.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("alpha 1.0 requires beta>=2, which is neither installed nor given")
                .doesNotContain("gamma").contains("--no-deps");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
        axle("install", "--python", venv.toString(), "--no-deps", alpha.toString()).ok();
        Path beta = wheel(WheelWriter.wheel("beta", "1.5").file("beta.py", ""));
        Run conflict = axle("install", "--python", venv.toString(), beta.toString());
        assertThat(conflict.exitCode()).isZero();
        assertThat(axle("check", "--python", venv.toString()).out())
                .isEqualTo("alpha 1.0 has requirement beta>=2, but you have beta 1.5.\n");
    }

    @Test
    void dryRunAndAlreadyInstalledChangeNothing() throws IOException {
        Path venv = venv("dry");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", ""));
        Map<String, String> before = Trees.snapshot(venv);
        assertThat(axle("install", "--python", venv.toString(), "--dry-run", alpha.toString()).ok().out())
                .isEqualTo("Would install 1 package\n + alpha==1.0\n");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
        axle("install", "--python", venv.toString(), alpha.toString()).ok();
        Map<String, String> installed = Trees.snapshot(venv);
        assertThat(axle("install", "--python", venv.toString(), alpha.toString()).ok().out())
                .contains(" = alpha==1.0 (already installed");
        assertThat(Trees.snapshot(venv)).isEqualTo(installed);
        assertThat(axle("install", "--python", venv.toString(), "--reinstall", alpha.toString()).ok().out())
                .contains(" - alpha==1.0", " + alpha==1.0");
        assertThat(Trees.snapshot(venv)).isEqualTo(installed);
    }

    @Test
    void compileWritesBytecodeRecordedInRecord() throws IOException {
        Path venv = venv("pyc");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha/__init__.py", "X = 1\n")
                .file("alpha/broken.py", "def (:\n"));
        axle("install", "--python", venv.toString(), "--compile", alpha.toString()).ok();
        String record = Files.readString(onlyDistInfo(venv, "alpha-").resolve("RECORD"));
        String tag = run(venv, "import sys; print(sys.implementation.cache_tag)").strip();
        assertThat(record).contains("alpha/__pycache__/__init__." + tag + ".pyc,sha256=")
                .doesNotContain("broken." + tag);
        assertThat(sitePackages(venv).resolve("alpha/__pycache__/__init__." + tag + ".pyc")).isRegularFile();
        axle("uninstall", "--python", venv.toString(), "alpha").ok();
        assertThat(sitePackages(venv).resolve("alpha")).doesNotExist();
    }

    @Test
    void targetFolderInstallsAndLists() throws IOException {
        Path target = tmp.resolve("target");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", "X = 1\n").consoleScript("alpha", "alpha:main"));
        axle("install", "--python", python.toString(), "--target", target.toString(), alpha.toString()).ok();
        assertThat(target.resolve("alpha.py")).isRegularFile();
        assertThat(target.resolve("bin/alpha")).isRegularFile();
        assertThat(axle("list", "--python", python.toString(), "--target", target.toString()).ok().out())
                .contains("alpha   1.0");
        Pythons.Result imported = Pythons.run(List.of(python.toString(), "-c", "import alpha; print(alpha.X)"),
                Map.of("PYTHONPATH", target.toString()));
        assertThat(imported.output()).isEqualTo("1\n");
    }

    @Test
    void externallyManagedInterpreterIsRefusedWithWhatToDoInstead() throws IOException {
        Path debian = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(debian), "no /usr/bin/python3");
        String stdlib = Pythons.check(debian.toString(), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))").strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of(stdlib, "EXTERNALLY-MANAGED")),
                "/usr/bin/python3 is not externally managed here");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", ""));
        Run refused = axle("install", "--python", debian.toString(), alpha.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("externally managed").contains("axle venv").contains("--break-system-packages");
        Run user = axle("install", "--python", debian.toString(), "--user", alpha.toString());
        assertThat(user.exitCode()).isEqualTo(1);
        assertThat(user.err()).contains("externally managed");
    }

    /** --user in a child process with its own HOME and PATH: the warning names the folder and the line to add. */
    @Test
    void userInstallWarnsWhenItsScriptsFolderIsNotOnPath() throws Exception {
        String stdlib = Pythons.check(python.toString(), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))").strip();
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of(stdlib, "EXTERNALLY-MANAGED")),
                "the only Python found is externally managed");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", "def main():\n    print('hi')\n")
                .consoleScript("alpha-cli", "alpha:main"));
        Path bin = home.resolve(".local/bin");

        Pythons.Result first = child(home, "/usr/bin:/bin", "install", "--python", python.toString(), "--user", alpha.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(bin.resolve("alpha-cli")).isExecutable();
        assertThat(first.output()).contains("warning: The scripts folder " + bin + " is not on PATH")
                .contains("export PATH=\"$HOME/.local/bin:$PATH\"");

        Pythons.Result second = child(home, bin + ":/usr/bin:/bin", "install", "--python", python.toString(), "--user",
                "--reinstall", alpha.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("not on PATH");
        Pythons.Result uninstall = child(home, "/usr/bin:/bin", "uninstall", "--python", python.toString(), "--user", "alpha");
        assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
        assertThat(bin.resolve("alpha-cli")).doesNotExist();
    }

    /** axle in a child JVM with HOME and PATH of its own; stdout and stderr together. */
    Pythons.Result child(Path home, String path, String... args) throws IOException {
        List<String> command = InstallFaultTest.childAxle(args);
        command.add(command.indexOf(args[0]) + 1, "--cache-dir=" + cache);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PATH", path);
        builder.environment().remove("PYTHONUSERBASE");
        builder.environment().remove("VIRTUAL_ENV");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return new Pythons.Result(p.exitValue(), output);
    }

    /**
     * Started as bin/axle starts it (quick compiler only), the CLI hands wheels the cache lacks
     * to a second JVM once they come to 8 MB; what gets installed, and how a bad wheel is
     * refused, are the same as when it unpacks them itself.
     */
    @Test
    void bigWheelsMissingFromTheCacheAreUnpackedInASecondJvm() throws IOException {
        byte[] noise = new byte[9 << 20]; // incompressible, so the wheel file itself is 9 MB
        new java.util.Random(7).nextBytes(noise);
        Path big = wheel(WheelWriter.wheel("big", "1.0").file("big/__init__.py", "N = 1\n").file("big/blob.bin", noise)
                .consoleScript("big-cli", "big:main"));
        Path other = wheel(WheelWriter.wheel("other", "1.0").file("other/blob.bin", noise));
        Path corrupt = wheel(WheelWriter.wheel("corrupt", "1.0").file("corrupt/blob.bin", noise)
                .recordLine("corrupt/blob.bin", WheelWriter.hash(new byte[1]), Integer.toString(noise.length)));
        Path venv = venv("big");
        Path home = Files.createDirectories(tmp.resolve("home"));
        String path = System.getenv("PATH");

        Pythons.Result refused = child(home, path, "install", "-v", "--python", venv.toString(), other.toString(),
                corrupt.toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("in a second JVM")
                .contains("error: corrupt-1.0-py3-none-any.whl: corrupt/blob.bin: does not match its RECORD hash");
        assertThat(venv.resolve("lib")).isDirectoryNotContaining("glob:**/other*");

        Pythons.Result installed = child(home, path, "install", "-v", "--python", venv.toString(), big.toString());
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.output()).contains("unpacked 1 wheel (9 MB) into the cache in a second JVM");
        assertThat(run(venv, "import big, pathlib; print(big.N, pathlib.Path(big.__file__).parent.joinpath('blob.bin').stat().st_size)"))
                .isEqualTo("1 " + noise.length + "\n");
        assertThat(venv.resolve("bin/big-cli")).isExecutable();
        assertThat(axle("show", "--python", venv.toString(), "--files", "big").ok().out()).contains("big/blob.bin");
    }

    @Test
    void cacheCommandsShowCleanAndPrune() throws IOException {
        Path venv = venv("cv");
        Path alpha = wheel(WheelWriter.wheel("alpha", "1.0").file("alpha.py", ""));
        axle("install", "--python", venv.toString(), alpha.toString()).ok();
        assertThat(axle("cache", "dir").ok().out()).isEqualTo(cache + "\n");
        assertThat(cache.resolve("wheels-v1")).isDirectory();
        assertThat(axle("cache", "prune").ok().out()).startsWith("Removed 0 unfinished entries");
        assertThat(axle("cache", "clean").ok().out()).startsWith("Removed ");
        assertThat(cache).doesNotExist();
        // The environment does not depend on the cache: its files are links or copies.
        assertThat(run(venv, "import alpha; print('ok')")).isEqualTo("ok\n");
        axle("install", "--python", venv.toString(), "--reinstall", alpha.toString()).ok();
    }

    /** A venv with pip in it, for pip's view of an environment axle made (pip from the interpreter's ensurepip). */
    Path venvWithPip(Path venv) throws IOException {
        axle("install", "--python", venv.toString(), "--no-deps", Pythons.pipWheelFor(python).toString()).ok();
        return venv;
    }

    static Path sitePackages(Path venv) throws IOException {
        try (var libs = Files.list(venv.resolve("lib"))) {
            return libs.findFirst().orElseThrow().resolve("site-packages");
        }
    }

    static Path onlyDistInfo(Path venv, String prefix) throws IOException {
        try (var entries = Files.list(sitePackages(venv))) {
            List<Path> found = entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".dist-info")).toList();
            assertThat(found.size()).isLessThanOrEqualTo(1);
            return found.isEmpty() ? null : found.get(0);
        }
    }
}
