package dev.axle.mirror.filter;

import dev.axle.index.DistributionFile;
import dev.axle.pep.CompressedTagSet;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A file of a project page with what its name tells: a wheel's version and tags, an sdist's
 * version (legacy archive forms such as {@code .tar.bz2} included), or neither for other
 * files (eggs, installers) and names that do not parse.
 *
 * @param pythonTags   a wheel's interpreter tags ({@code py3}, {@code cp311}); empty otherwise
 * @param platformTags a wheel's platform tags ({@code any}, {@code manylinux_2_17_x86_64}); empty otherwise
 */
public record ListedFile(DistributionFile file, Kind kind, Optional<Version> version, Set<String> pythonTags,
        Set<String> platformTags) {

    /** What kind of distribution a file is, by its name. */
    public enum Kind { WHEEL, SDIST, OTHER }

    /** Source archive endings, longest first: the standard two and those older sdists used. */
    private static final List<String> SDIST_ENDINGS = List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tar.z", ".tgz",
            ".tbz", ".tar", ".zip");

    public ListedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        pythonTags = Set.copyOf(pythonTags);
        platformTags = Set.copyOf(platformTags);
    }

    /** The file, read by its name. */
    public static ListedFile of(DistributionFile file) {
        String name = file.filename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            try {
                WheelFilename wheel = WheelFilename.parse(name);
                CompressedTagSet tags = wheel.tags();
                return new ListedFile(file, Kind.WHEEL, Optional.of(wheel.version()), tags.interpreters(),
                        tags.platforms());
            } catch (InvalidWheelFilenameException e) {
                return new ListedFile(file, Kind.OTHER, Optional.empty(), Set.of(), Set.of());
            }
        }
        for (String ending : SDIST_ENDINGS) {
            if (lower.endsWith(ending)) {
                String stem = name.substring(0, name.length() - ending.length());
                int dash = stem.lastIndexOf('-');
                Optional<Version> version = dash > 0 ? Version.tryParse(stem.substring(dash + 1)) : Optional.empty();
                return new ListedFile(file, version.isPresent() ? Kind.SDIST : Kind.OTHER, version, Set.of(), Set.of());
            }
        }
        return new ListedFile(file, Kind.OTHER, Optional.empty(), Set.of(), Set.of());
    }

    public String filename() {
        return file.filename();
    }
}
