package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.Tag;
import dev.axle.pep.tags.Libc;
import dev.axle.pep.tags.Linux;
import dev.axle.pep.tags.MacOS;
import dev.axle.pep.tags.OtherPlatform;
import dev.axle.pep.tags.PythonVersion;
import dev.axle.pep.tags.Windows;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interpreters described by hand: the builds and systems this machine does not have. */
class CompatibilityInputsTest {
    private static CompatibilityInputs cpython(String version, String system, String platform, boolean is32bit,
            Libc libc, boolean debug, boolean freeThreaded) {
        return new CompatibilityInputs("cpython", PythonVersion.parse(version), system, platform, is32bit, libc, null,
                null, ".cpython-" + version.replace(".", "") + "-x86_64-linux-gnu.so", debug, freeThreaded, true, true);
    }

    @Test
    void cpythonAbisCarryDebugAndFreeThreadedFlags() {
        Libc glibc = Libc.glibc(2, 36);
        assertThat(cpython("3.12", "Linux", "linux-x86_64", false, glibc, false, false).interpreter().abis())
                .containsExactly("cp312");
        assertThat(cpython("3.13", "Linux", "linux-x86_64", false, glibc, false, true).interpreter().abis())
                .containsExactly("cp313t");
        assertThat(cpython("3.12", "Linux", "linux-x86_64", false, glibc, true, false).interpreter().abis())
                .containsExactly("cp312d", "cp312");
        assertThat(cpython("3.7", "Linux", "linux-x86_64", false, glibc, false, false).interpreter().abis())
                .containsExactly("cp37m");
        List<Tag> tags = cpython("3.13", "Linux", "linux-x86_64", false, glibc, false, true).interpreter()
                .supportedTags().tags();
        assertThat(tags.get(0)).isEqualTo(new Tag("cp313", "cp313t", "linux_x86_64"));
    }

    @Test
    void platformsByTheSystemTheyReport() {
        assertThat(cpython("3.12", "Linux", "linux-x86_64", true, Libc.glibc(2, 17), false, false).platform())
                .isEqualTo(new Linux("x86_64", true, Libc.glibc(2, 17)));
        assertThat(cpython("3.12", "Linux", "linux-aarch64", false, Libc.musl(1, 2), false, false).platform()
                .platformTags()).startsWith("linux_aarch64", "musllinux_1_2_aarch64");
        assertThat(cpython("3.12", "Windows", "win-amd64", false, null, false, false).platform())
                .isEqualTo(new Windows("amd64"));
        assertThat(cpython("3.12", "Windows", "win32", true, null, false, false).platform().platformTags())
                .containsExactly("win32");
        assertThat(cpython("3.12", "FreeBSD", "freebsd-14.1-RELEASE-amd64", false, null, false, false).platform())
                .isEqualTo(new OtherPlatform("freebsd-14.1-RELEASE-amd64"));
        CompatibilityInputs mac = new CompatibilityInputs("cpython", PythonVersion.of(3, 12), "Darwin",
                "macosx-11.0-arm64", false, null, "14.2.1", "arm64", ".cpython-312-darwin.so", false, false, true, true);
        assertThat(mac.platform()).isEqualTo(new MacOS(14, 2, "arm64"));
        assertThat(mac.interpreter().supportedTags().tags().get(0))
                .isEqualTo(new Tag("cp312", "cp312", "macosx_14_0_arm64"));
    }

    @Test
    void otherImplementationsReadTheirAbiFromTheExtensionSuffix() {
        CompatibilityInputs pypy = new CompatibilityInputs("pypy", PythonVersion.of(3, 10), "Linux", "linux-x86_64",
                false, Libc.glibc(2, 36), null, null, ".pypy310-pp73-x86_64-linux-gnu.so", false, false, true, true);
        assertThat(pypy.interpreter().name()).isEqualTo("pp");
        assertThat(pypy.interpreter().abis()).containsExactly("pypy310_pp73");
        assertThat(pypy.interpreter().supportedTags().tags()).contains(
                new Tag("pp310", "pypy310_pp73", "manylinux_2_17_x86_64"), new Tag("pp3", "none", "any"));

        CompatibilityInputs graal = new CompatibilityInputs("graalpy", PythonVersion.of(3, 11), "Linux",
                "linux-x86_64", false, null, null, null, ".graalpy-311-native-x86_64-linux.so", false, false, true,
                true);
        assertThat(graal.interpreter().abis()).containsExactly("graalpy_311_native");
        CompatibilityInputs oldWindows = new CompatibilityInputs("other", PythonVersion.of(3, 7), "Windows", "win-amd64",
                false, null, null, null, ".pyd", false, false, true, true);
        assertThat(oldWindows.genericAbis()).containsExactly("cp37m");
        CompatibilityInputs none = new CompatibilityInputs("other", PythonVersion.of(3, 12), "Linux", "linux-x86_64",
                false, null, null, null, null, false, false, true, true);
        assertThat(none.genericAbis()).isEmpty();
    }
}
