package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.DirectUrl;
import dev.axle.pep.MarkerEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * list, freeze, show and check against real pip in a real virtual environment holding wheels
 * installed by pip (from a folder and by file path), hand-edited {@code direct_url.json}
 * files (editable, directory, VCS), a setuptools {@code .egg-info}, a distutils
 * {@code .egg-info} file, a {@code setup.py develop} egg-link, a wheel for another platform,
 * a build tag, and a second path folder (added by a {@code .pth} file) that shadows one
 * project and adds another. Outputs must be identical, byte for byte.
 */
class PipReportsTest {
    @TempDir
    static Path temp;
    static TestVenv venv;
    static Path extraFolder;
    static InstalledDistributions installed;
    static MarkerEnvironment environment;

    @BeforeAll
    static void makeEnvironment() {
        venv = TestVenv.create(temp);
        Path wheels = temp.resolve("wheels");
        write(wheels.resolve(".keep"), "");
        TestWheel.of("baz", "1.5").file("baz.py", "B = 1\n")
                .meta("Summary: A baz").meta("Home-page: https://baz.example").meta("Author: Baz Author")
                .meta("Author-email: baz@example.org").meta("License: MIT").write(wheels);
        TestWheel.of("Foo_Bar", "1.0").file("foo_bar/__init__.py", "").file("foo_bar/sub/mod.py", "M = 2\n")
                .requires("baz>=2", "qux; python_version < \"3\"", "Missing-Dep[x]>=1", "extraonly; extra == \"test\"",
                        "twisted>=1.0; python_version >= \"3\"", "baz[speed]>=1.0 ; sys_platform != \"nonexistent\"")
                .meta("Summary: Foo and bar").meta("Project-URL: Home_Page, https://foo.example")
                .meta("Project-URL: Source, https://src.example/foo").meta("Classifier: Programming Language :: Python")
                .write(wheels);
        TestWheel.of("twisted", "1.0").metadataVersion("2.4").meta("License-Expression: MIT OR Apache-2.0")
                .file("twisted/plugins/__init__.py", "").file("twisted/plugins/a.py", "A = 1\n")
                .entryPoints("[console_scripts]\ntwistd = twisted.plugins.a:main\n").write(wheels);
        TestWheel.of("plug", "1.0").file("twisted/plugins/__init__.py", "")
                .file("twisted/plugins/fd_endpoint.py", "E = 1\n").requires("Twisted>=0.5").write(wheels);
        TestWheel.of("alpha", "2.0rc1").file("alpha.py", "").requires("baz<2,>=1.0rc1").write(wheels);
        TestWheel.of("gamma", "1.0").file("gamma.py", "")
                .requires("alpha>=2", "alpha!=2.0rc1; extra == \"x\"", "zeta>=2").write(wheels);
        TestWheel.of("foreign", "1.0").file("foreign.py", "").write(wheels);
        TestWheel.of("edpkg", "0.1").file("edpkg.py", "").write(wheels);
        TestWheel.of("dirpkg", "0.2").file("dirpkg.py", "").write(wheels);
        TestWheel.of("vcspkg", "0.3").file("vcspkg.py", "").write(wheels);
        Path fileWheel = TestWheel.of("filepkg", "0.4").file("filepkg.py", "").write(temp);
        venv.pipOk("install", "--no-deps", "--find-links", wheels.toString(), "baz", "Foo_Bar", "twisted", "plug",
                "alpha", "gamma", "foreign", "edpkg", "dirpkg", "vcspkg");
        venv.pipOk("install", "--no-deps", fileWheel.toString());

        Path site = venv.sitePackages();
        InstalledDistributions first = venv.installed();
        write(first.get("foreign").orElseThrow().metadataDirectory().resolve("WHEEL"),
                "Wheel-Version: 1.0\nGenerator: axle-test\nRoot-Is-Purelib: true\nTag: cp27-cp27m-win32\n");
        Path project = temp.resolve("my project");
        write(project.resolve("pyproject.toml"), "");
        TestEnvironments.directUrl(first.get("edpkg").orElseThrow(), DirectUrl.directory(project, true).toJson());
        TestEnvironments.directUrl(first.get("dirpkg").orElseThrow(),
                DirectUrl.directory(temp.resolve("dirpkg-src"), false).toJson());
        TestEnvironments.directUrl(first.get("vcspkg").orElseThrow(),
                DirectUrl.vcs("git", "https://user:secret@git.example/vcs.git", "0123abcd", Optional.of("main"))
                        .withSubdirectory("python").toJson());
        TestEnvironments.legacyEggInfo(site);
        TestEnvironments.distutilsEggInfo(site);
        TestEnvironments.eggLinkInstall(site, temp.resolve("devpkg-src"));

        // A second folder on the path: it shadows baz and adds zeta.
        extraFolder = temp.resolve("extra");
        write(site.resolve("extra.pth"), extraFolder + "\n");
        write(extraFolder.resolve("baz-9.0.dist-info/METADATA"), "Metadata-Version: 2.1\nName: baz\nVersion: 9.0\n");
        write(extraFolder.resolve("zeta-1.0.dist-info/METADATA"), "Metadata-Version: 2.1\nName: zeta\nVersion: 1.0\n");

        installed = InstalledDistributions.read(List.of(site, extraFolder));
        environment = venv.markerEnvironment();
    }

    @Test
    void findsEveryKindOfInstall() {
        assertThat(installed.all()).extracting(d -> d.name().toString()).containsExactly("alpha", "baz", "devpkg", "dirpkg", "distpkg", "edpkg", "filepkg", "foo-bar", "foreign", "gamma", "legacy-pkg", "pip",
                "plug", "twisted", "vcspkg", "zeta");
        assertThat(installed.shadowed()).extracting(InstalledDistribution::toString)
                .containsExactly("baz 9.0 (" + extraFolder + ")");
        InstalledDistribution dev = installed.get("DevPkg").orElseThrow();
        assertThat(dev.kind()).isEqualTo(InstalledDistribution.Kind.EGG_LINK);
        assertThat(dev.location()).isEqualTo(temp.resolve("devpkg-src"));
        assertThat(dev.editableLocation()).contains(temp.resolve("devpkg-src"));
        assertThat(installed.get("distpkg").orElseThrow().metadataIsFile()).isTrue();
        assertThat(installed.get("legacy_pkg").orElseThrow().requiresText()).containsExactly("baz>=1",
                "notthere>=1 ; python_version >= \"3\"", "enum34 ; python_version < \"3\"",
                "pytest ; extra == \"test-extra\"", "uvloop ; (sys_platform == \"linux\") and extra == \"fancy\"");
        InstalledDistribution fooBar = installed.get("foo.bar").orElseThrow();
        assertThat(fooBar.displayName()).isEqualTo("Foo_Bar");
        assertThat(fooBar.installer()).contains("pip");
        assertThat(fooBar.requested()).isTrue();
        assertThat(fooBar.dependencies(environment)).extracting(Object::toString).containsExactly("baz>=2",
                "Missing-Dep[x]>=1", "twisted>=1.0; python_version >= \"3\"",
                "baz[speed]>=1.0; sys_platform != \"nonexistent\"");
        assertThat(installed.get("vcspkg").orElseThrow().directUrl().orElseThrow().url())
                .isEqualTo("https://git.example/vcs.git");
    }

    static Stream<List<String>> listOptions() {
        return Stream.of(List.of(), List.of("-v"), List.of("--format", "freeze"), List.of("--format", "freeze", "-v"),
                List.of("--format", "json"), List.of("--format", "json", "-v"), List.of("--editable"),
                List.of("--exclude-editable"), List.of("--not-required"),
                List.of("--exclude", "baz", "--exclude", "Foo.Bar"), List.of("--editable", "--format", "json"));
    }

    @ParameterizedTest
    @MethodSource("listOptions")
    void listIsPipList(List<String> args) {
        PackageList.Options options = PackageList.Options.defaults();
        PackageList.Format format = PackageList.Format.COLUMNS;
        boolean verbose = false;
        boolean editable = false;
        boolean excludeEditable = false;
        boolean notRequired = false;
        List<String> exclude = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-v" -> verbose = true;
                case "--format" -> format = PackageList.Format.valueOf(args.get(++i).toUpperCase());
                case "--editable" -> editable = true;
                case "--exclude-editable" -> excludeEditable = true;
                case "--not-required" -> notRequired = true;
                case "--exclude" -> exclude.add(args.get(++i));
                default -> throw new IllegalArgumentException(args.get(i));
            }
        }
        options = new PackageList.Options(format, verbose, editable, excludeEditable, notRequired, Set.copyOf(exclude));
        List<String> command = new ArrayList<>(List.of("list"));
        command.addAll(args);
        TestVenv.Run pip = venv.pipOk(command.toArray(String[]::new));
        assertThat(PackageList.render(installed, options, environment).stdout()).isEqualTo(pip.stdout());
    }

    static Stream<List<String>> freezeOptions() {
        return Stream.of(List.of(), List.of("--all"), List.of("--exclude-editable"), List.of("--exclude", "BAZ"));
    }

    @ParameterizedTest
    @MethodSource("freezeOptions")
    void freezeIsPipFreeze(List<String> args) {
        Freeze.Options options = Freeze.Options.forPython(environment.value("python_version").orElseThrow())
                .withAll(args.contains("--all"));
        options = new Freeze.Options(options.all(), args.contains("--exclude-editable"),
                args.contains("--exclude") ? Set.of("BAZ") : Set.of(), options.skipBuildBackends());
        List<String> command = new ArrayList<>(List.of("freeze"));
        command.addAll(args);
        TestVenv.Run pip = venv.pipOk(command.toArray(String[]::new));
        assertThat(Freeze.render(installed, options).stdout()).isEqualTo(pip.stdout());
        assertThat(pip.stdout()).contains("vcspkg @ git+https://git.example/vcs.git@0123abcd#subdirectory=python\n");
    }

    static Stream<List<String>> showQueries() {
        List<List<String>> queries = new ArrayList<>();
        for (InstalledDistribution d : installed.all()) {
            queries.add(List.of("--files", d.displayName()));
        }
        queries.add(List.of("baz", "nothere", "Foo-Bar", "zzz", "twisted"));
        queries.add(List.of("-v", "baz", "Foo_Bar", "twisted"));
        queries.add(List.of("nothere"));
        queries.add(List.of("--files", "legacy.pkg", "devpkg", "distpkg"));
        return queries.stream();
    }

    @ParameterizedTest
    @MethodSource("showQueries")
    void showIsPipShow(List<String> args) {
        boolean files = args.contains("--files");
        boolean verbose = args.contains("-v");
        List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
        List<String> command = new ArrayList<>(List.of("show"));
        command.addAll(args);
        TestVenv.Run pip = venv.pip(command.toArray(String[]::new));
        CommandOutput ours = Show.render(installed, names, files, verbose, environment);
        String expected = venv.pipMajor() < 25 ? withLicenseExpression(pip.stdout()) : pip.stdout();
        assertThat(ours.stdout()).isEqualTo(expected);
        assertThat(ours.stderr()).isEqualTo(pip.stderr());
        assertThat(ours.exitCode()).isEqualTo(pip.exitCode());
    }

    /**
     * What pip 25.1 and later print for twisted (metadata 2.4 with a License-Expression)
     * where older pips print an empty License.
     */
    private static String withLicenseExpression(String pipShow) {
        StringBuilder out = new StringBuilder();
        String name = "";
        for (String line : pipShow.split("\n", -1)) {
            name = line.startsWith("Name: ") ? line : name;
            out.append(name.equals("Name: twisted") && line.equals("License: ")
                    ? "License-Expression: MIT OR Apache-2.0" : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    @Test
    void checkIsPipCheck() {
        TestVenv.Run pip = venv.pip("check");
        DependencyCheck.Result ours = DependencyCheck.check(installed, environment, Optional.of(venv.supportedTags()),
                Optional.of(venv.root()));
        assertThat(ours.output().stdout()).isEqualTo(pip.stdout());
        assertThat(ours.output().stderr()).isEqualTo(pip.stderr());
        assertThat(ours.output().exitCode()).isEqualTo(pip.exitCode()).isEqualTo(1);
        assertThat(ours.problems()).hasAtLeastOneElementOfType(DependencyCheck.Missing.class)
                .hasAtLeastOneElementOfType(DependencyCheck.Conflict.class)
                .hasAtLeastOneElementOfType(DependencyCheck.Unsupported.class);
    }
}
