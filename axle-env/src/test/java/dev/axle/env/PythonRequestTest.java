package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PythonRequestTest {
    private static List<BigInteger> release(long... n) {
        return java.util.Arrays.stream(n).mapToObj(BigInteger::valueOf).toList();
    }

    @Test
    void versionsAreReleasePrefixes() {
        assertThat(PythonRequest.parse("3")).isEqualTo(new PythonRequest.VersionPrefix(release(3)));
        assertThat(PythonRequest.parse("3.11")).isEqualTo(new PythonRequest.VersionPrefix(release(3, 11)));
        assertThat(PythonRequest.parse(" 3.11.4 ")).isEqualTo(new PythonRequest.VersionPrefix(release(3, 11, 4)));
        PythonRequest.VersionPrefix p = (PythonRequest.VersionPrefix) PythonRequest.parse("3.11");
        assertThat(p.matches(Version.parse("3.11.7"))).isTrue();
        assertThat(p.matches(Version.parse("3.11.0rc1"))).isTrue();
        assertThat(p.matches(Version.parse("3.1.1"))).isFalse();
        assertThat(p.matches(Version.parse("3.12.0"))).isFalse();
        assertThat(p.minor()).hasValue(11);
        PythonRequest.VersionPrefix exact = (PythonRequest.VersionPrefix) PythonRequest.parse("3.11.4");
        assertThat(exact.matches(Version.parse("3.11.4"))).isTrue();
        assertThat(exact.matches(Version.parse("3.11.40"))).isFalse();
        assertThat(((PythonRequest.VersionPrefix) PythonRequest.parse("3.11.0")).matches(Version.parse("3.11")))
                .isTrue();
        assertThat(((PythonRequest.VersionPrefix) PythonRequest.parse("3")).minor()).isEmpty();
        assertThat(PythonRequest.parse("3.11").toString()).isEqualTo("3.11");
    }

    @Test
    void specifierSetsIncludePrereleases() {
        PythonRequest r = PythonRequest.parse(">=3.9,<3.12");
        assertThat(r).isEqualTo(new PythonRequest.VersionSpecifiers(SpecifierSet.parse(">=3.9,<3.12")));
        SpecifierSet s = ((PythonRequest.VersionSpecifiers) r).specifiers();
        assertThat(s.contains(Version.parse("3.11.7"), true)).isTrue();
        assertThat(PythonRequest.parse(">=3.10")).isInstanceOf(PythonRequest.VersionSpecifiers.class);
        assertThat(PythonRequest.parse("==3.12.*")).isInstanceOf(PythonRequest.VersionSpecifiers.class);
        assertThat(PythonRequest.parse("~=3.10")).isInstanceOf(PythonRequest.VersionSpecifiers.class);
        assertThat(PythonRequest.parse("!=3.11")).isInstanceOf(PythonRequest.VersionSpecifiers.class);
    }

    @Test
    void pathsHaveASlashOrStartWithDotOrTilde() {
        assertThat(PythonRequest.parse("/usr/bin/python3")).isEqualTo(
                new PythonRequest.ExecutablePath(Path.of("/usr/bin/python3")));
        assertThat(PythonRequest.parse(".venv")).isEqualTo(new PythonRequest.ExecutablePath(Path.of(".venv")));
        assertThat(PythonRequest.parse("./venv")).isEqualTo(new PythonRequest.ExecutablePath(Path.of("./venv")));
        assertThat(PythonRequest.parse("venv/bin/python")).isInstanceOf(PythonRequest.ExecutablePath.class);
        assertThat(PythonRequest.parse("~/py/bin/python")).isInstanceOf(PythonRequest.ExecutablePath.class);
    }

    @Test
    void namesAreLookedUp() {
        assertThat(PythonRequest.parse("python3.12")).isEqualTo(new PythonRequest.ExecutableName("python3.12"));
        assertThat(PythonRequest.parse("pypy3")).isEqualTo(new PythonRequest.ExecutableName("pypy3"));
        assertThat(PythonRequest.parse("python")).isEqualTo(new PythonRequest.ExecutableName("python"));
        assertThat(PythonRequest.parse("venv")).isEqualTo(new PythonRequest.ExecutableName("venv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "3.", "3..1", "3.1.2.3", ">=", ">=three", "=>3.10", "python 3", "3.x",
            "-v", "@3", "<<3", "3.11,", "π"})
    void garbageIsRefusedWithExamples(String text) {
        assertThatThrownBy(() -> PythonRequest.parse(text))
                .isInstanceOf(InvalidPythonRequestException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Python request '" + text + "'")
                .hasMessageContaining("3.12");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> PythonRequest.parse(null)).isInstanceOf(InvalidPythonRequestException.class);
    }

    @Test
    void anyMatchesEverything() {
        assertThat(PythonRequest.ANY).isInstanceOf(PythonRequest.Any.class);
        assertThat(PythonRequest.ANY.toString()).isEqualTo("any Python");
    }
}
