package dev.axle.cli;

import static dev.axle.cli.InstallFromIndexTest.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.axle.cli.InstallEndToEndTest.Run;
import dev.axle.finder.PackageTree;
import dev.axle.finder.PackageTree.Link;
import dev.axle.index.StaticHttpServer;
import dev.axle.installer.Pythons;
import dev.axle.lock.Package;
import dev.axle.lock.PackagingPython;
import dev.axle.lock.Pylock;
import dev.axle.pep.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle lock} against static PEP 503 trees of real wheels served on loopback: a project
 * with extras and dependency groups locked for a named target, read back, checked by
 * packaging 26.3 and installed by pip 26 when they are found.
 */
class LockCommandTest {
    static final String MANYLINUX = "manylinux_2_17_x86_64";
    static final String[] TARGET = {"--python-version", "3.12", "--python-platform", MANYLINUX};

    @TempDir
    static Path shared;

    static StaticHttpServer server;
    static String index;

    @TempDir
    Path tmp;

    int runs;

    @BeforeAll
    static void writeIndex() throws Exception {
        new PackageTree(shared.resolve("tree"))
                .wheel(module("lib", "1.0", ""))
                .wheel(module("lib", "2.0", "Requires-Python: >=3.8\n"))
                .wheel(module("lib", "2.0", "Requires-Python: >=3.8\n").tag("cp312-cp312-" + MANYLINUX))
                .wheel(module("lib", "2.0", "Requires-Python: >=3.8\n").tag("cp312-cp312-win_amd64"))
                .sdist("lib", "2.0", pkgInfo("lib", "2.0", "Requires-Python: >=3.8\n"), Link.plain())
                .wheel(module("winonly", "1.0", ""))
                .wheel(module("fancydep", "1.0", "Provides-Extra: more\nRequires-Dist: shared\n"
                        + "Requires-Dist: extraonly; extra == \"more\"\n"))
                .wheel(module("extraonly", "1.0", ""))
                .wheel(module("shared", "1.0", ""), Link.plain().withoutMetadataFile())
                .wheel(module("tester", "1.0", "Requires-Dist: shared>=1\nRequires-Dist: fancydep[more]\n"
                        + "Requires-Dist: winonly; sys_platform == \"win32\"\n"))
                .wheel(module("linter", "1.0", "Requires-Dist: lintdep\n"))
                .wheel(module("lintdep", "1.0", ""))
                // Only an sdist, with static metadata (PEP 643): lockable.
                .sdist("sdonly", "1.0", pkgInfo("sdonly", "1.0", ""), Link.plain())
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

    static String pkgInfo(String name, String version, String more) {
        return "Metadata-Version: 2.2\nName: " + name + "\nVersion: " + version + "\n" + more + "\n";
    }

    static final String PYPROJECT = """
            [project]
            name = "demo"
            version = "0.1"
            requires-python = ">=3.9"
            dependencies = ["lib>=1.0", "sdonly", "winonly; sys_platform == 'win32'"]

            [project.optional-dependencies]
            Fancy = ["fancydep"]
            both = ["shared", "demo[fancy]"]

            [dependency-groups]
            test = ["tester", {include-group = "lint"}]
            lint = ["linter"]
            """;

    /** Runs axle with a cache of its own per run (nothing carried over between runs but the index). */
    Run axle(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--cache-dir=" + tmp.resolve("cache" + runs++));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    Run lock(Path project, String... more) {
        List<String> args = new ArrayList<>(List.of("lock", "--project", project.toString(), "-i", index,
                "--python", Pythons.python("3.12", "3.11", "3.13").toString()));
        args.addAll(List.of(TARGET));
        args.addAll(List.of(more));
        return axle(args.toArray(String[]::new));
    }

    Path project(String pyproject) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("pyproject.toml"), pyproject);
        return dir;
    }

    static Map<String, Package> byName(Pylock lock) {
        Map<String, Package> out = new LinkedHashMap<>();
        lock.packages().forEach(p -> out.put(p.name().toString(), p));
        return out;
    }

    static String marker(Package p) {
        return p.marker().map(Object::toString).orElse("");
    }

    @Test
    void aProjectIsLockedWithEveryExtraAndGroupEachPackageMarkedWithWhatNeedsIt() throws Exception {
        Path project = project(PYPROJECT);
        lock(project).ok();
        Path file = project.resolve("pylock.toml");
        Pylock lock = Pylock.read(file);
        Map<String, Package> packages = byName(lock);

        assertThat(packages.keySet()).containsExactly("extraonly", "fancydep", "lib", "lintdep", "linter", "sdonly",
                "shared", "tester");
        assertThat(lock.createdBy()).isEqualTo("axle");
        assertThat(lock.lockVersion()).isEqualTo(Version.parse("1.0"));
        assertThat(lock.requiresPython().map(Object::toString)).contains(">=3.9");
        assertThat(lock.extras()).contains(List.of("both", "fancy"));
        assertThat(lock.dependencyGroups()).contains(List.of("lint", "test"));
        assertThat(lock.defaultGroups()).contains(List.of());
        assertThat(lock.environments().orElseThrow()).singleElement().hasToString(
                "sys_platform == \"linux\" and platform_machine == \"x86_64\" and implementation_name == \"cpython\""
                        + " and python_version == \"3.12\"");

        // The base needs lib and sdonly; winonly's marker is false for the target: not locked at all.
        assertThat(marker(packages.get("lib"))).isEmpty();
        assertThat(marker(packages.get("sdonly"))).isEmpty();
        // fancydep: extra fancy, and extra both through demo[fancy]; group test through tester.
        assertThat(marker(packages.get("fancydep")))
                .isEqualTo("\"both\" in extras or \"fancy\" in extras or \"test\" in dependency_groups");
        assertThat(marker(packages.get("shared")))
                .isEqualTo("\"both\" in extras or \"fancy\" in extras or \"test\" in dependency_groups");
        // fancydep[more] is asked for by tester only.
        assertThat(marker(packages.get("extraonly"))).isEqualTo("\"test\" in dependency_groups");
        assertThat(marker(packages.get("linter")))
                .isEqualTo("\"lint\" in dependency_groups or \"test\" in dependency_groups");
        assertThat(marker(packages.get("lintdep")))
                .isEqualTo("\"lint\" in dependency_groups or \"test\" in dependency_groups");

        // Every file of the version on the index, whatever its platform, the sdist too, with hashes.
        Package lib = packages.get("lib");
        assertThat(lib.version()).contains(Version.parse("2.0"));
        assertThat(lib.index()).contains(index);
        assertThat(lib.requiresPython().map(Object::toString)).contains(">=3.8");
        assertThat(lib.wheels().orElseThrow()).extracting(w -> w.filename()).containsExactly(
                "lib-2.0-cp312-cp312-" + MANYLINUX + ".whl", "lib-2.0-cp312-cp312-win_amd64.whl", "lib-2.0-py3-none-any.whl");
        assertThat(lib.wheels().orElseThrow()).allSatisfy(w -> {
            assertThat(w.hashes()).containsOnlyKeys("sha256");
            assertThat(w.url().orElseThrow()).startsWith(index.replace("simple/", "files/"));
        });
        assertThat(lib.sdist().orElseThrow().filename()).isEqualTo("lib-2.0.tar.gz");
        Package sdonly = packages.get("sdonly");
        assertThat(sdonly.wheels()).isEmpty();
        assertThat(sdonly.sdist().orElseThrow().hashes()).containsKey("sha256");
        // Direct dependencies, as name and version.
        assertThat(packages.get("tester").dependencies().orElseThrow()).containsExactly(
                Map.of("name", "fancydep", "version", "1.0"), Map.of("name", "shared", "version", "1.0"));
        assertThat(packages.get("fancydep").dependencies().orElseThrow()).containsExactly(
                Map.of("name", "extraonly", "version", "1.0"), Map.of("name", "shared", "version", "1.0"));

        // The same inputs and index state: the same bytes.
        byte[] first = Files.readAllBytes(file);
        lock(project).ok();
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(Files.list(project).map(p -> p.getFileName().toString())).as("no temporary file left")
                .containsExactlyInAnyOrder("pylock.toml", "pyproject.toml");
    }

    @Test
    void theLockSelectsForTheTargetWithExtrasAndGroups() throws Exception {
        Path project = project(PYPROJECT);
        lock(project).ok();
        Pylock lock = Pylock.read(project.resolve("pylock.toml"));
        var environment = dev.axle.pep.MarkerEnvironment.of(Map.of("sys_platform", "linux", "platform_machine",
                "x86_64", "implementation_name", "cpython", "python_version", "3.12", "python_full_version", "3.12.4"));
        var tags = Stream.of("cp312-cp312-" + MANYLINUX, "py3-none-any")
                .map(t -> dev.axle.pep.Tag.parse(t).iterator().next()).toList();
        assertThat(names(lock.select(environment, tags))).containsExactly("lib", "sdonly");
        assertThat(names(lock.select(environment, tags, List.of("fancy"), Optional.empty(), n -> false)))
                .containsExactly("fancydep", "lib", "sdonly", "shared");
        assertThat(names(lock.select(environment, tags, List.of(), Optional.of(List.of("lint")), n -> false)))
                .containsExactly("lib", "lintdep", "linter", "sdonly");
    }

    static List<String> names(List<dev.axle.lock.SelectedPackage> selected) {
        return selected.stream().map(s -> s.entry().name().toString()).sorted().toList();
    }

    /**
     * A project whose dependencies differ by Python version and platform, locked once with
     * --universal: the lock holds both numpyish versions, each marked with the Pythons it is
     * for, and the Windows-only dependency marked as such; selecting from it for Linux and
     * Windows, Python 3.9 and 3.12, gives what each of those targets needs.
     */
    @Test
    void aUniversalLockServesEveryPlatformAndPython() throws Exception {
        PackageTree tree = new PackageTree(shared.resolve("universal-" + System.nanoTime()))
                .wheel(module("numpyish", "1.0", "Requires-Python: >=3.8\n"))
                .wheel(module("numpyish", "2.0", "Requires-Python: >=3.10\n").tag("cp312-cp312-" + MANYLINUX))
                .wheel(module("numpyish", "2.0", "Requires-Python: >=3.10\n").tag("cp312-cp312-win_amd64"))
                .wheel(module("colorish", "1.0", ""))
                .wheel(module("plotish", "1.0", "Requires-Dist: numpyish\n"))
                .write();
        String url = served(tree);
        Path project = project("""
                [project]
                name = "app"
                version = "0.1"
                requires-python = ">=3.9"
                dependencies = [%s, "colorish; sys_platform == 'win32'"]

                [project.optional-dependencies]
                plot = ["plotish"]
                """.formatted(NUMPYISH_BY_PYTHON));
        axle("lock", "--universal", "--project", project.toString(), "-i", url,
                "--python", Pythons.python("3.12", "3.11", "3.13").toString()).ok();

        Pylock lock = Pylock.read(project.resolve("pylock.toml"));
        assertThat(lock.environments()).isEmpty();
        Map<String, String> markers = new LinkedHashMap<>();
        lock.packages().forEach(p -> markers.put(p.name() + " " + p.version().orElseThrow(), marker(p)));
        assertThat(markers).containsExactly(
                Map.entry("colorish 1.0", "sys_platform == \"win32\""),
                Map.entry("numpyish 1.0", "python_version < \"3.10\""),
                Map.entry("numpyish 2.0", "python_version >= \"3.10\""),
                Map.entry("plotish 1.0", "\"plot\" in extras"));
        assertThat(byName(lock).get("colorish").wheels().orElseThrow()).hasSize(1);

        assertThat(selected(lock, "linux", "3.9.18", List.of())).containsExactly("numpyish 1.0");
        assertThat(selected(lock, "linux", "3.12.4", List.of("plot"))).containsExactly("numpyish 2.0", "plotish 1.0");
        assertThat(selected(lock, "win32", "3.12.4", List.of())).containsExactly("colorish 1.0", "numpyish 2.0");
        assertThat(selected(lock, "win32", "3.9.18", List.of("plot")))
                .containsExactly("colorish 1.0", "numpyish 1.0", "plotish 1.0");
    }

    /**
     * The universal lock of a project whose dependency differs by Python version, synced into
     * a venv of an older and of a newer Python: each gets the version its Python needs, and
     * what every Python needs.
     */
    @Test
    void aUniversalLockSyncsIntoEachPythonWhatItNeeds() throws Exception {
        Map<String, Path> pythons = Pythons.interpreters();
        Optional<String> older = pythons.keySet().stream().filter(v -> minor(v) == 8 || minor(v) == 9).findFirst();
        Optional<String> newer = pythons.keySet().stream().filter(v -> minor(v) >= 10).findFirst();
        assumeTrue(older.isPresent() && newer.isPresent(),
                "needs a Python 3.8 or 3.9 and a Python 3.10 or newer: found " + pythons.keySet());
        PackageTree tree = new PackageTree(shared.resolve("universal-sync-" + System.nanoTime()))
                .wheel(module("numpyish", "1.0", "Requires-Python: >=3.8\n"))
                .wheel(module("numpyish", "2.0", "Requires-Python: >=3.10\n"))
                .wheel(module("helperish", "1.0", "Requires-Dist: numpyish\n"))
                .write();
        String url = served(tree);
        Path project = project("""
                [project]
                name = "app"
                version = "0.1"
                requires-python = ">=3.8"
                dependencies = [%s, "helperish"]
                """.formatted(NUMPYISH_BY_PYTHON));
        axle("lock", "--universal", "--project", project.toString(), "-i", url,
                "--python", pythons.get(newer.get()).toString()).ok();
        Path lock = project.resolve("pylock.toml");

        for (String version : List.of(older.get(), newer.get())) {
            Path venv = tmp.resolve("venv-" + version);
            axle("venv", venv.toString(), "--python", pythons.get(version).toString()).ok();
            axle("sync", "--python", venv.toString(), lock.toString()).ok();
            List<String> installed;
            try (Stream<Path> found = Files.walk(venv.resolve("lib"), 3)) {
                installed = found.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dist-info"))
                        .sorted().toList();
            }
            assertThat(installed).as("Python " + version).containsExactly("helperish-1.0.dist-info",
                    minor(version) >= 10 ? "numpyish-2.0.dist-info" : "numpyish-1.0.dist-info");
        }
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    /** Requirements on numpyish that differ by Python version: the fork universal locks are about. */
    static final String NUMPYISH_BY_PYTHON =
            "\"numpyish>=2; python_version >= '3.10'\", \"numpyish<2; python_version < '3.10'\"";

    /** The index URL of a tree written under the served folder. */
    static String served(PackageTree tree) {
        return server.url(shared.relativize(Path.of(tree.fileIndex())) + "/").toString();
    }

    /** What the lock installs on a platform and Python with these extras (wheels for that target). */
    static List<String> selected(Pylock lock, String platform, String python, List<String> extras) {
        String minor = python.substring(0, python.lastIndexOf('.'));
        String cp = "cp" + minor.replace(".", "");
        var environment = dev.axle.pep.MarkerEnvironment.of(Map.of("sys_platform", platform, "platform_machine",
                "x86_64", "implementation_name", "cpython", "python_version", minor, "python_full_version", python));
        String platformTag = platform.equals("win32") ? "win_amd64" : MANYLINUX;
        var tags = Stream.of(cp + "-" + cp + "-" + platformTag, "py3-none-any")
                .map(t -> dev.axle.pep.Tag.parse(t).iterator().next()).toList();
        return lock.select(environment, tags, extras, Optional.empty(), n -> false).stream()
                .map(s -> s.entry().name() + " " + s.entry().version().orElseThrow()).sorted().toList();
    }

    @Test
    void anExistingLockIsThePreferenceAndUpgradesMoveOnlyWhatIsAsked() throws Exception {
        PackageTree tree = new PackageTree(shared.resolve("moving-" + System.nanoTime()))
                .wheel(module("alpha", "1.0", "")).wheel(module("beta", "1.0", "")).write();
        String moving = served(tree);
        Path out = tmp.resolve("pylock.toml");
        String[] lock = {"lock", "alpha", "beta", "-o", out.toString(), "-i", moving, "--python",
                Pythons.python("3.12", "3.11", "3.13").toString(), TARGET[0], TARGET[1], TARGET[2], TARGET[3]};
        axle(lock).ok();
        assertThat(pins(out)).containsExactly("alpha==1.0", "beta==1.0");
        Pylock first = Pylock.read(out);
        assertThat(first.extras()).isEmpty();
        assertThat(first.requiresPython()).isEmpty();

        tree.wheel(module("alpha", "2.0", "")).wheel(module("beta", "2.0", "")).write();
        axle(lock).ok();
        assertThat(pins(out)).containsExactly("alpha==1.0", "beta==1.0");
        axle(with(lock, "--upgrade-package", "alpha")).ok();
        assertThat(pins(out)).containsExactly("alpha==2.0", "beta==1.0");
        axle(with(lock, "--upgrade")).ok();
        assertThat(pins(out)).containsExactly("alpha==2.0", "beta==2.0");
    }

    /**
     * --no-binary and --only-binary decide which files of a version the lock records (and
     * download saves): later ones override earlier ones, a requirements file's come after the
     * command line's, as in pip, and a project left with no file is named with the option.
     */
    @Test
    void binaryOptionsDecideWhichFilesAreLockedAndDownloaded() throws Exception {
        Path out = tmp.resolve("pylock.toml");
        String python = Pythons.python("3.12", "3.11", "3.13").toString();
        String[] lock = {"lock", "lib", "-o", out.toString(), "-i", index, "--python", python, TARGET[0], TARGET[1],
                TARGET[2], TARGET[3]};
        List<String> wheels = List.of("lib-2.0-cp312-cp312-" + MANYLINUX + ".whl", "lib-2.0-cp312-cp312-win_amd64.whl",
                "lib-2.0-py3-none-any.whl");
        axle(with(lock, "--no-binary", "lib")).ok();
        assertThat(files(out, "lib")).containsExactly("lib-2.0.tar.gz");
        axle(with(lock, "--no-binary", "lib", "--only-binary", ":all:")).ok();
        assertThat(files(out, "lib")).isEqualTo(wheels);
        axle(with(lock, "--only-binary", ":all:", "--no-binary", "lib")).ok();
        assertThat(files(out, "lib")).containsExactly("lib-2.0.tar.gz");
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "--no-binary lib\n");
        axle(with(lock, "--only-binary", ":all:", "-r", requirements.toString())).ok();
        assertThat(files(out, "lib")).containsExactly("lib-2.0.tar.gz");
        axle(with(lock, "--no-binary", ":all:", "--no-binary", ":none:")).ok();
        assertThat(files(out, "lib")).hasSize(4);

        Run refused = axle("lock", "sdonly", "-o", out.toString(), "-i", index, "--python", python, TARGET[0],
                TARGET[1], TARGET[2], TARGET[3], "--only-binary", ":all:");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("sdonly has 1 file but none it may use: sdonly-1.0.tar.gz (--only-binary)");

        Path wheelhouse = tmp.resolve("wheelhouse");
        axle("download", "lib", "-d", wheelhouse.toString(), "-i", index, "--python", python, TARGET[0], TARGET[1],
                TARGET[2], TARGET[3], "--no-binary", ":all:").ok();
        try (Stream<Path> saved = Files.list(wheelhouse)) {
            assertThat(saved.map(f -> f.getFileName().toString())).containsExactly("lib-2.0.tar.gz");
        }
    }

    /** The files the lock records for the package: its wheels, then its sdist. */
    private static List<String> files(Path lock, String name) throws IOException {
        Package p = byName(Pylock.read(lock)).get(name);
        List<String> out = new ArrayList<>();
        p.wheels().orElse(List.of()).forEach(w -> out.add(w.filename()));
        p.sdist().ifPresent(s -> out.add(s.filename()));
        return out;
    }

    @Test
    void anUnreadableLockAtTheOutputIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.writeString(tmp.resolve("pylock.toml"), "lock-version = '1.0'\n");
        Run run = axle("lock", "lib", "-o", out.toString(), "-i", index, "--python",
                Pythons.python("3.12", "3.11", "3.13").toString(), TARGET[0], TARGET[1], TARGET[2], TARGET[3]);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not a valid lock file").contains("--upgrade");
        assertThat(Files.readString(out)).isEqualTo("lock-version = '1.0'\n");
    }

    @Test
    void aTargetOutsideTheProjectsRequiresPythonIsRefused() throws Exception {
        Path project = project(PYPROJECT.replace(">=3.9", ">=3.13"));
        Run run = lock(project);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("requires-python >=3.13").contains("--python-version");
        assertThat(project.resolve("pylock.toml")).doesNotExist();
    }

    @Test
    void packagingAcceptsTheLockAndSelectsAsAxleDoes() throws Exception {
        Optional<Path> python = PackagingPython.find();
        assumeTrue(python.isPresent(), "no Python with packaging >= 26.3 found (set " + PackagingPython.VARIABLE
                + " to one): the check of axle's lock with packaging is skipped");
        Path project = project(PYPROJECT);
        lock(project).ok();
        String script = """
                import sys, tomllib
                from packaging.pylock import Pylock
                lock = Pylock.from_dict(tomllib.load(open(sys.argv[1], "rb")))
                env = {"sys_platform": "linux", "platform_machine": "x86_64", "implementation_name": "cpython",
                       "python_version": "3.12", "python_full_version": "3.12.4", "os_name": "posix",
                       "platform_system": "Linux", "platform_release": "", "platform_version": "",
                       "implementation_version": "3.12.4", "platform_python_implementation": "CPython"}
                from packaging.tags import Tag
                tags = [Tag("cp312", "cp312", "%s"), Tag("py3", "none", "any")]
                for extras, groups in [((), None), (("fancy",), None), ((), ("lint",)), (("both",), ("test",))]:
                    chosen = lock.select(environment=env, tags=tags, extras=extras, dependency_groups=groups)
                    print(",".join(sorted(p.name for p, _ in chosen)))
                """.formatted(MANYLINUX);
        String out = python(python.get(), List.of("-c", script, project.resolve("pylock.toml").toString()), Map.of());
        assertThat(out.lines().toList()).containsExactly(
                "lib,sdonly",
                "fancydep,lib,sdonly,shared",
                "lib,lintdep,linter,sdonly",
                "extraonly,fancydep,lib,lintdep,linter,sdonly,shared,tester");
    }

    /**
     * A lock pip wrote ({@code pip lock}, PEP 751) is synced by axle: the packages it pins are
     * installed from the URLs it gives, their hashes checked.
     */
    @Test
    void axleSyncsALockPipWrote() throws Exception {
        Optional<Path> python = PackagingPython.find().filter(LockCommandTest::hasPip26);
        assumeTrue(python.isPresent(), "no Python with pip >= 26 found (set " + PackagingPython.VARIABLE
                + " to one): syncing a lock pip wrote is skipped");
        Path lock = tmp.resolve("pip-lock").resolve("pylock.toml");
        Files.createDirectories(lock.getParent());
        python(python.get(), List.of("-m", "pip", "lock", "--index-url", index, "-o", lock.toString(), "tester"),
                Map.of("PIP_CONFIG_FILE", "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK", "1"));
        assertThat(Pylock.read(lock).createdBy()).isEqualTo("pip");

        Path venv = tmp.resolve("synced");
        axle("venv", venv.toString(), "--python", python.get().toString()).ok();
        axle("sync", "--python", venv.toString(), lock.toString()).ok();
        List<String> installed;
        try (Stream<Path> found = Files.walk(venv.resolve("lib"), 3)) {
            installed = found.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dist-info")).sorted()
                    .toList();
        }
        assertThat(installed).containsExactly("extraonly-1.0.dist-info", "fancydep-1.0.dist-info",
                "shared-1.0.dist-info", "tester-1.0.dist-info");
    }

    @Test
    void pipInstallsTheLock() throws Exception {
        Optional<Path> python = PackagingPython.find().filter(LockCommandTest::hasPip26);
        assumeTrue(python.isPresent(), "no Python with pip >= 26 and packaging >= 26.3 found (set "
                + PackagingPython.VARIABLE + " to one): pip installing axle's lock is skipped");
        // A project without sdist-only packages: pip would build sdonly from its sdist.
        Path project = project(PYPROJECT.replace(", \"sdonly\"", ""));
        Run run = axle("lock", "--project", project.toString(), "-i", index, "--python", python.get().toString());
        run.ok();
        Path target = tmp.resolve("target");
        python(python.get(), List.of("-m", "pip", "install", "--no-index", "--target", target.toString(),
                "-r", project.resolve("pylock.toml").toString()), Map.of("PIP_CONFIG_FILE", "/dev/null",
                "PIP_NO_INDEX", "1", "PIP_DISABLE_PIP_VERSION_CHECK", "1"));
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dist-info")).sorted())
                    .containsExactly("lib-2.0.dist-info");
        }
    }

    private static boolean hasPip26(Path python) {
        try {
            String version = python(python, List.of("-c", "import pip; print(pip.__version__)"), Map.of()).strip();
            return Version.tryParse(version).filter(v -> v.compareTo(Version.parse("26")) >= 0).isPresent();
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    private static String python(Path python, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(python.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static List<String> pins(Path lock) throws IOException {
        return Pylock.read(lock).packages().stream().map(p -> p.name() + "==" + p.version().orElseThrow()).toList();
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }
}
