package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/** A small environment with files of every kind a transaction meets, and ways to change it. */
final class SampleEnvironment {
    static final String SITE = "lib/python3.12/site-packages";

    private SampleEnvironment() {}

    /** Writes the sample into {@code root}: files with modes and old times, a link, nested folders. */
    static void populate(Path root) throws IOException {
        write(root, SITE + "/old/__init__.py", "# old\n", "rw-r--r--");
        write(root, SITE + "/old/mod.py", "print('old')\n", "rwxr-x---");
        write(root, SITE + "/old/data/blob.bin", "\u0000\u0001binary", "rw-------");
        write(root, SITE + "/old-1.0.dist-info/RECORD", "old/__init__.py,,\n", "rw-r--r--");
        write(root, SITE + "/shared/keep.txt", "keep\n", "rw-r--r--");
        write(root, SITE + "/file_where_folder_goes", "a file\n", "rw-r--r--");
        write(root, SITE + "/folder_where_file_goes/inner.txt", "inner\n", "rw-r--r--");
        write(root, "bin/tool", "#!/bin/sh\necho tool\n", "rwxr-xr-x");
        Files.createSymbolicLink(root.resolve("bin/tool-link"), Path.of("tool"));
    }

    static Path write(Path root, String name, String content, String permissions) throws IOException {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.ISO_8859_1);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        Files.setLastModifiedTime(path, FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
        return path;
    }

    /** A creator that writes {@code content} into the target. */
    static FileCreator writing(String content) {
        return target -> Files.writeString(target, content);
    }
}
