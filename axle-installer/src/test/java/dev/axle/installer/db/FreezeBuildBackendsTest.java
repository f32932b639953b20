package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip freeze on Python before 3.12 also hides setuptools, distribute and wheel (which venvs
 * of those Pythons install): compared with the pip bundled by such a Python, and on the
 * newest Python, where only pip is hidden.
 */
class FreezeBuildBackendsTest {
    @TempDir
    Path temp;

    private static void installBackends(TestVenv venv, Path wheels) {
        write(wheels.resolve(".keep"), "");
        TestWheel.of("wheel", "0.99").file("wheel_stub.py", "").write(wheels);
        TestWheel.of("distribute", "0.7").file("distribute_stub.py", "").write(wheels);
        TestWheel.of("setuptools", "99.0").file("setuptools_stub.py", "").write(wheels);
        TestWheel.of("Zope.Interface", "5.0").file("zope_stub.py", "").write(wheels);
        venv.pipOk("install", "--no-deps", "--find-links", wheels.toString(), "wheel", "distribute", "Zope.Interface",
                "setuptools==99.0");
    }

    private static void assertFreezeIsPips(TestVenv venv) {
        InstalledDistributions installed = venv.installed();
        String pythonVersion = venv.markerEnvironment().value("python_version").orElseThrow();
        Freeze.Options options = Freeze.Options.forPython(pythonVersion);
        assertThat(Freeze.render(installed, options).stdout()).isEqualTo(venv.pipOk("freeze").stdout());
        assertThat(Freeze.render(installed, options.withAll(true)).stdout())
                .isEqualTo(venv.pipOk("freeze", "--all").stdout());
        assertThat(PackageList.render(installed, PackageList.Options.defaults(), venv.markerEnvironment()).stdout())
                .isEqualTo(venv.pipOk("list").stdout());
    }

    @Test
    void beforePython312() {
        Optional<TestPython> python = TestPython.before(12);
        assumeTrue(python.isPresent(), "no Python 3.9 to 3.11 with ensurepip found");
        TestVenv venv = TestVenv.create(temp, python.get(), null);
        installBackends(venv, temp.resolve("wheels"));
        assertThat(Freeze.render(venv.installed(), Freeze.Options.forPython("3.11")).stdout())
                .isEqualTo("Zope.Interface==5.0\n");
        assertFreezeIsPips(venv);
    }

    @Test
    void fromPython312() {
        TestVenv venv = TestVenv.create(temp);
        String version = venv.markerEnvironment().value("python_version").orElseThrow();
        assumeTrue(Integer.parseInt(version.split("\\.")[1]) >= 12, "the newest Python found is older than 3.12");
        installBackends(venv, temp.resolve("wheels"));
        assertThat(Freeze.render(venv.installed(), Freeze.Options.forPython("3.13")).stdout())
                .isEqualTo("distribute==0.7\nsetuptools==99.0\nwheel==0.99\nZope.Interface==5.0\n");
        assertFreezeIsPips(venv);
    }
}
