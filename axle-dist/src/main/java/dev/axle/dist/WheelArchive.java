package dev.axle.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a wheel's METADATA: the wheel must have exactly one {@code .dist-info} folder at its
 * top, named for the wheel's project and version, holding one METADATA and a WHEEL file.
 */
final class WheelArchive {
    private static final String SUFFIX = ".dist-info";

    private WheelArchive() {}

    static MetadataEntry metadata(Path file, DistributionFilename name, long size) throws DistributionException {
        String filename = name.filename();
        try (ZipArchive zip = ZipArchive.open(file, filename, size)) {
            Set<String> distInfos = new LinkedHashSet<>();
            List<String> metadata = new ArrayList<>();
            List<String> wheel = new ArrayList<>();
            for (String entry : zip.names()) {
                int slash = entry.indexOf('/');
                if (slash <= 0 || !entry.substring(0, slash).endsWith(SUFFIX)) {
                    continue;
                }
                String dir = entry.substring(0, slash);
                distInfos.add(dir);
                String rest = entry.substring(slash + 1);
                if (rest.equals("METADATA")) {
                    metadata.add(entry);
                } else if (rest.equals("WHEEL")) {
                    wheel.add(entry);
                }
            }
            String expected = name.stem() + SUFFIX + "/METADATA";
            String found = DistributionException.single(metadata, "METADATA", filename, expected);
            String dir = found.substring(0, found.indexOf('/'));
            if (distInfos.size() > 1) {
                throw new DistributionException("Invalid distribution file: '" + filename
                        + "' has more than one .dist-info folder: " + String.join(", ", distInfos), filename, null);
            }
            if (!name.matchesFolder(dir.substring(0, dir.length() - SUFFIX.length()))) {
                throw new DistributionException("Invalid distribution file: '" + filename + "' has its METADATA in "
                        + dir + "/, which is not the .dist-info folder of " + name.name() + " " + name.version()
                        + " (expected " + name.stem() + SUFFIX + "/)", filename, found);
            }
            String wheelEntry = dir + "/WHEEL";
            if (wheel.isEmpty()) {
                throw new DistributionException("Invalid distribution file: '" + filename + "' has no WHEEL file (expected "
                        + wheelEntry + ")", filename, wheelEntry);
            }
            return zip.read(found);
        }
    }
}
