package dev.axle.installer.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RECORD paths relative to the lib folder, as pip writes them (normpath of relpath). */
class RecordPathTest {
    @ParameterizedTest
    @CsvSource({
        "/v/lib/site-packages, /v/lib/site-packages/a/b.py, a/b.py",
        "/v/lib/site-packages, /v/lib/site-packages/a.py, a.py",
        "/v/lib/site-packages, /v/bin/tool, ../../bin/tool",
        "/v/lib/site-packages, /v/lib/site-packages-2/x.py, ../site-packages-2/x.py",
        "/v/lib/site-packages, /v/lib/site-packages/a/../b.py, b.py",
        "/v/lib/site-packages, /v/lib/site-packages/./a/./b.py, a/b.py",
        "/v/lib/site-packages, /v/lib/site-packages/a/.hidden/..x, a/.hidden/..x",
        "/v/lib/../lib/site-packages, /v/lib/site-packages/a.py, a.py",
        "/v/lib/site-packages, /v/include/site/python3.12/pkg/h.h, ../../include/site/python3.12/pkg/h.h",
    })
    void isTheInstalledPathRelativeToTheLibFolder(String lib, String installed, String expected) {
        assertThat(InstallPlan.recordPath(Path.of(lib), Path.of(installed))).isEqualTo(expected);
    }
}
