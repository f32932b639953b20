package dev.axle.installer.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelArchiveTest {
    @TempDir
    Path dir;

    private static WheelWriter demo() {
        return WheelWriter.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n");
    }

    private UnpackedWheel unpack(WheelWriter w) throws IOException {
        try (WheelArchive archive = WheelArchive.open(w.writeTo(dir))) {
            return archive.extract(Files.createTempDirectory(dir, "tree").resolve("tree"), "0".repeat(64), done -> { });
        }
    }

    /** Opening and extracting must fail, naming the wheel and the entry, and write nothing outside the tree. */
    private void assertRefused(WheelWriter w, String entry, String problem) throws IOException {
        assertThatThrownBy(() -> unpack(w))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageStartingWith(w.filename() + ": ")
                .hasMessageContaining(entry)
                .hasMessageContaining(problem);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals(w.filename()) || n.startsWith("tree"));
        }
    }

    @Test
    void readsAndExtractsAWheel() throws IOException {
        UnpackedWheel w = unpack(WheelWriter.wheel("Demo.Pkg", "1.0.post1")
                .file("demo/__init__.py", "X = 1\n")
                .executable("demo/tool.sh", "#!/bin/sh\necho hi\n")
                .file("demo/plain", "x".getBytes(StandardCharsets.UTF_8), 0)
                .data("scripts", "run", "#!python\r\nprint('run')\n")
                .data("scripts", "other", "#!/bin/sh\necho\n")
                .consoleScript("demo", "demo.cli:main [extra]")
                .guiScript("demo-gui", "demo:gui.main"));
        assertThat(w.name().toString()).isEqualTo("demo-pkg");
        assertThat(w.displayName()).isEqualTo("Demo.Pkg");
        assertThat(w.distInfo()).isEqualTo("Demo_Pkg-1.0.post1.dist-info");
        assertThat(w.dataFolder()).contains("Demo_Pkg-1.0.post1.data");
        assertThat(w.rootIsPurelib()).isTrue();
        assertThat(w.tags()).containsExactly("py3-none-any");
        assertThat(w.rawMetadata().string(dev.axle.pep.MetadataField.NAME)).contains("Demo.Pkg");
        assertThat(w.files()).extracting(WheelEntry::path).doesNotContain(w.distInfo() + "/RECORD")
                .contains("demo/__init__.py", w.distInfo() + "/METADATA", w.distInfo() + "/entry_points.txt");
        assertThat(Files.readString(w.path("demo/__init__.py"))).isEqualTo("X = 1\n");
        assertThat(Files.isExecutable(w.path("demo/tool.sh"))).isTrue();
        assertThat(Files.isExecutable(w.path("demo/__init__.py"))).isFalse();
        assertThat(Files.isExecutable(w.path("demo/plain"))).isFalse();
        // every script of .data/scripts becomes executable, whatever its zip mode
        assertThat(Files.isExecutable(w.path(w.dataFolder().get() + "/scripts/run"))).isTrue();
        assertThat(Files.isExecutable(w.path(w.dataFolder().get() + "/scripts/other"))).isTrue();
        assertThat(w.pythonScripts()).containsOnlyKeys(w.dataFolder().get() + "/scripts/run");
        assertThat(new String(w.pythonScripts().get(w.dataFolder().get() + "/scripts/run"), StandardCharsets.UTF_8))
                .isEqualTo("print('run')\n");
        assertThat(w.scripts()).extracting(EntryPoint::group, EntryPoint::name, EntryPoint::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("console_scripts", "demo", "demo.cli:main [extra]"),
                org.assertj.core.groups.Tuple.tuple("gui_scripts", "demo-gui", "demo:gui.main"));
        for (WheelEntry e : w.files()) {
            assertThat(WheelWriter.hash(Files.readAllBytes(w.path(e.path())))).isEqualTo(e.hash().toString());
        }
    }

    @Test
    void storedEntriesAndPlatlibRoots() throws IOException {
        UnpackedWheel w = unpack(demo().stored().rootIsPurelib(false).tag("cp312-cp312-manylinux_2_17_x86_64"));
        assertThat(w.rootIsPurelib()).isFalse();
        assertThat(Files.readString(w.path("demo/__init__.py"))).isEqualTo("X = 1\n");
    }

    @Test
    void readsZip64Archives() throws IOException {
        UnpackedWheel w = unpack(demo().zip64().executable("demo/tool", "#!/bin/sh\n"));
        assertThat(Files.readString(w.path("demo/__init__.py"))).isEqualTo("X = 1\n");
        assertThat(Files.isExecutable(w.path("demo/tool"))).isTrue();
        // and java.util.zip agrees that this is a valid zip64 archive
        try (ZipFile zip = new ZipFile(dir.resolve(demo().filename()).toFile())) {
            assertThat(zip.getEntry("demo/__init__.py").getSize()).isEqualTo(6);
        }
    }

    @Test
    void pathsDifferingOnlyInCaseAreDistinctFiles() throws IOException {
        UnpackedWheel w = unpack(demo().file("demo/Mod.py", "A\n").file("demo/mod.py", "b\n"));
        assertThat(Files.readString(w.path("demo/Mod.py"))).isEqualTo("A\n");
        assertThat(Files.readString(w.path("demo/mod.py"))).isEqualTo("b\n");
    }

    @Test
    void symlinksInsideTheTreeAreKept() throws IOException {
        UnpackedWheel w = unpack(demo().file("demo/libs/libx.so.1", "ELF").symlink("demo/libs/libx.so", "libx.so.1")
                .symlink("demo/alias.py", "./libs/../__init__.py"));
        assertThat(Files.isSymbolicLink(w.path("demo/libs/libx.so"))).isTrue();
        assertThat(Files.readString(w.path("demo/libs/libx.so"))).isEqualTo("ELF");
        assertThat(Files.readString(w.path("demo/alias.py"))).isEqualTo("X = 1\n");
        assertThat(w.files()).filteredOn(e -> e.path().equals("demo/libs/libx.so"))
                .singleElement().satisfies(e -> assertThat(e.symlinkTarget()).contains("libx.so.1"));
    }

    @Test
    void refusesPathTraversal() throws IOException {
        assertRefused(demo().file("../evil.py", "x"), "../evil.py", "'..' segment");
        assertRefused(demo().file("demo/../../evil.py", "x"), "demo/../../evil.py", "'..' segment");
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        assertRefused(demo().file("/tmp/evil.py", "x"), "/tmp/evil.py", "absolute path");
    }

    @Test
    void refusesDriveAndBackslashForms() throws IOException {
        assertRefused(demo().file("C:/evil.py", "x"), "C:/evil.py", "drive letter");
        assertRefused(demo().file("C:\\evil.py", "x"), "C:\\evil.py", "backslash");
        assertRefused(demo().file("demo\\..\\..\\evil.py", "x"), "demo\\..\\..\\evil.py", "backslash");
    }

    @Test
    void refusesEmptyAndDotSegments() throws IOException {
        assertRefused(demo().file("demo//x.py", "x"), "demo//x.py", "empty or '.' segment");
        assertRefused(demo().file("./demo/x.py", "x"), "./demo/x.py", "empty or '.' segment");
    }

    @Test
    void refusesSymlinksLeavingTheTree() throws IOException {
        assertRefused(demo().symlink("demo/passwd", "../../etc/passwd"), "demo/passwd", "leaves the wheel");
        assertRefused(demo().symlink("demo/passwd", "/etc/passwd"), "demo/passwd", "not a relative path");
        assertRefused(demo().symlink("demo/dir", ".."), "demo/dir", "not a regular file of the wheel");
        assertRefused(demo().symlink("demo/a", "b").symlink("demo/b", "../../x"), "demo/a", "not a regular file");
        assertRefused(demo().symlink("demo/a", "b").symlink("demo/b", "a"), "demo/a", "not a regular file");
    }

    @Test
    void refusesSymlinksIntoAnotherInstallFolder() throws IOException {
        WheelWriter w = demo();
        w.symlink(w.dataFolder() + "/scripts/demo", "../../demo/__init__.py");
        assertRefused(w, w.dataFolder() + "/scripts/demo", "installed to another folder");
    }

    @Test
    void refusesDuplicateEntries() throws IOException {
        assertRefused(demo().file("demo/x.py", "a").file("demo/x.py", "b"), "demo/x.py", "appears twice");
    }

    @Test
    void refusesAFileThatIsAlsoAFolder() throws IOException {
        assertRefused(demo().file("demo/x", "a").file("demo/x/y.py", "b"), "demo/x", "is a file");
    }

    @Test
    void refusesAHashMismatchWhileExtracting() throws IOException {
        WheelWriter w = demo().recordLine("demo/__init__.py", WheelWriter.hash("X = 2\n".getBytes()), "6");
        assertRefused(w, "demo/__init__.py", "does not match its RECORD hash (" + WheelWriter.hash("X = 2\n".getBytes())
                + " expected, " + WheelWriter.hash("X = 1\n".getBytes()) + " found); the wheel is corrupt or was "
                + "modified: download it again");
    }

    @Test
    void acceptsHexDigestsAsSomeBuildersWriteThem() throws Exception {
        byte[] content = "X = 1\n".getBytes();
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        UnpackedWheel w = unpack(demo().recordLine("demo/__init__.py", "sha256=" + hex, "6"));
        assertThat(w.files()).filteredOn(e -> e.path().equals("demo/__init__.py")).singleElement()
                .satisfies(e -> assertThat(e.hash().toString()).isEqualTo(WheelWriter.hash(content)));
        String wrongHex = "sha256=" + "0".repeat(64);
        assertRefused(demo().recordLine("demo/__init__.py", wrongHex, "6"), "demo/__init__.py",
                "does not match its RECORD hash (" + wrongHex + " expected");
    }

    @Test
    void refusesASizeMismatch() throws IOException {
        WheelWriter w = demo().recordLine("demo/__init__.py", WheelWriter.hash("X = 1\n".getBytes()), "7");
        assertRefused(w, "demo/__init__.py", "is 6 bytes, but RECORD says 7");
    }

    @Test
    void refusesAFileMissingFromRecord() throws IOException {
        assertRefused(demo().file("demo/extra.py", "x").notInRecord("demo/extra.py"), "demo/extra.py",
                "is not listed in RECORD");
    }

    @Test
    void refusesRecordLinesWithoutHashOrWithAWeakOne() throws IOException {
        assertRefused(demo().recordLine("demo/__init__.py", "", "6"), "demo/__init__.py", "has no hash in RECORD");
        assertRefused(demo().recordLine("demo/__init__.py", "sha1=AAAA", "6"), "demo/__init__.py",
                "sha256 or stronger");
    }

    @Test
    void refusesRecordLinesForFilesNotInTheWheel() throws IOException {
        assertRefused(demo().extraRecordLine("demo/gone.py,sha256=AAAA,4"), "demo/gone.py",
                "is listed in RECORD but is not in the wheel");
    }

    @Test
    void refusesAWheelWithoutRecord() throws IOException {
        WheelWriter w = demo().withoutRecord();
        assertRefused(w, w.distInfo() + "/RECORD", "is missing");
    }

    @Test
    void refusesMetadataThatDisagreesWithTheFilename() throws IOException {
        WheelWriter name = demo().metadataName("other");
        assertRefused(name, name.distInfo() + "/METADATA", "names the project other, but the filename says demo");
        WheelWriter version = demo().metadataVersion("2.0");
        assertRefused(version, version.distInfo() + "/METADATA", "gives version 2.0, but the filename says 1.0");
    }

    @Test
    void acceptsMetadataThatAgreesAfterNormalization() throws IOException {
        UnpackedWheel w = unpack(demo().metadataName("DEMO").metadataVersion("1.0.0"));
        assertThat(w.displayName()).isEqualTo("DEMO");
    }

    @Test
    void refusesANewerWheelVersion() throws IOException {
        WheelWriter w = demo().wheelVersion("2.0");
        assertRefused(w, w.distInfo() + "/WHEEL", "Wheel-Version 2.0 is not supported");
        assertThat(unpack(demo().wheelVersion("1.9")).wheelInfo().wheelVersion()).isEqualTo("1.9");
    }

    @Test
    void refusesDistInfoProblems() throws IOException {
        WheelWriter two = demo().file("other-1.0.dist-info/METADATA", "Name: other\n");
        assertRefused(two, "has 2 .dist-info folders", "exactly one");
        WheelWriter renamed = WheelWriter.wheel("demo", "1.0").file("demo/__init__.py", "");
        Path file = renamed.writeTo(dir, "demo-1.1-py3-none-any.whl");
        assertThatThrownBy(() -> WheelArchive.open(file).close())
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageContaining("demo-1.0.dist-info: does not match the wheel's name and version (demo 1.1)");
    }

    @Test
    void refusesDataFolderProblems() throws IOException {
        WheelWriter unknown = demo().data("lib", "x.py", "x");
        assertRefused(unknown, unknown.dataFolder() + "/lib/x.py", "not an install scheme key");
        WheelWriter flat = demo().file("demo-1.0.data/x.py", "x");
        assertRefused(flat, "demo-1.0.data/x.py", "is directly in demo-1.0.data");
        WheelWriter other = demo().file("other-1.0.data/purelib/x.py", "x");
        assertRefused(other, "other-1.0.data", "does not match the wheel's name and version");
    }

    @Test
    void refusesBadEntryPoints() throws IOException {
        WheelWriter injected = demo().consoleScript("demo", "os; import evil:main");
        assertRefused(injected, injected.distInfo() + "/entry_points.txt", "dotted Python names");
        WheelWriter noFunction = demo().consoleScript("demo", "demo");
        assertRefused(noFunction, noFunction.distInfo() + "/entry_points.txt", "names no function");
        WheelWriter traversal = demo().consoleScript("../../evil", "demo:main");
        assertRefused(traversal, traversal.distInfo() + "/entry_points.txt", "not a plain file name");
        WheelWriter both = demo().consoleScript("demo", "demo:main").guiScript("demo", "demo:main");
        assertRefused(both, both.distInfo() + "/entry_points.txt", "in both console_scripts and gui_scripts");
    }

    @Test
    void readsEntryPointsAsImportlibMetadataDoes() {
        List<EntryPoint> scripts = EntryPoints.scripts("""
                ignored = before:any_section
                # comment
                [console_scripts]
                  a = pkg.mod:func
                b=pkg:obj.attr   [x,  y]
                a = pkg.mod:later
                [other]
                not = checked here at all ( )
                [[gui_scripts]]
                g = pkg:gui
                """);
        assertThat(scripts).extracting(EntryPoint::name, EntryPoint::module, EntryPoint::attr, EntryPoint::extras)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "pkg.mod", java.util.Optional.of("later"), List.of()),
                        org.assertj.core.groups.Tuple.tuple("b", "pkg", java.util.Optional.of("obj.attr"), List.of("x", "y")),
                        org.assertj.core.groups.Tuple.tuple("g", "pkg", java.util.Optional.of("gui"), List.of()));
    }

    @Test
    void refusesACorruptZip() throws IOException {
        Path file = demo().writeTo(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> WheelArchive.open(file).close())
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageContaining("demo-1.0-py3-none-any.whl: not a valid zip file");
    }

    @Test
    void refusesAnEntryWhoseDataDoesNotMatchItsCrc() throws IOException {
        byte[] bytes = demo().stored().bytes();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("X = 1\n");
        bytes[at] = 'Y';
        Path file = dir.resolve("demo-1.0-py3-none-any.whl");
        Files.write(file, bytes);
        assertThatThrownBy(() -> {
            try (WheelArchive archive = WheelArchive.open(file)) {
                archive.extract(dir.resolve("tree"), "0".repeat(64), d -> { });
            }
        }).isInstanceOf(InvalidWheelException.class).hasMessageContaining("demo/__init__.py: fails its CRC check");
    }

    @Test
    void extractsRealWheels() throws IOException {
        List<Path> wheels = Pythons.realWheels();
        assumeFalse(wheels.isEmpty(), "no real wheels on this machine (/usr/share/python-wheels, ensurepip)");
        for (Path wheel : wheels) {
            Path tree = Files.createTempDirectory(dir, "real").resolve("tree");
            UnpackedWheel w;
            try (WheelArchive archive = WheelArchive.open(wheel)) {
                w = archive.extract(tree, "0".repeat(64), d -> { });
            }
            List<String> names = new ArrayList<>();
            try (ZipFile zip = new ZipFile(wheel.toFile())) {
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            }
            names.remove(w.distInfo() + "/RECORD");
            assertThat(w.files()).as(wheel.toString()).extracting(WheelEntry::path)
                    .containsExactlyInAnyOrderElementsOf(names);
            for (WheelEntry e : w.files()) {
                assertThat(WheelWriter.hash(Files.readAllBytes(w.path(e.path())))).isEqualTo(e.hash().toString());
            }
            assertThat(w.displayName()).isIn("pip", "setuptools", "wheel");
        }
    }
}
