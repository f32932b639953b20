package dev.axle.dist;

import dev.axle.pep.InvalidSdistFilenameException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;

/**
 * What a distribution's filename says: its kind, project and version, and the name and
 * version as written ({@code stem}, e.g. {@code Foo_Bar-1.0}), which name the folder its
 * metadata sits in.
 */
record DistributionFilename(String filename, DistributionKind kind, ProjectName name, Version version,
        SdistFilename.Format sdistFormat, String stem) {

    static DistributionFilename parse(String filename) throws DistributionException {
        if (filename == null || filename.isEmpty()) {
            throw new DistributionException("Invalid distribution file: no filename given", "", null);
        }
        checkCharacters(filename);
        if (filename.endsWith(".whl")) {
            return wheel(filename);
        }
        if (filename.endsWith(".tar.gz") || filename.endsWith(".zip")) {
            return sdist(filename);
        }
        throw new DistributionException("Invalid file extension: use .tar.gz, .whl or .zip (PEP 527, PEP 625): "
                + quote(filename), filename, null);
    }

    /** A filename becomes a path in the file store: no folders, no control characters. */
    private static void checkCharacters(String filename) throws DistributionException {
        if (filename.indexOf('/') >= 0 || filename.indexOf('\\') >= 0) {
            throw new DistributionException("Cannot upload a file with '/' or '\\' in the name: " + quote(filename),
                    filename, null);
        }
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new DistributionException("Cannot upload a file with non-printable characters (ordinals 0-31)"
                        + " or the DEL character (ordinal 127) in the name: " + quote(filename), filename, null);
            }
        }
        if (filename.startsWith(".")) {
            throw new DistributionException("Invalid distribution file: the filename starts with '.': "
                    + quote(filename), filename, null);
        }
    }

    private static DistributionFilename wheel(String filename) throws DistributionException {
        WheelFilename parsed;
        try {
            parsed = WheelFilename.parse(filename);
        } catch (InvalidWheelFilenameException e) {
            throw new DistributionException(withFilename(e.reason(), filename), filename, null, e);
        }
        String[] parts = filename.split("-", 3);
        if (!ProjectName.isValid(parts[0])) {
            throw new DistributionException("Invalid wheel filename (invalid project name " + quote(parts[0]) + "): "
                    + quote(filename), filename, null);
        }
        return new DistributionFilename(filename, DistributionKind.WHEEL, ProjectName.parse(parts[0]),
                parsed.version(), null, parts[0] + "-" + parts[1]);
    }

    private static DistributionFilename sdist(String filename) throws DistributionException {
        SdistFilename parsed;
        try {
            parsed = SdistFilename.parse(filename);
        } catch (InvalidSdistFilenameException e) {
            throw new DistributionException(withFilename(e.reason(), filename), filename, null, e);
        }
        String stem = filename.substring(0, filename.length() - parsed.format().extension().length());
        // packaging's parse_sdist_filename normalizes any name; an index wants a valid one.
        String name = stem.substring(0, stem.lastIndexOf('-'));
        if (!ProjectName.isValid(name)) {
            throw new DistributionException("Invalid sdist filename (invalid project name " + quote(name) + "): "
                    + quote(filename), filename, null);
        }
        return new DistributionFilename(filename, DistributionKind.SDIST, ProjectName.parse(name), parsed.version(),
                parsed.format(), stem);
    }

    /** Whether a folder named {@code dir} ({@code name-version}) belongs to this distribution. */
    boolean matchesFolder(String dir) {
        int dash = dir.lastIndexOf('-');
        if (dash <= 0) {
            return false;
        }
        String dirName = dir.substring(0, dash);
        return ProjectName.isValid(dirName) && ProjectName.parse(dirName).equals(name)
                && Version.tryParse(dir.substring(dash + 1)).map(version::equals).orElse(false);
    }

    /** packaging's messages quote the filename without its extension; say which file it was. */
    private static String withFilename(String reason, String filename) {
        return reason.contains(quote(filename)) ? reason : reason + " in " + quote(filename);
    }

    /** Quoted, with control characters escaped: messages go into one HTTP status line. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
