package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real pip (a pyenv or system Python's own), installing into a folder of its own with --target. */
final class Pip {
    private Pip() {}

    /**
     * Installs {@code requirement} from {@code indexUrl} into {@code target} and returns the
     * installed module's {@code VALUE} (a {@link dev.axle.server.TestDists} wheel's version).
     */
    static String install(Path target, String indexUrl, String requirement, String module) throws IOException {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        Map<String, String> env = Map.of("PIP_NO_INDEX", "0", "PIP_CACHE_DIR", target.resolveSibling(
                target.getFileName() + "-cache").toString());
        Pythons.Result pip = Pythons.run(List.of(python.toString(), "-m", "pip", "install", "--target",
                target.toString(), "--index-url", indexUrl, requirement), env);
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        Pythons.Result imported = Pythons.run(List.of(python.toString(), "-c", "import sys; sys.path.insert(0, '"
                + target + "'); import " + module + "; print(" + module + ".VALUE)"), Map.of());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        return imported.output().strip();
    }
}
