package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.MarkerEnvironment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken and the newer: a distribution with a version that is not PEP 440, one with a
 * Requires-Dist that is not PEP 508, one depending on the former, a leftover
 * {@code ~ip-1.0.dist-info} of an interrupted uninstall, and a wheel with a build tag.
 * Compared with pip where the pip at hand has the behaviour (pip 24 fails on some of these;
 * pip 26 is the reference), else with what pip 26 prints.
 */
class PipEdgeCasesTest {
    @TempDir
    static Path temp;
    static TestVenv venv;
    static InstalledDistributions installed;
    static MarkerEnvironment environment;

    @BeforeAll
    static void makeEnvironment() {
        venv = TestVenv.create(temp);
        Path wheels = temp.resolve("wheels");
        write(wheels.resolve(".keep"), "");
        TestWheel.of("built", "3.0").build("7").file("built.py", "").write(wheels);
        TestWheel.of("needs-weird", "1.0").file("needs_weird.py", "").requires("weird>=1").write(wheels);
        TestWheel.of("baz", "1.5").file("baz.py", "").write(wheels);
        venv.pipOk("install", "--no-deps", "--find-links", wheels.toString(), "built", "needs-weird", "baz");
        Path site = venv.sitePackages();
        write(site.resolve("weird-1.0foo.dist-info/METADATA"), "Metadata-Version: 2.1\nName: weird\nVersion: 1.0foo\n");
        write(site.resolve("weird-1.0foo.dist-info/RECORD"), "weird-1.0foo.dist-info/METADATA,,\n"
                + "weird-1.0foo.dist-info/RECORD,,\n");
        write(site.resolve("badreq-1.0.dist-info/METADATA"), "Metadata-Version: 2.1\nName: badreq\nVersion: 1.0\n"
                + "Requires-Dist: bad req !!\nRequires-Dist: baz\n");
        write(site.resolve("~ip-1.0.dist-info/METADATA"), "Metadata-Version: 2.1\nName: ~ip\nVersion: 1.0\n");
        installed = venv.installed();
        environment = venv.markerEnvironment();
    }

    @Test
    void leftoversOfInterruptedUninstallsAreIgnoredWithPipsWarning() {
        assertThat(installed.warnings()).containsExactly("Ignoring invalid distribution ~ip (" + venv.sitePackages() + ")");
        assertThat(venv.pipOk("list").stderr()).isEqualTo("WARNING: " + installed.warnings().get(0) + "\n");
        assertThat(installed.get("weird").orElseThrow().version()).isEmpty();
        assertThat(installed.get("weird").orElseThrow().versionText()).isEqualTo("1.0foo");
    }

    @Test
    void columnsShowBuildTags() {
        String expected = """
                Package     Version Build
                ----------- ------- -----
                badreq      1.0
                baz         1.5
                built       3.0     7
                needs-weird 1.0
                pip         %s
                weird       1.0foo
                """.formatted(venv.pipVersion());
        if (pipHas("pip._internal.commands.list", "has_build_tags")) {
            expected = venv.pipOk("list").stdout();
        }
        assertThat(PackageList.render(installed, PackageList.Options.defaults(), environment).stdout()).isEqualTo(expected);
    }

    @Test
    void jsonAndFreezeFormatsShowInvalidVersionsAsWritten() {
        String json = "[{\"name\": \"badreq\", \"version\": \"1.0\"}, {\"name\": \"baz\", \"version\": \"1.5\"}, "
                + "{\"name\": \"built\", \"version\": \"3.0\"}, {\"name\": \"needs-weird\", \"version\": \"1.0\"}, "
                + "{\"name\": \"pip\", \"version\": \"" + venv.pipVersion() + "\"}, "
                + "{\"name\": \"weird\", \"version\": \"1.0foo\"}]\n";
        String pinned = "badreq==1.0\nbaz==1.5\nbuilt==3.0\nneeds-weird==1.0\npip==" + venv.pipVersion() + "\nweird===1.0foo\n";
        // pip before 25 fails on the invalid version in these two formats.
        TestVenv.Run pipJson = venv.pip("list", "--format", "json");
        TestVenv.Run pipPinned = venv.pip("list", "--format", "freeze");
        if (pipJson.exitCode() == 0) {
            assertThat(pipJson.stdout()).isEqualTo(json);
        }
        if (pipPinned.exitCode() == 0) {
            assertThat(pipPinned.stdout()).isEqualTo(pinned);
        }
        PackageList.Options options = PackageList.Options.defaults();
        assertThat(PackageList.render(installed, options.withFormat(PackageList.Format.JSON), environment).stdout())
                .isEqualTo(json);
        assertThat(PackageList.render(installed, options.withFormat(PackageList.Format.FREEZE), environment).stdout())
                .isEqualTo(pinned);
        assertThat(Freeze.render(installed, Freeze.Options.forPython("3.13")).stdout())
                .isEqualTo(venv.pipOk("freeze").stdout())
                .isEqualTo("badreq==1.0\nbaz==1.5\nbuilt==3.0\nneeds-weird==1.0\nweird===1.0foo\n");
    }

    @Test
    void showFallsBackToRawRequirementsAndMarksRequiredByUnknown() {
        TestVenv.Run pip = venv.pip("show", "badreq", "baz", "weird");
        CommandOutput ours = Show.render(installed, List.of("badreq", "baz", "weird"), false, false, environment);
        assertThat(ours.stdout()).isEqualTo(pip.stdout()).contains("Requires: bad req !!, baz\nRequired-by: #N/A\n");
        assertThat(ours.stderr()).isEqualTo(withoutIgnoredDistributions(pip.stderr()));
    }

    @Test
    void checkReportsUnreadableDistributionsAndTheirDependentsAsPipDoes() {
        TestVenv.Run pip = venv.pip("check");
        CommandOutput ours = DependencyCheck.check(installed, environment, Optional.of(venv.supportedTags()),
                Optional.of(venv.root())).output();
        assertThat(ours.stdout()).isEqualTo(pip.stdout()).isEqualTo("needs-weird 1.0 requires weird, which is not installed.\n");
        assertThat(ours.exitCode()).isEqualTo(pip.exitCode()).isEqualTo(1);
        if (venv.pipMajor() >= 26) {
            // Older pips vendor an older packaging, whose syntax error messages differ.
            assertThat(ours.stderr()).isEqualTo(withoutIgnoredDistributions(pip.stderr()));
        }
        assertThat(ours.stderr()).startsWith("WARNING: Error parsing dependencies of weird: Invalid version: '1.0foo'\n"
                + "WARNING: Error parsing dependencies of badreq: ");
    }

    private static String withoutIgnoredDistributions(String stderr) {
        return Arrays.stream(stderr.split("(?<=\n)")).filter(l -> !l.contains("Ignoring invalid distribution"))
                .collect(Collectors.joining());
    }

    /** Whether the pip in the environment has {@code word} in the source of {@code module}. */
    private static boolean pipHas(String module, String word) {
        return venv.python("import inspect, " + module + " as m; print('" + word + "' in inspect.getsource(m))")
                .strip().equals("True");
    }
}
