package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirTest {
    private static final Map<String, String> ALL = Map.of("AXLE_CACHE_DIR", "/a/cache", "XDG_CACHE_HOME", "/xdg",
            "HOME", "/home/u");

    @Test
    void optionThenVariableThenXdgThenHome() {
        assertThat(CacheDir.resolve(Path.of("/opt/c"), ALL).root()).isEqualTo(Path.of("/opt/c"));
        assertThat(CacheDir.resolve(null, ALL).root()).isEqualTo(Path.of("/a/cache"));
        assertThat(CacheDir.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg", "HOME", "/home/u")).root())
                .isEqualTo(Path.of("/xdg/axle"));
        assertThat(CacheDir.resolve(null, Map.of("HOME", "/home/u")).root()).isEqualTo(Path.of("/home/u/.cache/axle"));
    }

    @Test
    void emptyValuesAndARelativeXdgFolderAreIgnored() {
        assertThat(CacheDir.resolve(null, Map.of("AXLE_CACHE_DIR", "", "XDG_CACHE_HOME", "rel", "HOME", "/h")).root())
                .isEqualTo(Path.of("/h/.cache/axle"));
        assertThat(CacheDir.resolve(null, Map.of()).root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "axle"));
    }

    @Test
    void relativeFoldersAreMadeAbsoluteAndPartsLiveInside() {
        CacheDir dir = CacheDir.resolve(Path.of("rel/cache"), Map.of());
        assertThat(dir.root()).isEqualTo(Path.of("rel/cache").toAbsolutePath());
        assertThat(dir.interpreters()).isEqualTo(dir.root().resolve("interpreters-v1"));
    }
}
