package dev.axle.installer.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTest {
    @TempDir
    Path dir;

    private Path source(String name, String content, String mode) throws IOException {
        Path file = Files.createDirectories(dir.resolve("cache")).resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private Path target(String name) throws IOException {
        return Files.createDirectories(dir.resolve("env")).resolve(name);
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void hardlinksShareTheFile() throws IOException {
        Path source = source("tool", "#!/bin/sh\n", "rwxr-xr-x");
        Linker linker = new Linker(LinkMode.HARDLINK);
        linker.link(source, target("tool"));
        assertThat(inode(target("tool"))).isEqualTo(inode(source));
        assertThat(Files.getAttribute(source, "unix:nlink")).isEqualTo(2);
        assertThat(Files.isExecutable(target("tool"))).isTrue();
        assertThat(linker.effectiveMode()).contains(LinkMode.HARDLINK);
    }

    @Test
    void copiesKeepTheExecutableBit() throws IOException {
        Path tool = source("tool", "#!/bin/sh\n", "rwxr-xr-x");
        Path module = source("mod.py", "x = 1\n", "rw-r--r--");
        Linker linker = new Linker(LinkMode.COPY);
        linker.link(tool, target("tool"));
        linker.link(module, target("mod.py"));
        assertThat(inode(target("tool"))).isNotEqualTo(inode(tool));
        assertThat(Files.readString(target("tool"))).isEqualTo("#!/bin/sh\n");
        assertThat(Files.isExecutable(target("tool"))).isTrue();
        assertThat(Files.isExecutable(target("mod.py"))).isFalse();
    }

    @Test
    void symbolicLinksStayLinks() throws IOException {
        source("libx.so.1", "ELF", "rw-r--r--");
        Path link = Files.createSymbolicLink(dir.resolve("cache/libx.so"), Path.of("libx.so.1"));
        Files.writeString(target("libx.so.1"), "ELF");
        for (LinkMode mode : new LinkMode[] {LinkMode.HARDLINK, LinkMode.COPY}) {
            Path target = target("libx.so-" + mode);
            new Linker(mode).link(link, target);
            assertThat(Files.isSymbolicLink(target)).as(mode.toString()).isTrue();
            assertThat(Files.readSymbolicLink(target)).isEqualTo(Path.of("libx.so.1"));
        }
    }

    @Test
    void anExistingTargetIsAnError() throws IOException {
        Path source = source("a", "a", "rw-r--r--");
        Files.writeString(target("a"), "old");
        for (LinkMode mode : LinkMode.values()) {
            assertThatThrownBy(() -> new Linker(mode).link(source, target("a")))
                    .isInstanceOf(FileAlreadyExistsException.class);
        }
    }

    @Test
    void hardlinkFallsBackToCopyAcrossFileSystems() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        assumeTrue(!Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(dir, "unix:dev")),
                "/dev/shm is on the same file system as " + dir);
        Path other = Files.createTempDirectory(shm, "axle-linker-test");
        try {
            Path tool = source("tool", "#!/bin/sh\n", "rwxr-xr-x");
            Path module = source("mod.py", "x\n", "rw-r--r--");
            Linker linker = new Linker(LinkMode.HARDLINK);
            linker.link(tool, other.resolve("tool"));
            linker.link(module, other.resolve("mod.py"));
            // and the same linker still hard links on the cache's own file system
            linker.link(module, target("mod.py"));
            assertThat(Files.readString(other.resolve("tool"))).isEqualTo("#!/bin/sh\n");
            assertThat(Files.isExecutable(other.resolve("tool"))).isTrue();
            assertThat(Files.getAttribute(module, "unix:nlink")).isEqualTo(2);
            assertThat(inode(target("mod.py"))).isEqualTo(inode(module));
        } finally {
            dev.axle.installer.removal.Removal.deleteTree(other, dev.axle.installer.removal.RemovalListener.NONE);
        }
    }

    @Test
    void autoClonesWhereItCanElseHardlinks() throws IOException {
        Path source = source("mod.py", "x\n", "rw-r--r--");
        boolean clones = Linker.canClone(source, Files.createDirectories(dir.resolve("env")));
        Linker linker = new Linker(LinkMode.AUTO);
        assertThat(linker.effectiveMode()).isEmpty();
        linker.link(source, target("mod.py"));
        assertThat(linker.effectiveMode()).contains(clones ? LinkMode.CLONE : LinkMode.HARDLINK);
        assertThat(Files.readString(target("mod.py"))).isEqualTo("x\n");
        assertThat(inode(target("mod.py")).equals(inode(source))).isEqualTo(!clones);
        try (var files = Files.list(dir.resolve("env"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mod.py");
        }
    }

    @Test
    void skipsTheCloneProbeOnlyWhereCpCannotClone() throws IOException {
        Path source = source("mod.py", "x\n", "rw-r--r--");
        List<Path> folders = new ArrayList<>(List.of(Files.createDirectories(dir.resolve("env"))));
        Path shm = Path.of("/dev/shm"); // tmpfs, another file system than the temporary folder's
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            folders.add(Files.createTempDirectory(shm, "axle-linker-"));
        }
        try {
            for (Path folder : folders) {
                if (!Linker.mayClone(source, folder)) {
                    assertThat(Linker.canClone(source, folder)).as("cp clones into %s", folder).isFalse();
                }
            }
        } finally {
            for (Path folder : folders.subList(1, folders.size())) {
                Files.deleteIfExists(folder);
            }
        }
    }

    @Test
    void cloneMakesAnIndependentFileWithTheSameMode() throws IOException {
        Path source = source("tool", "#!/bin/sh\n", "rwxr-xr-x");
        Linker linker = new Linker(LinkMode.CLONE);
        linker.link(source, target("tool"));
        assertThat(inode(target("tool"))).isNotEqualTo(inode(source));
        assertThat(Files.isExecutable(target("tool"))).isTrue();
        assertThat(Files.readString(target("tool"))).isEqualTo("#!/bin/sh\n");
    }

    @Test
    void parsesModes() {
        assertThat(LinkMode.parse("hardlink")).isEqualTo(LinkMode.HARDLINK);
        assertThat(LinkMode.parse(" Clone ")).isEqualTo(LinkMode.CLONE);
        assertThatThrownBy(() -> LinkMode.parse("symlink")).hasMessageContaining("clone, hardlink or copy");
    }
}
