package dev.axle.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a {@code .tar.gz} source distribution for building, refusing what Python's
 * {@code tarfile} "data" filter refuses: absolute names, names that leave the folder, links
 * and special files. An sdist holds one top folder, {@code {name}-{version}}, the project.
 */
final class SdistUnpacker {
    private SdistUnpacker() {}

    /**
     * Unpacks {@code sdist} into {@code into} (an empty folder).
     *
     * @return the project folder inside it
     * @throws BuildException if the archive holds an entry it must not, or no single top folder
     */
    static Path unpack(Path sdist, Path into) throws IOException, BuildException {
        Path root = into.toAbsolutePath().normalize();
        Path top = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(sdist));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                Path target = root.resolve(name).normalize();
                if (name.startsWith("/") || !target.startsWith(root) || target.equals(root)) {
                    throw refused(sdist, name, "its name leaves the archive's folder");
                }
                if (!entry.isDirectory() && !entry.isFile()) {
                    throw refused(sdist, name, "it is a link or a special file");
                }
                Path first = root.resolve(root.relativize(target).getName(0));
                if (top == null) {
                    top = first;
                } else if (!top.equals(first)) {
                    throw new BuildException(sdist.getFileName() + " holds more than one top folder ("
                            + top.getFileName() + ", " + first.getFileName() + "); an sdist holds one, {name}-{version}", "");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        if (top == null || !Files.isDirectory(top)) {
            throw new BuildException(sdist.getFileName() + " holds no project folder", "");
        }
        return top;
    }

    private static BuildException refused(Path sdist, String entry, String why) {
        return new BuildException(sdist.getFileName() + " holds " + entry + ", which axle does not unpack: " + why, "");
    }
}
