package dev.axle.pep;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel filename, {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}
 * (binary distribution format, PEP 427 and PEP 491), read as packaging's
 * {@code parse_wheel_filename} reads it.
 *
 * <p>Two filenames are equal when their canonical forms ({@link #toString()}) are.
 */
public final class WheelFilename {
    private static final String EXTENSION = ".whl";

    private final String name;
    private final Version version;
    private final BuildTag buildTag;
    private final CompressedTagSet tags;
    private final String canonical;

    private WheelFilename(String name, Version version, BuildTag buildTag, CompressedTagSet tags) {
        this.name = name;
        this.version = version;
        this.buildTag = buildTag;
        this.tags = tags;
        this.canonical = name.replace('-', '_') + "-" + version
                + (buildTag == null ? "" : "-" + buildTag) + "-" + tags.toSortedString() + EXTENSION;
    }

    /** Parses a wheel filename; compressed tag sets may list their members in any order. */
    public static WheelFilename parse(String filename) {
        return parse(filename, false);
    }

    /**
     * Parses a wheel filename; with {@code validateOrder}, the members of each compressed tag
     * component must be sorted, as PEP 425 requires.
     *
     * @throws InvalidWheelFilenameException if {@code filename} is not a valid wheel filename
     */
    public static WheelFilename parse(String filename, boolean validateOrder) {
        if (filename == null || !filename.endsWith(EXTENSION)) {
            String shown = filename == null ? "" : filename;
            throw new InvalidWheelFilenameException("Invalid wheel filename (extension must be '.whl'): "
                    + Text.pyRepr(filename), shown, shown.length(), shown.length());
        }
        String stem = filename.substring(0, filename.length() - EXTENSION.length());
        String quoted = Text.pyRepr(stem);
        int dashes = count(stem, '-');
        if (dashes != 4 && dashes != 5) {
            throw new InvalidWheelFilenameException("Invalid wheel filename (wrong number of parts): " + quoted,
                    filename, 0, Math.max(0, stem.length() - 1));
        }
        // The last three parts are the tags; the build tag, when present, is the third.
        int nameEnd = stem.indexOf('-');
        int versionEnd = stem.indexOf('-', nameEnd + 1);
        int buildEnd = dashes == 5 ? stem.indexOf('-', versionEnd + 1) : versionEnd;
        String namePart = stem.substring(0, nameEnd);
        if (namePart.contains("__") || !isEscapedName(namePart)) {
            throw new InvalidWheelFilenameException("Invalid project name: " + quoted, filename, 0,
                    Math.max(0, nameEnd - 1));
        }
        Version version = Version.tryParse(stem.substring(nameEnd + 1, versionEnd)).orElseThrow(() ->
                new InvalidWheelFilenameException("Invalid wheel filename (invalid version): " + quoted,
                        filename, nameEnd + 1, Math.max(nameEnd + 1, versionEnd - 1)));
        BuildTag build = dashes == 5 ? buildTag(stem, versionEnd + 1, buildEnd, filename) : null;
        CompressedTagSet tags;
        try {
            tags = Tag.parse(stem.substring(buildEnd + 1), validateOrder);
        } catch (InvalidTagException e) {
            String reason = e.problem() == InvalidTagException.Problem.UNSORTED
                    ? "Invalid wheel filename (compressed tag set components must be in sorted order per PEP 425): "
                    : "Invalid wheel filename (invalid tag component): ";
            InvalidWheelFilenameException x = new InvalidWheelFilenameException(reason + quoted, filename,
                    buildEnd + 1 + e.start(), buildEnd + 1 + e.end());
            x.initCause(e);
            throw x;
        }
        return new WheelFilename(ProjectName.canonicalize(namePart), version, build, tags);
    }

    /** PEP 427's escaped name: word characters, {@code .} and {@code _}, at least one. */
    private static boolean isEscapedName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp != '.' && !Text.isWordChar(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** A build tag must start with a digit; the rest, up to a line break, is its suffix (packaging's regex). */
    private static BuildTag buildTag(String stem, int from, int to, String filename) {
        int digits = from;
        while (digits < to && Text.isAsciiDigit(stem.charAt(digits))) {
            digits++;
        }
        if (digits == from) {
            throw new InvalidWheelFilenameException("Invalid build number: " + stem.substring(from, to) + " in "
                    + Text.pyRepr(stem), filename, from, Math.max(from, to - 1));
        }
        int newline = stem.indexOf('\n', digits);
        int suffixEnd = newline >= 0 && newline < to ? newline : to;
        return new BuildTag(new BigInteger(stem.substring(from, digits)), stem.substring(digits, suffixEnd));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The normalized project name, such as {@code some-package}. */
    public String name() {
        return name;
    }

    public Version version() {
        return version;
    }

    public Optional<BuildTag> buildTag() {
        return Optional.ofNullable(buildTag);
    }

    /** The tags the wheel declares (its compressed tag set, expanded). */
    public CompressedTagSet tags() {
        return tags;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WheelFilename w && canonical.equals(w.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(canonical);
    }

    /**
     * The canonical filename: escaped normalized name, normalized version, build tag without
     * leading zeros, and each tag component's members sorted.
     */
    @Override
    public String toString() {
        return canonical;
    }
}
