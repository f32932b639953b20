package dev.axle.installer.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.env.Scheme;
import dev.axle.installer.WheelWriter;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path dir;

    private final Path prefix = Path.of("/env");
    private final Scheme scheme = new Scheme(prefix.resolve("lib/python3.12/site-packages"),
            prefix.resolve("lib64/python3.12/site-packages"), prefix.resolve("bin"),
            prefix.resolve("include/site/python3.12"), prefix);
    private final Path python = prefix.resolve("bin/python");
    private final PlanOptions options = new PlanOptions(python, true, Optional.empty(), "axle");

    private UnpackedWheel unpack(WheelWriter w) throws IOException {
        try (WheelArchive archive = WheelArchive.open(w.writeTo(dir))) {
            return archive.extract(Files.createTempDirectory(dir, "tree"), "0".repeat(64), done -> { });
        }
    }

    private static Map<Path, FileAction> byTarget(InstallPlan plan) {
        Map<Path, FileAction> out = new LinkedHashMap<>();
        plan.actions().forEach(a -> out.put(a.target(), a));
        return out;
    }

    private static String text(FileAction action) {
        return new String(((FileAction.Write) action).content(), StandardCharsets.UTF_8);
    }

    @Test
    void placesEveryKindOfFile() throws IOException {
        WheelWriter w = WheelWriter.wheel("Demo_Pkg", "1.0")
                .file("demo/__init__.py", "X = 1\n")
                .data("purelib", "pure.py", "p\n")
                .data("platlib", "plat/native.so", "ELF")
                .data("scripts", "tool", "#!/bin/sh\necho\n")
                .data("headers", "demo.h", "int x;\n")
                .data("data", "share/man/man1/demo.1", ".TH demo\n")
                .distInfoFile("INSTALLER", "pip\n")
                .distInfoFile("licenses/LICENSE", "MIT\n");
        UnpackedWheel u = unpack(w);
        InstallPlan plan = Planner.plan(u, scheme, options);
        Map<Path, FileAction> actions = byTarget(plan);
        Path site = scheme.purelib();
        String data = w.dataFolder();
        assertThat(plan.libDir()).isEqualTo(site);
        assertThat(plan.distInfo()).isEqualTo(site.resolve("Demo_Pkg-1.0.dist-info"));
        assertThat(actions.get(site.resolve("demo/__init__.py")))
                .isEqualTo(new FileAction.Link(u.path("demo/__init__.py"), site.resolve("demo/__init__.py")));
        assertThat(actions.get(site.resolve("pure.py"))).isInstanceOf(FileAction.Link.class);
        assertThat(actions.get(scheme.platlib().resolve("plat/native.so")))
                .isEqualTo(new FileAction.Link(u.path(data + "/platlib/plat/native.so"),
                        scheme.platlib().resolve("plat/native.so")));
        assertThat(actions.get(scheme.scripts().resolve("tool"))).isInstanceOf(FileAction.Link.class);
        assertThat(actions.get(scheme.headers().resolve("Demo-Pkg/demo.h"))).isInstanceOf(FileAction.Link.class);
        assertThat(actions.get(prefix.resolve("share/man/man1/demo.1"))).isInstanceOf(FileAction.Link.class);
        assertThat(actions.get(plan.distInfo().resolve("licenses/LICENSE"))).isInstanceOf(FileAction.Link.class);
        // The wheel's own INSTALLER is replaced by ours; RECORD is the caller's to write.
        assertThat(text(actions.get(plan.distInfo().resolve("INSTALLER")))).isEqualTo("axle\n");
        assertThat(((FileAction.Write) actions.get(plan.distInfo().resolve("REQUESTED"))).content()).isEmpty();
        assertThat(actions).doesNotContainKey(plan.distInfo().resolve("RECORD"));
        assertThat(actions).doesNotContainKey(plan.distInfo().resolve("direct_url.json"));
        assertThat(plan.recordPath()).isEqualTo(plan.distInfo().resolve("RECORD"));

        assertThat(plan.recordEntries()).extracting(RecordEntry::path).containsExactlyInAnyOrder(
                "demo/__init__.py", "pure.py", "../../../lib64/python3.12/site-packages/plat/native.so",
                "../../../bin/tool", "../../../include/site/python3.12/Demo-Pkg/demo.h",
                "../../../share/man/man1/demo.1", "Demo_Pkg-1.0.dist-info/METADATA", "Demo_Pkg-1.0.dist-info/WHEEL",
                "Demo_Pkg-1.0.dist-info/licenses/LICENSE", "Demo_Pkg-1.0.dist-info/INSTALLER",
                "Demo_Pkg-1.0.dist-info/REQUESTED");
        assertThat(plan.directories()).containsExactly(
                prefix, scheme.scripts(), scheme.headers(), scheme.headers().resolve("Demo-Pkg"), site,
                plan.distInfo(), plan.distInfo().resolve("licenses"), site.resolve("demo"),
                scheme.platlib(), scheme.platlib().resolve("plat"), prefix.resolve("share"),
                prefix.resolve("share/man"), prefix.resolve("share/man/man1"));
    }

    @Test
    void aPlatlibRootGoesToPlatlib() throws IOException {
        InstallPlan plan = Planner.plan(unpack(WheelWriter.wheel("demo", "1.0").rootIsPurelib(false)
                .file("demo/__init__.py", "")
                .data("purelib", "pure.py", "")), scheme, options);
        assertThat(plan.libDir()).isEqualTo(scheme.platlib());
        assertThat(byTarget(plan)).containsKeys(scheme.platlib().resolve("demo/__init__.py"),
                scheme.platlib().resolve("demo-1.0.dist-info/METADATA"), scheme.purelib().resolve("pure.py"));
        assertThat(plan.recordPathOf(scheme.purelib().resolve("pure.py")))
                .isEqualTo("../../../lib/python3.12/site-packages/pure.py");
    }

    @Test
    void rewritesPythonShebangs() throws IOException {
        WheelWriter w = WheelWriter.wheel("demo", "1.0")
                .data("scripts", "a", "#!python\nprint('a')\n")
                .data("scripts", "b", "#!pythonw\nprint('b')\n")
                .data("scripts", "c", "#!python\r\nprint('c')\r\n")
                .data("scripts", "d", "#!python3 -E\nprint('d')\n")
                .data("scripts", "e", "#!python")
                .data("scripts", "f", "#!/usr/bin/env python\nprint('f')\n".getBytes(), 0100644)
                .data("scripts", "g", " #!python\n");
        InstallPlan plan = Planner.plan(unpack(w), scheme, options);
        Map<Path, FileAction> actions = byTarget(plan);
        Path bin = scheme.scripts();
        assertThat(text(actions.get(bin.resolve("a")))).isEqualTo("#!/env/bin/python\nprint('a')\n");
        assertThat(text(actions.get(bin.resolve("b")))).isEqualTo("#!/env/bin/python\nprint('b')\n");
        assertThat(text(actions.get(bin.resolve("c")))).isEqualTo("#!/env/bin/python\nprint('c')\r\n");
        assertThat(text(actions.get(bin.resolve("d")))).isEqualTo("#!/env/bin/python\nprint('d')\n");
        assertThat(text(actions.get(bin.resolve("e")))).isEqualTo("#!/env/bin/python\n");
        for (String name : List.of("a", "b", "c", "d", "e")) {
            assertThat(((FileAction.Write) actions.get(bin.resolve(name))).executable()).isTrue();
        }
        // Not #!python: linked from the cache, which made them executable.
        assertThat(actions.get(bin.resolve("f"))).isInstanceOf(FileAction.Link.class);
        assertThat(actions.get(bin.resolve("g"))).isInstanceOf(FileAction.Link.class);
        RecordEntry a = plan.recordEntries().stream().filter(e -> e.path().equals("../../../bin/a")).findFirst().get();
        assertThat(a).isEqualTo(RecordEntry.of("../../../bin/a", "#!/env/bin/python\nprint('a')\n".getBytes()));
    }

    @Test
    void usesTheShTrampolineForLongOrSpacedInterpreters() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("demo", "1.0").data("scripts", "a", "#!python\nprint('a')\n")
                .consoleScript("demo", "demo.cli:main"));
        Path spaced = Path.of("/my envs/env/bin/python");
        InstallPlan plan = Planner.plan(u, scheme, new PlanOptions(spaced, false, Optional.empty(), "axle"));
        String expected = "#!/bin/sh\n'''exec' '/my envs/env/bin/python' \"$0\" \"$@\"\n' '''\n";
        assertThat(text(byTarget(plan).get(scheme.scripts().resolve("a")))).isEqualTo(expected + "print('a')\n");
        assertThat(text(byTarget(plan).get(scheme.scripts().resolve("demo")))).startsWith(expected);

        Path longPath = Path.of("/" + "x".repeat(120) + "/bin/python");
        plan = Planner.plan(u, scheme, new PlanOptions(longPath, false, Optional.empty(), "axle"));
        assertThat(text(byTarget(plan).get(scheme.scripts().resolve("demo"))))
                .startsWith("#!/bin/sh\n'''exec' " + longPath + " \"$0\" \"$@\"\n' '''\n");
        // 124 bytes of path: #!, the path and the line end make 127, the most a kernel reads.
        Path limit = Path.of("/" + "y".repeat(112) + "/bin/python");
        assertThat(limit.toString()).hasSize(124);
        plan = Planner.plan(u, scheme, new PlanOptions(limit, false, Optional.empty(), "axle"));
        assertThat(text(byTarget(plan).get(scheme.scripts().resolve("demo")))).startsWith("#!" + limit + "\n");
        assertThat(Shebang.shellQuote("/a'b c")).isEqualTo("'/a'\"'\"'b c'");
    }

    @Test
    void writesLaunchers() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("demo", "1.0")
                .file("demo/__init__.py", "")
                .consoleScript("demo", "demo.cli:main [color]")
                .guiScript("demo-gui", "demo.gui:App.run")
                .data("scripts", "demo", "setuptools wrapper")
                .data("scripts", "demo-script.py", "setuptools wrapper")
                .data("scripts", "demo-gui.exe", "setuptools wrapper"));
        InstallPlan plan = Planner.plan(u, scheme, options);
        Map<Path, FileAction> actions = byTarget(plan);
        String console = text(actions.get(scheme.scripts().resolve("demo")));
        assertThat(console).startsWith("#!/env/bin/python\n").contains("from demo.cli import main\n")
                .contains("sys.exit(main())");
        assertThat(text(actions.get(scheme.scripts().resolve("demo-gui"))))
                .contains("from demo.gui import App\n").contains("sys.exit(App.run())");
        assertThat(((FileAction.Write) actions.get(scheme.scripts().resolve("demo"))).executable()).isTrue();
        // setuptools' own wrappers for the entry points are not installed
        assertThat(actions).doesNotContainKeys(scheme.scripts().resolve("demo-script.py"),
                scheme.scripts().resolve("demo-gui.exe"));
        assertThat(plan.recordEntries()).extracting(RecordEntry::path)
                .contains("../../../bin/demo", "../../../bin/demo-gui")
                .doesNotContain("../../../bin/demo-script.py");
    }

    @Test
    void namesPipsVersionedLaunchersAfterTheTargetInterpreter() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("pip", "23.2.1")
                .consoleScript("pip", "pip._internal.cli.main:main")
                .consoleScript("pip3", "pip._internal.cli.main:main")
                .consoleScript("pip3.11", "pip._internal.cli.main:main"));
        PlanOptions versioned = new PlanOptions(python, false, Optional.empty(), "axle", Optional.of("3.12"));
        assertThat(Planner.plan(u, scheme, versioned).recordEntries()).extracting(RecordEntry::path)
                .contains("../../../bin/pip", "../../../bin/pip3", "../../../bin/pip3.12")
                .doesNotContain("../../../bin/pip3.11");
        assertThat(Planner.plan(u, scheme, options).recordEntries()).extracting(RecordEntry::path)
                .contains("../../../bin/pip", "../../../bin/pip3", "../../../bin/pip3.11");
    }

    @Test
    void writesDirectUrlAndLeavesOutRequested() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("demo", "1.0").distInfoFile("direct_url.json", "{}"));
        byte[] json = "{\"url\":\"file:///w/demo-1.0-py3-none-any.whl\",\"archive_info\":{}}".getBytes();
        InstallPlan plan = Planner.plan(u, scheme, new PlanOptions(python, false, Optional.of(json), "axle"));
        Map<Path, FileAction> actions = byTarget(plan);
        assertThat(((FileAction.Write) actions.get(plan.distInfo().resolve("direct_url.json"))).content()).isEqualTo(json);
        assertThat(actions).doesNotContainKey(plan.distInfo().resolve("REQUESTED"));
    }

    @Test
    void rendersRecordAsPipDoes() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("demo", "1.0")
                .file("demo/b.py", "b")
                .file("demo/a,b.py", "ab")
                .data("scripts", "run", "#!/bin/sh\n"));
        InstallPlan plan = Planner.plan(u, scheme, options);
        RecordEntry pyc = RecordEntry.of("demo/__pycache__/b.cpython-312.pyc", new byte[] {1, 2});
        String record = new String(plan.renderRecord(List.of(pyc)), StandardCharsets.UTF_8);
        String metadata = plan.recordEntries().stream().filter(e -> e.path().endsWith("METADATA")).findFirst()
                .get().toString();
        String wheel = plan.recordEntries().stream().filter(e -> e.path().endsWith("WHEEL")).findFirst()
                .get().toString();
        // Sorted by path as Python sorts str: "demo-1.0.dist-info" before "demo/" ('-' < '/').
        assertThat(record.split("\r\n")).containsExactly(
                "../../../bin/run," + WheelWriter.hash("#!/bin/sh\n".getBytes()) + ",10",
                "demo-1.0.dist-info/INSTALLER," + WheelWriter.hash("axle\n".getBytes()) + ",5",
                metadata,
                "demo-1.0.dist-info/RECORD,,",
                "demo-1.0.dist-info/REQUESTED," + WheelWriter.hash(new byte[0]) + ",0",
                wheel,
                "demo/__pycache__/b.cpython-312.pyc," + WheelWriter.hash(new byte[] {1, 2}) + ",2",
                "\"demo/a,b.py\"," + WheelWriter.hash("ab".getBytes()) + ",2",
                "demo/b.py," + WheelWriter.hash("b".getBytes()) + ",1");
        assertThat(metadata).startsWith("demo-1.0.dist-info/METADATA,sha256=");
        assertThat(record).endsWith("\r\n");
        assertThat(Record.parse(record).entries()).hasSize(9);
    }

    @Test
    void refusesTwoFilesForOnePath() throws IOException {
        UnpackedWheel u = unpack(WheelWriter.wheel("demo", "1.0")
                .file("demo/x.py", "root")
                .data("purelib", "demo/x.py", "data"));
        assertThatThrownBy(() -> Planner.plan(u, scheme, options))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageContaining("demo-1.0-py3-none-any.whl: demo-1.0.data/purelib/demo/x.py: would be installed "
                        + "to /env/lib/python3.12/site-packages/demo/x.py, where demo/x.py is installed too");
        Scheme shared = new Scheme(scheme.purelib(), scheme.purelib(), scheme.scripts(), scheme.headers(), prefix);
        UnpackedWheel both = unpack(WheelWriter.wheel("demo", "1.0")
                .data("purelib", "y.py", "a")
                .data("platlib", "y.py", "b"));
        assertThatThrownBy(() -> Planner.plan(both, shared, options)).isInstanceOf(InvalidWheelException.class);
    }
}
