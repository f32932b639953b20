package dev.axle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.lock.Package;
import dev.axle.lock.PackageSource;
import dev.axle.lock.Pylock;
import dev.axle.lock.SelectedPackage;
import dev.axle.pep.ProjectName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockedWheelsTest {
    /** Every entry, with the source the lock's selection would take when only its one source fits. */
    static List<SelectedPackage> all(String toml) {
        return Pylock.parse(toml).packages().stream().map(LockedWheelsTest::only).toList();
    }

    private static SelectedPackage only(Package p) {
        return new SelectedPackage(p, p.wheels().<PackageSource>map(List::getFirst)
                .or(() -> p.archive().map(a -> a)).or(() -> p.sdist().map(s -> s)).or(() -> p.vcs().map(v -> v))
                .or(() -> p.directory().map(d -> d)).orElseThrow());
    }

    @Test
    void wheelsAndArchivesThatAreWheelsAreInstalledTheRestRefusedByName() {
        List<LockedWheel> wheels = LockedWheels.of(all("""
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "plain"
                version = "1.0"
                wheels = [{ url = "https://x/plain-1.0-py3-none-any.whl", size = 10, hashes = { sha256 = "aa" } }]
                [[packages]]
                name = "pkg-prerelease"
                archive = { path = "../packages/pkg_prerelease-1.0a1-py3-none-any.whl", hashes = { sha256 = "bb" } }
                """));
        assertThat(wheels).extracting(LockedWheel::toString).containsExactly("plain==1.0", "pkg-prerelease==1.0a1");
        assertThat(wheels.get(1).filename()).isEqualTo("pkg_prerelease-1.0a1-py3-none-any.whl");
        assertThat(wheels.get(1).path()).contains("../packages/pkg_prerelease-1.0a1-py3-none-any.whl");

        assertThatThrownBy(() -> LockedWheels.of(all("""
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "plain"
                version = "1.0"
                wheels = [{ url = "https://x/plain-1.0-py3-none-any.whl", hashes = { sha256 = "aa" } }]
                [[packages]]
                name = "simple"
                version = "2.0"
                sdist = { path = "simple-2.0.tar.gz", hashes = { sha256 = "cc" } }
                [[packages]]
                name = "tarball"
                archive = { url = "https://x/tarball.tar.gz", hashes = { sha256 = "dd" } }
                [[packages]]
                name = "repo"
                vcs = { type = "git", url = "https://x/repo.git", commit-id = "abc" }
                [[packages]]
                name = "here"
                directory = { path = "src/here" }
                """))).isInstanceOf(UnsupportedSourceException.class).hasMessage("""
                the lock selects sources axle cannot install without building them:
                  simple==2.0: the sdist simple-2.0.tar.gz (no wheel of it fits this target)
                  tarball: the archive https://x/tarball.tar.gz (not a wheel)
                  repo: the git repository https://x/repo.git at abc
                  here: the directory src/here
                sync without --no-build, lock wheels for them (or sync on a target that has wheels), or install them with pip""");
    }

    @Test
    void buildingTakesSdistsSdistArchivesAndDirectoriesButNotCheckouts() {
        List<LockedWheel> built = LockedWheels.of(all("""
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "simple"
                version = "2.0"
                sdist = { path = "simple-2.0.tar.gz", hashes = { sha256 = "cc" } }
                [[packages]]
                name = "tarball"
                archive = { url = "https://x/tarball-3.1.tar.gz", hashes = { sha256 = "dd" } }
                [[packages]]
                name = "here"
                directory = { path = "src/here/", editable = true }
                [[packages]]
                name = "there"
                version = "0.1"
                directory = { path = "../there" }
                """), true);
        assertThat(built).extracting(LockedWheel::kind).containsExactly(LockedWheel.Kind.SDIST, LockedWheel.Kind.SDIST,
                LockedWheel.Kind.EDITABLE, LockedWheel.Kind.DIRECTORY);
        assertThat(built).extracting(LockedWheel::toString)
                .containsExactly("simple==2.0", "tarball==3.1", "here (src/here/)", "there==0.1");
        assertThat(built.get(2).folder(Path.of("/locks"))).isEqualTo(Path.of("/locks/src/here"));
        assertThat(built.get(2).filename()).isEqualTo("here");

        assertThatThrownBy(() -> LockedWheels.of(all("""
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "repo"
                vcs = { type = "git", url = "https://x/repo.git", commit-id = "abc" }
                [[packages]]
                name = "odd"
                archive = { url = "https://x/other-1.0.tar.gz", hashes = { sha256 = "dd" } }
                """), true)).isInstanceOf(UnsupportedSourceException.class).hasMessage("""
                the lock selects sources axle cannot install:
                  repo: the git repository https://x/repo.git at abc
                  odd: the archive https://x/other-1.0.tar.gz (neither a wheel nor an sdist of odd)
                lock wheels, sdists or project folders for them instead""");
    }

    @Test
    void theRequestedAreThoseNoOtherEntryDependsOnOrAllWhenNoneSays() {
        String withDependencies = """
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "app"
                version = "1.0"
                dependencies = [{ name = "lib" }, { name = "Other_Lib", version = "2.0" }]
                wheels = [{ url = "https://x/app-1.0-py3-none-any.whl", hashes = { sha256 = "aa" } }]
                [[packages]]
                name = "lib"
                version = "1.0"
                wheels = [{ url = "https://x/lib-1.0-py3-none-any.whl", hashes = { sha256 = "bb" } }]
                [[packages]]
                name = "other-lib"
                version = "2.0"
                wheels = [{ url = "https://x/other_lib-2.0-py3-none-any.whl", hashes = { sha256 = "cc" } }]
                [[packages]]
                name = "tool"
                version = "1.0"
                wheels = [{ url = "https://x/tool-1.0-py3-none-any.whl", hashes = { sha256 = "dd" } }]
                """;
        assertThat(LockedWheels.requested(LockedWheels.of(all(withDependencies))))
                .containsExactly(ProjectName.parse("app"), ProjectName.parse("tool"));
        String without = withDependencies.replace("dependencies = [{ name = \"lib\" }, { name = \"Other_Lib\","
                + " version = \"2.0\" }]\n", "");
        assertThat(LockedWheels.requested(LockedWheels.of(all(without)))).hasSize(4);
    }
}
