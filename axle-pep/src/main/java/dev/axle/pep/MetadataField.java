package dev.axle.pep;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of core metadata, in the order pypa/packaging writes them, each with the
 * metadata version that introduced it.
 */
public enum MetadataField {
    METADATA_VERSION("Metadata-Version", Kind.SINGLE, "1.0"),
    NAME("Name", Kind.SINGLE, "1.0"),
    VERSION("Version", Kind.SINGLE, "1.0"),
    DYNAMIC("Dynamic", Kind.MULTI, "2.2"),
    PLATFORM("Platform", Kind.MULTI, "1.0"),
    SUPPORTED_PLATFORM("Supported-Platform", Kind.MULTI, "1.1"),
    SUMMARY("Summary", Kind.SINGLE, "1.0"),
    DESCRIPTION("Description", Kind.SINGLE, "1.0"),
    DESCRIPTION_CONTENT_TYPE("Description-Content-Type", Kind.SINGLE, "2.1"),
    KEYWORDS("Keywords", Kind.KEYWORDS, "1.0"),
    HOME_PAGE("Home-page", Kind.SINGLE, "1.0"),
    DOWNLOAD_URL("Download-URL", Kind.SINGLE, "1.1"),
    AUTHOR("Author", Kind.SINGLE, "1.0"),
    AUTHOR_EMAIL("Author-email", Kind.SINGLE, "1.0"),
    MAINTAINER("Maintainer", Kind.SINGLE, "1.2"),
    MAINTAINER_EMAIL("Maintainer-email", Kind.SINGLE, "1.2"),
    LICENSE("License", Kind.SINGLE, "1.0"),
    LICENSE_EXPRESSION("License-Expression", Kind.SINGLE, "2.4"),
    LICENSE_FILE("License-File", Kind.MULTI, "2.4"),
    CLASSIFIER("Classifier", Kind.MULTI, "1.1"),
    REQUIRES_DIST("Requires-Dist", Kind.MULTI, "1.2"),
    REQUIRES_PYTHON("Requires-Python", Kind.SINGLE, "1.2"),
    REQUIRES_EXTERNAL("Requires-External", Kind.MULTI, "1.2"),
    PROJECT_URL("Project-URL", Kind.URLS, "1.2"),
    PROVIDES_EXTRA("Provides-Extra", Kind.MULTI, "2.1"),
    PROVIDES_DIST("Provides-Dist", Kind.MULTI, "1.2"),
    OBSOLETES_DIST("Obsoletes-Dist", Kind.MULTI, "1.2"),
    IMPORT_NAME("Import-Name", Kind.MULTI, "2.5"),
    IMPORT_NAMESPACE("Import-Namespace", Kind.MULTI, "2.5"),
    /** Deprecated (PEP 314): superseded by Requires-Dist. */
    REQUIRES("Requires", Kind.MULTI, "1.1"),
    /** Deprecated (PEP 314): superseded by Provides-Dist. */
    PROVIDES("Provides", Kind.MULTI, "1.1"),
    /** Deprecated (PEP 314): superseded by Obsoletes-Dist. */
    OBSOLETES("Obsoletes", Kind.MULTI, "1.1");

    /** How a field's value is held in {@link RawMetadata}. */
    public enum Kind {
        /** One string; the field may appear once. */
        SINGLE,
        /** A list of strings, one per appearance of the field. */
        MULTI,
        /** A list of strings written comma-separated in one field ({@code Keywords}). */
        KEYWORDS,
        /** A label to URL map, one {@code label, url} pair per appearance ({@code Project-URL}). */
        URLS
    }

    /** The metadata versions packaging 26.3 accepts, oldest first. */
    static final List<String> METADATA_VERSIONS =
            List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");

    private static final Map<String, MetadataField> BY_LOWER_NAME = new HashMap<>();

    static {
        for (MetadataField f : values()) {
            BY_LOWER_NAME.put(f.lowerName, f);
        }
    }

    private final String fieldName;
    private final String lowerName;
    private final Kind kind;
    private final String added;

    MetadataField(String fieldName, Kind kind, String added) {
        this.fieldName = fieldName;
        this.lowerName = fieldName.toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.added = added;
    }

    /** The field name as the core metadata specification spells it, e.g. {@code Home-page}. */
    public String fieldName() {
        return fieldName;
    }

    /**
     * The lower-cased field name, e.g. {@code requires-dist}: how packaging names the field
     * in its validation errors.
     */
    public String lowerName() {
        return lowerName;
    }

    public Kind kind() {
        return kind;
    }

    /** The metadata version that introduced the field, e.g. {@code 2.2} for Dynamic. */
    public String added() {
        return added;
    }

    /** Whether the field may appear more than once in the email form. */
    public boolean isMultipleUse() {
        return kind == Kind.MULTI || kind == Kind.URLS;
    }

    /** Looks a field up by name, ignoring ASCII case as email header names do. */
    public static Optional<MetadataField> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_LOWER_NAME.get(Text.asciiLower(name)));
    }
}
