package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.MarkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanning folders and reading one distribution's files, on trees written by hand. */
class InstalledDistributionsTest {
    @TempDir
    Path temp;

    @Test
    void firstOnThePathWinsAndMissingFoldersAreSkipped() {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        write(a.resolve("Foo-1.0.dist-info/METADATA"), "Name: Foo\nVersion: 1.0\n");
        write(b.resolve("foo-2.0.dist-info/METADATA"), "Name: foo\nVersion: 2.0\n");
        write(b.resolve("bar-1.0.dist-info/METADATA"), "Name: bar\nVersion: 1.0\n");
        write(b.resolve("bar.py"), "");
        InstalledDistributions installed = InstalledDistributions.read(List.of(temp.resolve("missing"), a, b));
        assertThat(installed.get("FOO").orElseThrow().rawVersion()).isEqualTo("1.0");
        assertThat(installed.shadowed()).extracting(InstalledDistribution::rawVersion).containsExactly("2.0");
        assertThat(installed.everything()).hasSize(3);
        assertThat(installed).extracting(InstalledDistribution::displayName).containsExactly("bar", "Foo");
        assertThat(installed.get("not a name!")).isEmpty();
    }

    @Test
    void namesComeFromTheFolderOrElseTheMetadata() {
        write(temp.resolve("oddly.dist-info/METADATA"), "Name: Odd.Ly\nVersion: 3\n");
        write(temp.resolve("nameless.dist-info/METADATA"), "Version: 3\n");
        InstalledDistributions installed = InstalledDistributions.read(List.of(temp));
        assertThat(installed.get("odd-ly").orElseThrow().versionText()).isEqualTo("3");
        assertThat(installed.warnings()).containsExactly(
                "Skipping " + temp.resolve("nameless.dist-info") + " due to invalid metadata entry 'name'");
    }

    @Test
    void readsOneDistributionByItsMetadataFolder() {
        Path info = temp.resolve("env/lib/python3.12/site-packages/demo_pkg-1.0.post1.dist-info");
        write(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.0-post1\n"
                + "Requires-Dist: a>=1\nRequires-Dist: b; extra == 'x'\nRequires-Dist: c; os_name == 'nt'\n");
        write(info.resolve("RECORD"), "demo_pkg/__init__.py,,\n../../../bin/demo,,\n" + info.getFileName() + "/RECORD,,\n");
        write(info.resolve("INSTALLER"), "\n  axle  \n");
        write(info.resolve("entry_points.txt"), "# launchers\n[console_scripts]\ndemo = demo_pkg:main\n\n[x]\ny=z\n");
        InstalledDistribution d = InstalledDistribution.at(info);
        assertThat(d.name().toString()).isEqualTo("demo-pkg");
        assertThat(d.version()).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("1.0.post1"));
        assertThat(d.rawVersion()).isEqualTo("1.0-post1");
        assertThat(d.installer()).contains("axle");
        assertThat(d.requested()).isFalse();
        assertThat(d.directUrl()).isEmpty();
        assertThat(d.wheel()).isEmpty();
        assertThat(d.declaredEntries()).contains(List.of("demo_pkg/__init__.py", "../../../bin/demo",
                info.getFileName() + "/RECORD"));
        assertThat(d.recordedFiles()).contains(temp.resolve("env/bin/demo"));
        assertThat(d.entryPoints()).containsExactly(new EntryPoint("console_scripts", "demo", "demo_pkg:main"),
                new EntryPoint("x", "y", "z"));
        MarkerEnvironment posix = MarkerEnvironment.of(Map.of("os_name", "posix"));
        assertThat(d.dependencies(posix)).extracting(Object::toString).containsExactly("a>=1");
        assertThat(d.dependencies(posix, Set.of("x"))).extracting(Object::toString)
                .containsExactly("a>=1", "b; extra == \"x\"");
        assertThatThrownBy(() -> InstalledDistribution.at(temp.resolve("demo.py")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidDirectUrlIsReportedAndIgnored() {
        Path info = temp.resolve("x-1.dist-info");
        write(info.resolve("METADATA"), "Name: x\nVersion: 1\n");
        write(info.resolve("direct_url.json"), "{\"url\": \"file:///x\"}");
        InstalledDistribution d = InstalledDistribution.at(info);
        assertThat(d.directUrl()).isEmpty();
        assertThat(d.directUrlProblem()).contains("Exactly one of vcs_info, archive_info, dir_info must be present");
        assertThat(d.editable()).isFalse();
    }
}
