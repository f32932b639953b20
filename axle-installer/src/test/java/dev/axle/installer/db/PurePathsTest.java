package dev.axle.installer.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path text as Python 3.12's pathlib and posixpath give it (expected values printed by Python). */
class PurePathsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a//b/./c/|a/b/c|a/b/c",
        "//x/y|//x/y|//x/y",
        "///x|/x|/x",
        "''|.|.",
        ".|.|.",
        "./a|a|a",
        "a/../b|a/../b|b",
        "/a/./b/|/a/b|/a/b",
        "../../x|../../x|../../x",
        "/..|/..|/",
    })
    void pathlibAndNormpath(String path, String pathlib, String normpath) {
        assertThat(PurePaths.pathlib(path)).isEqualTo(pathlib);
        assertThat(PurePaths.normpath(path)).isEqualTo(normpath);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../pkg/mod.py|pkg/mod.py",
        "PKG-INFO|Foo-1.0.egg-info/PKG-INFO",
        "../../bin/x|../bin/x",
        "../../../../bin/x|../../../bin/x",
        "./a/../b|Foo-1.0.egg-info/a/../b",
    })
    void installedFilesRowsBecomeRecordPaths(String row, String path) {
        assertThat(PurePaths.installedFilesEntry(row, List.of("Foo-1.0.egg-info"))).isEqualTo(path);
    }
}
