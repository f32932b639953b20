package dev.axle.index;

import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.ProjectName;
import dev.axle.pep.WheelFilename;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds a wheel's {@code METADATA} in its zip: in the top-level {@code {name}-{version}.dist-info}
 * folder whose name is the wheel's project (compared normalized, as the filename may escape it
 * differently). Other top-level {@code .dist-info} folders are ignored, as uv ignores them; two of
 * the wheel's own are an error.
 */
final class DistInfo {
    private static final String SUFFIX = ".dist-info";
    /** Far beyond real metadata (long descriptions reach a few hundred KiB), but bounded. */
    private static final long MAX_METADATA = 64L << 20;

    private DistInfo() {}

    /** The wheel's filename, parsed; {@code wheel} must name a wheel. */
    static WheelFilename filename(DistributionFile wheel) {
        try {
            return WheelFilename.parse(wheel.filename());
        } catch (InvalidWheelFilenameException e) {
            throw new IllegalArgumentException("not a wheel: " + wheel.filename() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The bytes of the wheel's {@code METADATA}.
     *
     * @param url where the bytes come from, as shown in errors (credentials redacted)
     * @throws InvalidWheelException if the zip is invalid or has no single dist-info folder of the
     *                               wheel's name holding a {@code METADATA}
     */
    static byte[] metadata(ZipBytes bytes, DistributionFile wheel, String url) throws IOException {
        String project = filename(wheel).name();
        ZipDirectory.Problems problems = problem -> new InvalidWheelException(wheel.filename(), url, problem,
                "The file is no valid wheel; report it to the project, or pick another version");
        ZipDirectory zip = ZipDirectory.read(bytes, problems);
        Map<String, ZipDirectory.Entry> ours = new TreeMap<>();
        for (ZipDirectory.Entry e : zip.entries()) {
            int slash = e.name().indexOf('/');
            String top = slash < 0 ? "" : e.name().substring(0, slash);
            if (top.endsWith(SUFFIX) && project.equals(projectOf(top))) {
                ours.putIfAbsent(top, null);
                if (e.name().equals(top + "/METADATA")) {
                    ours.put(top, e);
                }
            }
        }
        if (ours.size() != 1) {
            throw problems.invalid(ours.isEmpty() ? "it has no " + project + "-{version}" + SUFFIX + " folder"
                    : "it has " + ours.size() + " " + SUFFIX + " folders for " + project + " " + ours.keySet()
                            + ", where a wheel has one");
        }
        var only = ours.entrySet().iterator().next();
        if (only.getValue() == null) {
            throw problems.invalid("its " + only.getKey() + " folder has no METADATA file");
        }
        return zip.content(only.getValue(), MAX_METADATA);
    }

    /** The normalized project name of a {@code {name}-{version}.dist-info} folder, or null. */
    private static String projectOf(String folder) {
        String stem = folder.substring(0, folder.length() - SUFFIX.length());
        int dash = stem.lastIndexOf('-');
        return dash <= 0 ? null : ProjectName.canonicalize(stem.substring(0, dash));
    }
}
