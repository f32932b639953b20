package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle tree} on a real venv holding wheels installed by axle: an application whose
 * dependency asks for an extra, a cycle, a dependency in a version that conflicts, one that is
 * missing, one whose marker is false for the interpreter, and one reachable only through a
 * cycle.
 */
class TreeCommandTest {
    @TempDir
    static Path tmp;
    static Path venv;

    @BeforeAll
    static void install() throws IOException {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        Path cache = tmp.resolve("cache");
        Path wheels = Files.createDirectories(tmp.resolve("wheels"));
        venv = tmp.resolve("venv");
        assertThat(Transcript.of("venv", venv.toString(), "--python", python.toString()).exitCode()).isZero();
        List<Path> all = new ArrayList<>();
        all.add(WheelWriter.wheel("App", "1.0").file("app.py", "").metadataLines(
                "Requires-Dist: web[socks]>=2.0\nRequires-Dist: util<2\nRequires-Dist: absent>=1\n"
                        + "Requires-Dist: legacy; python_version < '3'\n").writeTo(wheels));
        all.add(WheelWriter.wheel("web", "2.5").file("web.py", "").metadataLines(
                "Requires-Dist: util>=1\nRequires-Dist: socksy; extra == 'socks'\nRequires-Dist: never; extra == 'other'\n"
                        + "Provides-Extra: socks\nProvides-Extra: other\n").writeTo(wheels));
        all.add(WheelWriter.wheel("util", "2.1").file("util.py", "").writeTo(wheels));
        all.add(WheelWriter.wheel("socksy", "1.0").file("socksy.py", "").writeTo(wheels));
        // A cycle that nothing else requires, and one hanging under app.
        all.add(WheelWriter.wheel("ping", "1.0").file("ping.py", "").metadataLines("Requires-Dist: pong\n").writeTo(wheels));
        all.add(WheelWriter.wheel("pong", "1.0").file("pong.py", "").metadataLines("Requires-Dist: ping\n").writeTo(wheels));
        List<String> args = new ArrayList<>(List.of("install", "--cache-dir=" + cache, "--python", venv.toString(),
                "--no-deps"));
        all.forEach(w -> args.add(w.toString()));
        Transcript installed = Transcript.of(args.toArray(String[]::new));
        assertThat(installed.exitCode()).as(installed.err()).isZero();
    }

    static Transcript tree(String... options) {
        List<String> args = new ArrayList<>(List.of("tree", "--cache-dir=" + tmp.resolve("cache"), "--python",
                venv.toString()));
        args.addAll(List.of(options));
        return Transcript.of(args.toArray(String[]::new));
    }

    @Test
    void showsRootsWithTheirDependenciesExtrasMissingConflictsAndCycles() {
        Transcript t = tree();
        assertThat(t.err()).isEmpty();
        assertThat(t.exitCode()).isZero();
        assertThat(t.out()).isEqualTo("""
                app v1.0
                ├── absent [required: >=1] (missing)
                ├── util v2.1 [required: <2] (conflict)
                └── web[socks] v2.5 [required: >=2.0]
                    ├── socksy v1.0 [required: *] (extra: socks)
                    └── util v2.1 [required: >=1]
                ping v1.0
                └── pong v1.0 [required: *]
                    └── ping v1.0 [required: *] (*)
                """);
    }

    @Test
    void depthLimitsTheLevelsShown() {
        assertThat(tree("--depth", "0").out()).isEqualTo("app v1.0\nping v1.0\n");
        assertThat(tree("-d", "1", "--package", "app").out()).isEqualTo("""
                app v1.0
                ├── absent [required: >=1] (missing)
                ├── util v2.1 [required: <2] (conflict)
                └── web[socks] v2.5 [required: >=2.0]
                """);
    }

    @Test
    void invertedShowsWhatRequiresEachLeaf() {
        Transcript t = tree("--invert");
        assertThat(t.exitCode()).isZero();
        assertThat(t.out()).isEqualTo("""
                absent (missing)
                └── app v1.0 [requires: absent>=1] (missing)
                socksy v1.0
                └── web v2.5 [requires: socksy] (extra: socks)
                    └── app v1.0 [requires: web[socks]>=2.0]
                util v2.1
                ├── app v1.0 [requires: util<2] (conflict)
                └── web v2.5 [requires: util>=1] (*)
                ping v1.0
                └── pong v1.0 [requires: ping]
                    └── ping v1.0 [requires: pong] (*)
                """);
        assertThat(tree("--reverse", "--package", "UTIL").out()).startsWith("util v2.1\n├── app v1.0");
    }

    @Test
    void jsonNestsTheSameNodes() {
        Transcript t = tree("--json", "--package", "web");
        assertThat(t.exitCode()).isZero();
        assertThat(t.out()).isEqualTo("[{\"name\": \"web\", \"version\": \"2.5\", \"extras\": [], \"requirement\": null,"
                + " \"via_extra\": null, \"status\": \"ok\", \"repeated\": false, \"children\": [{\"name\": \"util\","
                + " \"version\": \"2.1\", \"extras\": [], \"requirement\": \"util>=1\", \"via_extra\": null,"
                + " \"status\": \"ok\", \"repeated\": false, \"children\": []}]}]\n");
        assertThat(tree("--json", "--package", "app", "--depth", "1").out())
                .contains("{\"name\": \"absent\", \"version\": null, \"extras\": [], \"requirement\": \"absent>=1\","
                        + " \"via_extra\": null, \"status\": \"missing\"")
                .contains("\"name\": \"web\", \"version\": \"2.5\", \"extras\": [\"socks\"], \"requirement\": \"web[socks]>=2.0\"");
    }

    @Test
    void anUnknownPackageIsAWarningAndExitCodeOne() {
        Transcript t = tree("--package", "nope", "--package", "ping");
        assertThat(t.exitCode()).isEqualTo(1);
        assertThat(t.err()).isEqualTo("warning: package not installed: nope\n");
        assertThat(t.out()).startsWith("ping v1.0\n");
    }
}
