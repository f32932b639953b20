package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequirementsExportTest {
    static final Path FOLDER = Path.of("/locks/project");

    static final String LOCK = """
            lock-version = "1.0"
            created-by = "test"

            [[packages]]
            name = "zeta"
            version = "1.0"
            marker = "sys_platform == 'win32'"
            index = "https://pypi.org/simple"
            wheels = [
              { url = "https://files.example/zeta-1.0-py3-none-win_amd64.whl", hashes = { sha256 = "bb", md5 = "cc" } },
              { url = "https://files.example/zeta-1.0-py3-none-win32.whl", hashes = { sha256 = "aa", sha512 = "dd" } },
            ]

            [[packages]]
            name = "alpha"
            version = "2.0"
            sdist = { url = "https://files.example/alpha-2.0.tar.gz", hashes = { sha256 = "11" } }

            [[packages]]
            name = "alpha"
            version = "1.0"
            marker = "python_version < '3.9'"
            wheels = [{ path = "wheels/alpha-1.0-py3-none-any.whl", hashes = { sha256 = "22" } }]

            [[packages]]
            name = "gitdep"
            vcs = { type = "git", url = "https://github.com/o/gitdep.git", commit-id = "abc123", subdirectory = "sub" }

            [[packages]]
            name = "local"
            directory = { path = "../local" }

            [[packages]]
            name = "editable"
            directory = { path = "src/editable", editable = true }

            [[packages]]
            name = "tarball"
            archive = { url = "https://files.example/tarball.tar.gz", hashes = { sha384 = "33" } }
            """;

    @Test
    void everyEntryIsOnePinnedLineSortedByNameVersionAndMarker() {
        assertThat(RequirementsExport.of(Pylock.parse(LOCK), FOLDER, false)).isEqualTo("""
                # Exported by axle from a PEP 751 lock file (created by test)
                alpha @ file:///locks/project/wheels/alpha-1.0-py3-none-any.whl ; python_version < "3.9"
                alpha==2.0
                -e /locks/project/src/editable
                gitdep @ git+https://github.com/o/gitdep.git@abc123#subdirectory=sub
                local @ file:///locks/local
                tarball @ https://files.example/tarball.tar.gz
                zeta==1.0 ; sys_platform == "win32"
                """);
    }

    @Test
    void hashesAreEveryFilesInTheAlgorithmsPipAccepts() {
        assertThat(RequirementsExport.of(Pylock.parse(LOCK), FOLDER, true)).isEqualTo("""
                # Exported by axle from a PEP 751 lock file (created by test)
                alpha @ file:///locks/project/wheels/alpha-1.0-py3-none-any.whl ; python_version < "3.9" \\
                    --hash=sha256:22
                alpha==2.0 \\
                    --hash=sha256:11
                -e /locks/project/src/editable
                gitdep @ git+https://github.com/o/gitdep.git@abc123#subdirectory=sub
                local @ file:///locks/local
                tarball @ https://files.example/tarball.tar.gz \\
                    --hash=sha384:33
                zeta==1.0 ; sys_platform == "win32" \\
                    --hash=sha256:aa \\
                    --hash=sha256:bb \\
                    --hash=sha512:dd
                """);
    }

    @Test
    void theSameLockGivesTheSameTextWhateverItsOrder() {
        Pylock lock = Pylock.parse(LOCK);
        java.util.List<Package> reversed = new java.util.ArrayList<>(lock.packages());
        java.util.Collections.reverse(reversed);
        Pylock other = Pylock.of("test", reversed);
        assertThat(RequirementsExport.of(other, FOLDER, true)).isEqualTo(RequirementsExport.of(lock, FOLDER, true));
    }

    @Test
    void markersOnExtrasAndGroupsAreDecidedForWhatIsAskedFor() {
        String lock = """
                lock-version = "1.0"
                created-by = "test"
                extras = ["fancy"]
                dependency-groups = ["test"]
                default-groups = []
                [[packages]]
                name = "base"
                version = "1.0"
                wheels = [{ url = "https://files.example/base-1.0-py3-none-any.whl", hashes = { sha256 = "aa" } }]
                [[packages]]
                name = "fancy"
                version = "1.0"
                marker = "'fancy' in extras"
                wheels = [{ url = "https://files.example/fancy-1.0-py3-none-any.whl", hashes = { sha256 = "bb" } }]
                [[packages]]
                name = "tester"
                version = "1.0"
                marker = "'test' in dependency_groups and sys_platform == 'win32' or 'fancy' in extras"
                wheels = [{ url = "https://files.example/tester-1.0-py3-none-any.whl", hashes = { sha256 = "cc" } }]
                """;
        Pylock pylock = Pylock.parse(lock);
        assertThat(RequirementsExport.of(pylock, FOLDER, false)).isEqualTo("""
                # Exported by axle from a PEP 751 lock file (created by test)
                base==1.0
                """);
        assertThat(RequirementsExport.of(pylock, FOLDER, false, java.util.Set.of(), java.util.Set.of("test")))
                .isEqualTo("""
                # Exported by axle from a PEP 751 lock file (created by test)
                base==1.0
                tester==1.0 ; sys_platform == "win32"
                """);
        assertThat(RequirementsExport.of(pylock, FOLDER, false, java.util.Set.of("Fancy"), java.util.Set.of()))
                .isEqualTo("""
                # Exported by axle from a PEP 751 lock file (created by test)
                base==1.0
                fancy==1.0
                tester==1.0
                """);
    }

    @Test
    void unversionedEntriesCannotBeWritten() {
        String unversioned = """
                lock-version = "1.0"
                created-by = "test"
                [[packages]]
                name = "bare"
                wheels = [
                  { url = "https://files.example/bare-1.0-py3-none-any.whl", hashes = { sha256 = "aa" } },
                  { url = "https://files.example/bare-1.0-py2-none-any.whl", hashes = { sha256 = "bb" } },
                ]
                """;
        assertThatThrownBy(() -> RequirementsExport.of(Pylock.parse(unversioned), FOLDER, false))
                .hasMessage("package bare has no version: a requirements file cannot pin it");
    }
}
