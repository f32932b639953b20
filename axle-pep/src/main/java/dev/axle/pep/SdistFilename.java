package dev.axle.pep;

/**
 * A source distribution filename, {@code {name}-{version}.tar.gz} (or the older
 * {@code .zip}), read as packaging's {@code parse_sdist_filename} reads it.
 *
 * <p>Two filenames are equal when their canonical forms ({@link #toString()}) are.
 */
public final class SdistFilename {
    /** The archive formats packaging accepts for source distributions. */
    public enum Format {
        TAR_GZ(".tar.gz"),
        ZIP(".zip");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private final String name;
    private final Version version;
    private final Format format;
    private final String canonical;

    private SdistFilename(String name, Version version, Format format) {
        this.name = name;
        this.version = version;
        this.format = format;
        this.canonical = name.replace('-', '_') + "-" + version + format.extension;
    }

    /**
     * Parses a source distribution filename. The version is everything after the last
     * {@code -}, since a PEP 440 version cannot contain one.
     *
     * @throws InvalidSdistFilenameException if the extension is not {@code .tar.gz} or
     *     {@code .zip}, there is no {@code -}, the name is empty or the version is invalid
     */
    public static SdistFilename parse(String filename) {
        Format format = null;
        if (filename != null) {
            for (Format f : Format.values()) {
                if (filename.endsWith(f.extension)) {
                    format = f;
                }
            }
        }
        String quoted = Text.pyRepr(filename);
        if (format == null) {
            String shown = filename == null ? "" : filename;
            throw new InvalidSdistFilenameException(
                    "Invalid sdist filename (extension must be '.tar.gz' or '.zip'): " + quoted,
                    shown, shown.length(), shown.length());
        }
        String stem = filename.substring(0, filename.length() - format.extension.length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InvalidSdistFilenameException("Invalid sdist filename: " + quoted, filename, 0,
                    Math.max(0, stem.length() - 1));
        }
        if (dash == 0) {
            throw new InvalidSdistFilenameException("Invalid sdist filename (empty project name): " + quoted,
                    filename, 0, 0);
        }
        Version version = Version.tryParse(stem.substring(dash + 1)).orElseThrow(() ->
                new InvalidSdistFilenameException("Invalid sdist filename (invalid version): " + quoted,
                        filename, dash + 1, Math.max(dash + 1, stem.length() - 1)));
        return new SdistFilename(ProjectName.canonicalize(stem.substring(0, dash)), version, format);
    }

    /** The normalized project name. */
    public String name() {
        return name;
    }

    public Version version() {
        return version;
    }

    public Format format() {
        return format;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SdistFilename s && canonical.equals(s.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical filename: escaped normalized name, normalized version and the extension. */
    @Override
    public String toString() {
        return canonical;
    }
}
