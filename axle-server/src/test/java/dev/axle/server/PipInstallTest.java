package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pip installs from the server what a test built and uploaded: a modern pip (asks for
 * JSON first, honours yanks and Requires-Python) and pip 18 (Python 3.6's, HTML only).
 */
class PipInstallTest {
    @TempDir
    Path temp;
    private TestServer served;
    private ServerRoot root;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        served = TestServer.start(temp.resolve("root"));
        root = served.root();
        String token = served.token();
        base = served.base();
        for (String[] release : new String[][] {{"1.0", ""}, {"2.0", ""}, {"3.0", "Requires-Python: >=4\n"}}) {
            Path wheel = TestDists.wheel(temp.resolve("dist"), "Hello.Axle", release[0],
                    TestDists.metadata("2.1", "Hello.Axle", release[0], release[1], ""));
            assertThat(Uploads.upload(base.resolve("/main/"), token, wheel, "Hello.Axle", release[0]).statusCode())
                    .isEqualTo(200);
        }
        root.store().setYanked("main", "hello-axle", "2.0", Optional.empty(), true, Optional.of("broken"));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private String install(Path python, String requirement) throws Exception {
        Path venvPython = Pythons.venv(python, temp.resolve("venv"));
        Pythons.Run pip = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, venvPython.toString(), "-m", "pip", "install",
                "--index-url", base + "simple/", requirement);
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        Pythons.Run imported = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, venvPython.toString(), "-c",
                "import hello_axle_mod; print(hello_axle_mod.VALUE)");
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        return imported.output().strip();
    }

    @Test
    void modernPipSkipsYankedAndTooNewReleases() throws Exception {
        assertThat(install(Pythons.python("3.12"), "hello-axle")).isEqualTo("1.0");
        assertThat(Http.get(base, "/metrics").body())
                .contains("axle_http_requests_total{route=\"simple-project\",status=\"200\"}")
                .contains("axle_http_requests_total{route=\"metadata\",status=\"200\"}");
    }

    @Test
    void modernPipInstallsAYankedReleasePinnedExactly() throws Exception {
        assertThat(install(Pythons.python("3.13"), "Hello_Axle==2.0")).isEqualTo("2.0");
    }

    /**
     * pip 26, as the issue asks, when the Python named by {@code AXLE_TEST_PACKAGING_PYTHON}
     * has it (CI has no pip 26: it cannot reach PyPI). It installs with {@code --target}, so
     * that interpreter's own environment is left alone.
     */
    @Test
    void pip26Installs() throws Exception {
        String named = Optional.ofNullable(System.getProperty("AXLE_TEST_PACKAGING_PYTHON"))
                .orElse(System.getenv("AXLE_TEST_PACKAGING_PYTHON"));
        assumeTrue(named != null && !named.isBlank(), "AXLE_TEST_PACKAGING_PYTHON names no Python with pip 26");
        Pythons.Run version = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, named, "-c",
                "import pip; print(pip.__version__)");
        assumeTrue(version.exitCode() == 0 && version.output().strip().startsWith("26."),
                named + " has pip " + version.output().strip() + ", not 26");
        Path target = temp.resolve("target");
        Pythons.Run pip = Pythons.run(Pythons.pipEnvironment(temp.resolve("pip-cache")), temp, named, "-m", "pip",
                "install", "--target", target.toString(), "--index-url", base + "simple/", "hello-axle");
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        // pip 26 asks for JSON first; it skips the yanked 2.0 and 3.0, which needs Python 4.
        assertThat(Files.readString(target.resolve("hello_axle_mod.py"))).isEqualTo("VALUE = '1.0'\n");
        assertThat(Http.get(base, "/metrics").body())
                .contains("axle_http_requests_total{route=\"simple-project\",status=\"200\"}");
    }

    @Test
    void pip18ReadsTheHtmlPages() throws Exception {
        // pip 18 predates yanking (PEP 592), so it takes 2.0; it honours data-requires-python.
        assertThat(install(Pythons.python("3.6"), "hello-axle")).isEqualTo("2.0");
    }
}
