package dev.axle.installer.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.env.Scheme;
import dev.axle.installer.PlanRunner;
import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import dev.axle.installer.cache.LinkMode;
import dev.axle.installer.cache.Linker;
import dev.axle.installer.cache.UnpackListener;
import dev.axle.installer.cache.WheelCache;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans checked against pip with real interpreters: the RECORD pip writes for a wheel and the
 * one the plan gives list the same files with the same hashes, and launchers and rewritten
 * scripts run in environments whose path a kernel's shebang line cannot carry.
 */
class PipInteropTest {
    private static final String SCHEME_SCRIPT = """
            import json, sys
            from pip._internal.locations import get_scheme
            s = get_scheme(sys.argv[1])
            print(json.dumps({k: getattr(s, k) for k in ("purelib", "platlib", "headers", "scripts", "data")}))
            """;

    @TempDir
    Path dir;

    private Path venv(Path python, Path folder) throws IOException {
        Pythons.check(python.toString(), "-m", "venv", "--without-pip", folder.toString());
        return folder.resolve("bin/python");
    }

    private static WheelWriter demo() {
        return WheelWriter.wheel("Demo_Pkg", "1.0")
                .file("demo_pkg/__init__.py", "X = 1\n")
                .file("demo_pkg/cli.py", """
                        import sys
                        def main():
                            print("demo ran as " + sys.argv[0].rsplit("/", 1)[-1] + " " + " ".join(sys.argv[1:]))
                            return 3
                        class App:
                            @staticmethod
                            def run():
                                print("gui ran")
                        """)
                .executable("demo_pkg/tool.sh", "#!/bin/sh\necho tool\n")
                .data("purelib", "demo_extra.py", "Y = 2\n")
                .data("platlib", "demo_native/__init__.py", "Z = 3\n")
                .data("scripts", "demo-run", "#!python\nimport sys\nprint('script ran', sys.prefix == sys.base_prefix)\n")
                .data("scripts", "demo-w", "#!pythonw\r\nprint('pythonw script ran')\r\n")
                .data("scripts", "demo-sh", "#!/bin/sh\necho sh script ran\n".getBytes(), 0100644)
                .data("headers", "demo.h", "int demo;\n")
                .data("data", "share/demo/demo.txt", "data\n")
                .distInfoFile("licenses/LICENSE", "MIT\n")
                .consoleScript("demo", "demo_pkg.cli:main")
                .guiScript("demo-gui", "demo_pkg.cli:App.run");
    }

    @Test
    void recordListsWhatPipListsWithTheSameHashes() throws IOException {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        Path pip = Pythons.pipWheelFor(python);
        Map<String, Path> wheels = new LinkedHashMap<>();
        wheels.put("demo", demo().writeTo(Files.createDirectories(dir.resolve("wheels"))));
        for (Path real : Pythons.realWheels()) {
            String name = real.getFileName().toString();
            if (real.startsWith("/usr/share/python-wheels") || real.equals(pip)) {
                wheels.putIfAbsent(name, real);
            }
        }
        WheelCache cache = new WheelCache(dir.resolve("cache"));
        int n = 0;
        for (Path wheel : wheels.values()) {
            Path venvPython = venv(python, dir.resolve("venv" + n++));
            UnpackedWheel unpacked = cache.unpack(wheel, UnpackListener.NONE);
            Scheme scheme = pipScheme(venvPython, pip, unpacked.displayName());
            Pythons.check(venvPython.toString(), pip.resolve("pip").toString(), "install", "--no-deps",
                    "--no-compile", "--no-index", "--quiet", wheel.toString());
            String version = Pythons.check(venvPython.toString(), "-c",
                    "import sys; print('%d.%d' % sys.version_info[:2])").strip();
            InstallPlan plan = Planner.plan(unpacked, scheme,
                    new PlanOptions(venvPython, true, Optional.empty(), "axle", Optional.of(version)));
            Record pips = Record.parse(Files.readAllBytes(plan.recordPath()));
            Record ours = Record.parse(plan.renderRecord(List.of()));
            compare(wheel, unpacked, plan, pips, ours);
        }
    }

    private Scheme pipScheme(Path venvPython, Path pip, String name) throws IOException {
        Pythons.Result r = Pythons.run(List.of(venvPython.toString(), "-c", SCHEME_SCRIPT, name),
                Map.of("PYTHONPATH", pip.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.output());
        // pip's headers folder already names the project; axle's Scheme holds its parent.
        return new Scheme(Path.of(s.get("purelib").asText()), Path.of(s.get("platlib").asText()),
                Path.of(s.get("scripts").asText()), Path.of(s.get("headers").asText()).getParent(),
                Path.of(s.get("data").asText()));
    }

    private static void compare(Path wheel, UnpackedWheel unpacked, InstallPlan plan, Record pips, Record ours) {
        String bin = plan.recordPathOf(Path.of("/").resolve(pathOfScripts(plan)).resolve("x"));
        String binPrefix = bin.substring(0, bin.length() - 1);
        Set<String> dataScripts = new TreeSet<>();
        unpacked.dataFolder().ifPresent(d -> unpacked.files().stream()
                .filter(e -> e.path().startsWith(d + "/scripts/"))
                .forEach(e -> dataScripts.add(binPrefix + e.path().substring(d.length() + "/scripts/".length()))));
        String distInfo = unpacked.distInfo() + "/";
        Set<String> pipLaunchers = new TreeSet<>();
        Set<String> ourLaunchers = new TreeSet<>();
        Set<String> pipRows = new TreeSet<>();
        Set<String> ourRows = new TreeSet<>();
        split(pips, binPrefix, dataScripts, distInfo, pipLaunchers, pipRows);
        split(ours, binPrefix, dataScripts, distInfo, ourLaunchers, ourRows);
        assertThat(ourRows).as(wheel.toString()).isEqualTo(pipRows);
        assertThat(pipRows).as(wheel.toString()).hasSizeGreaterThan(unpacked.files().size() - dataScripts.size() - 1);
        if (!dataScripts.isEmpty()) {
            // the rewritten #!python scripts, hashed after rewriting, agree too
            assertThat(pipRows).anyMatch(row -> row.startsWith(binPrefix + "demo-run,sha256="))
                    .anyMatch(row -> row.startsWith(binPrefix + "demo-w,sha256="))
                    .anyMatch(row -> row.contains("/include/site/python3.") && row.contains("/Demo-Pkg/demo.h,"));
        }
        // pip names pip's launchers after the running Python and, because its pattern only
        // knows one-digit minor versions, also keeps the wheel's own pip3.11: axle does not.
        assertThat(pipLaunchers).as(wheel.toString()).containsAll(ourLaunchers);
        assertThat(new TreeSet<>(pipLaunchers)).as(wheel.toString())
                .satisfies(p -> p.removeAll(ourLaunchers))
                .allMatch(extra -> extra.matches(".*/(pip\\d+\\.\\d+|easy_install-\\d+\\.\\d+)"));
    }

    private static Path pathOfScripts(InstallPlan plan) {
        for (FileAction a : plan.actions()) {
            if (a instanceof FileAction.Write w && w.executable()) {
                return w.target().getParent();
            }
        }
        return plan.libDir().resolve("../../../bin").normalize();
    }

    /** Launchers to one side (compared by name), installer statements dropped, the rest as rows. */
    private static void split(Record record, String binPrefix, Set<String> dataScripts, String distInfo,
            Set<String> launchers, Set<String> rows) {
        for (RecordEntry e : record.entries()) {
            String path = e.path();
            if (path.equals(distInfo + "INSTALLER") || path.equals(distInfo + "direct_url.json")) {
                continue;
            }
            if (path.startsWith(binPrefix) && !dataScripts.contains(path)) {
                launchers.add(path);
            } else {
                rows.add(e.toString());
            }
        }
    }

    @Test
    void launchersAndScriptsRunWhereTheShebangCannotCarryThePath() throws IOException {
        Path python = Pythons.python("3.12", "3.11", "3.13");
        WheelCache cache = new WheelCache(dir.resolve("cache"));
        UnpackedWheel unpacked = cache.unpack(demo().writeTo(Files.createDirectories(dir.resolve("wheels"))),
                UnpackListener.NONE);
        Path spaced = dir.resolve("with space/env");
        Path deep = dir.resolve("d".repeat(100) + "/env");
        for (Path env : List.of(spaced, deep)) {
            Path venvPython = venv(python, env);
            String version = Pythons.check(venvPython.toString(), "-c",
                    "import sys, sysconfig; print(sysconfig.get_path('purelib'))").strip();
            Path purelib = Path.of(version);
            Scheme scheme = new Scheme(purelib, purelib, env.resolve("bin"), env.resolve("include/site"), env);
            InstallPlan plan = Planner.plan(unpacked, scheme, new PlanOptions(venvPython, true, Optional.empty(), "axle"));
            PlanRunner.install(plan, new Linker(LinkMode.AUTO));
            Path bin = env.resolve("bin");
            assertThat(new String(Files.readAllBytes(bin.resolve("demo"))).lines().findFirst()).contains("#!/bin/sh");

            Pythons.Result demo = Pythons.run(List.of(bin.resolve("demo").toString(), "a b", "c"), Map.of());
            assertThat(demo.exitCode()).as(demo.output()).isEqualTo(3);
            assertThat(demo.output()).isEqualTo("demo ran as demo a b c\n");
            assertThat(Pythons.check(bin.resolve("demo-gui").toString())).isEqualTo("gui ran\n");
            assertThat(Pythons.check(bin.resolve("demo-run").toString())).isEqualTo("script ran False\n");
            assertThat(Pythons.check(bin.resolve("demo-w").toString())).isEqualTo("pythonw script ran\n");
            assertThat(Pythons.check(bin.resolve("demo-sh").toString())).isEqualTo("sh script ran\n");
            assertThat(Pythons.check(venvPython.toString(), "-c", "import demo_pkg, demo_extra, demo_native; "
                    + "print(demo_pkg.X, demo_extra.Y, demo_native.Z)")).isEqualTo("1 2 3\n");
            assertThat(Pythons.check(purelib.resolve("demo_pkg/tool.sh").toString())).isEqualTo("tool\n");
        }
        assertThat(deep.resolve("bin/python").toString().length()).isGreaterThan(127);
    }
}
