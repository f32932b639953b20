package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.cli.InstallEndToEndTest.Run;
import dev.axle.installer.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * pip's own lock files (from its test suite, in {@code ../shared/corpora/pip/lockfiles}) synced
 * with {@code --dry-run --offline}: their files are PyPI URLs or paths to packages the corpus
 * does not hold, so each run must say exactly what it cannot do, and change nothing.
 */
class SyncPipLockFilesTest {
    @TempDir
    static Path tmp;

    static Path venv;
    static Path lockFiles;

    @BeforeAll
    static void setUp() {
        Optional<Path> corpora = corpora();
        Assumptions.assumeTrue(corpora.isPresent(), "shared/corpora not found beside the checkout or a parent");
        lockFiles = corpora.get().resolve("pip/lockfiles");
        venv = tmp.resolve("v");
        axle("venv", venv.toString(), "--python", Pythons.python("3.12", "3.11", "3.13").toString()).ok();
    }

    /** {@code -Daxle.corpora}, else {@code shared/corpora} in this folder or a parent. */
    static Optional<Path> corpora() {
        String configured = System.getProperty("axle.corpora");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/corpora"))) {
                return Optional.of(p.resolve("shared/corpora"));
            }
        }
        return Optional.empty();
    }

    static Run axle(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(1, "--cache-dir=" + tmp.resolve("cache"));
        return Run.of(all);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pylock.certifi-with-upload_time.toml    | 1 locked file is not available | certifi==2026.6.17: certifi-2026.6.17-py3-none-any.whl (not in the download cache; not downloaded (--offline): https://files.pythonhosted.org/
            pylock.certifi-without-upload_time.toml | 1 locked file is not available | not downloaded (--offline): https://files.pythonhosted.org/
            pylock.directory.toml                   | 2 locked project folders are not there | simplewheel: ../src/simplewheel-2.0 (no folder
            pylock.invalid.toml                     | is not a valid lock file        | lock-version
            pylock.invalidhash.toml                 | 1 locked file is not available  | simple==2.0: simple-2.0.tar.gz (no file
            pylock.mixed.toml                       | 1 locked project folder is not there | singlemodule: ../src/singlemodule (no folder
            pylock.oldpython.toml                   | does not fit                    | does not satisfy the Python version requirement '==3.6.*'
            pylock.onearchive.toml                  | 1 locked file is not available  | simple2==3.0: simple2-3.0.tar.gz (no file
            pylock.onesdist.toml                    | 1 locked file is not available  | simple==2.0: simple-2.0.tar.gz (no file
            pylock.onewheel.toml                    | 1 locked file is not available | simplewheel==2.0: simplewheel-2.0-1-py2.py3-none-any.whl (no file
            pylock.prerelease-archive.toml          | 1 locked file is not available | pkg-prerelease==1.0a1: pkg_prerelease-1.0a1-py3-none-any.whl (no file
            pylock.prerelease-wheel.toml            | 1 locked file is not available | pkg-prerelease==1.0a1: pkg_prerelease-1.0a1-py3-none-any.whl
            pylock.toml                             | 3 locked files are not available | simple2==3.0: simple2-3.0.tar.gz (no file
            """)
    void eachLockFileSaysWhatItCannotDo(String file, String what, String detail) throws IOException {
        Path lock = lockFiles.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(lock), lock + " is not in the corpus");
        Run run = axle("sync", "--python", venv.toString(), "--dry-run", "--offline", lock.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ").contains(what, detail);
        assertThat(InstallFromIndexTest.installed(venv)).isEmpty();
    }
}
