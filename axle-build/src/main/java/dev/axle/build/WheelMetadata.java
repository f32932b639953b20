package dev.axle.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A built wheel's {@code {name}-{version}.dist-info/METADATA}. */
public final class WheelMetadata {
    private WheelMetadata() {}

    public static byte[] of(Path wheel) throws IOException, BuildException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            List<? extends ZipEntry> found = zip.stream()
                    .filter(e -> e.getName().matches("[^/]+\\.dist-info/METADATA")).toList();
            if (found.size() != 1) {
                throw new BuildException("the built wheel " + wheel.getFileName() + " holds " + found.size()
                        + " .dist-info/METADATA files, not one", "");
            }
            try (InputStream in = zip.getInputStream(found.get(0))) {
                return in.readAllBytes();
            }
        }
    }
}
