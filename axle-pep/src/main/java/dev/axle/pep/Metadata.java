package dev.axle.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validated core metadata (versions 1.0 to 2.6, as pypa/packaging 26.3 accepts them), with
 * typed values: {@link Version}, {@link Requirement}s, {@link SpecifierSet},
 * {@link LicenseExpression}, normalized extra names, lower-cased Dynamic field names.
 *
 * <p>{@link #fromEmail(String)} and {@link #fromRaw(RawMetadata)} validate everything at
 * once and throw an {@link InvalidMetadataException} listing every problem: missing
 * Metadata-Version, Name or Version, invalid values, fields newer than the declared
 * Metadata-Version, unknown and unparsable fields. {@link #fromRawLenient(RawMetadata)}
 * validates nothing up front; reading an invalid field then throws for that field alone
 * (packaging's {@code validate=False}).
 *
 * <p>Absent single-use fields are empty Optionals and absent multiple-use fields empty
 * lists; {@link #has(MetadataField)} tells absent from empty where that matters (an empty
 * {@code Import-Name} declares that the distribution has no import names).
 */
public final class Metadata {
    private static final String INVALID = "invalid metadata";
    private static final String INVALID_OR_UNPARSED = "invalid or unparsed metadata";

    private final Map<MetadataField, Object> values;
    private final Map<MetadataField, InvalidMetadataException> failures;
    private final Set<MetadataField> present;

    private Metadata(Map<MetadataField, Object> values, Map<MetadataField, InvalidMetadataException> failures,
            Set<MetadataField> present) {
        this.values = Collections.unmodifiableMap(values);
        this.failures = Collections.unmodifiableMap(failures);
        this.present = Collections.unmodifiableSet(EnumSet.copyOf(present));
    }

    /** Parses and validates METADATA / PKG-INFO text. */
    public static Metadata fromEmail(String text) {
        return validate(RawMetadata.parseEmail(text), INVALID_OR_UNPARSED);
    }

    /** Parses and validates METADATA / PKG-INFO bytes (UTF-8). */
    public static Metadata fromEmail(byte[] data) {
        return validate(RawMetadata.parseEmail(data), INVALID_OR_UNPARSED);
    }

    /**
     * Validates raw metadata. Its unparsed fields are problems too (packaging's
     * {@code from_email}); without any, the summary is packaging's {@code from_raw} one.
     */
    public static Metadata fromRaw(RawMetadata raw) {
        return validate(raw, raw.unparsed().isEmpty() ? INVALID : INVALID_OR_UNPARSED);
    }

    /**
     * Types what can be typed without validating as a whole: no check of the metadata
     * version against the fields present, no complaint about unparsed fields, and an
     * invalid or missing field throws only when it is read.
     */
    public static Metadata fromRawLenient(RawMetadata raw) {
        Map<MetadataField, Object> values = new EnumMap<>(MetadataField.class);
        Map<MetadataField, InvalidMetadataException> failures = new EnumMap<>(MetadataField.class);
        for (MetadataField field : MetadataField.values()) {
            Object value = raw.value(field);
            if (value == null && !isRequired(field)) {
                continue;
            }
            try {
                values.put(field, MetadataValidator.convert(field, value));
            } catch (InvalidMetadataException e) {
                failures.put(field, e);
            }
        }
        return new Metadata(values, failures, present(raw));
    }

    private static Set<MetadataField> present(RawMetadata raw) {
        Set<MetadataField> present = EnumSet.noneOf(MetadataField.class);
        present.addAll(raw.fields());
        return present;
    }

    private static boolean isRequired(MetadataField field) {
        return field == MetadataField.METADATA_VERSION || field == MetadataField.NAME
                || field == MetadataField.VERSION;
    }

    private static Metadata validate(RawMetadata raw, String summary) {
        List<InvalidMetadataException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : raw.unparsed().entrySet()) {
            String name = e.getKey();
            problems.add(new InvalidMetadataException.Problem(name, MetadataField.byName(name).isPresent()
                    ? Text.pyRepr(name) + " has invalid data"
                    : "unrecognized field: " + Text.pyRepr(name)));
        }
        Map<MetadataField, Object> values = new EnumMap<>(MetadataField.class);
        int age = -1;
        String metadataVersion = null;
        for (MetadataField field : MetadataField.values()) {
            Object value = raw.value(field);
            if (value == null && !isRequired(field)) {
                continue;
            }
            if (value == null && raw.unparsed().containsKey(field.lowerName())) {
                continue; // already reported as invalid data, not also as missing
            }
            if (age >= 0 && MetadataField.METADATA_VERSIONS.indexOf(field.added()) > age) {
                problems.add(new InvalidMetadataException.Problem(field.lowerName(), field.lowerName()
                        + " introduced in metadata version " + field.added() + ", not " + metadataVersion));
                continue;
            }
            try {
                Object typed = MetadataValidator.convert(field, value);
                values.put(field, typed);
                if (field == MetadataField.METADATA_VERSION) {
                    metadataVersion = (String) typed;
                    age = MetadataField.METADATA_VERSIONS.indexOf(metadataVersion);
                }
            } catch (InvalidMetadataException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMetadataException(summary, problems);
        }
        return new Metadata(values, new EnumMap<>(MetadataField.class), present(raw));
    }

    /** Whether the field was given (valid or not, for lenient metadata). */
    public boolean has(MetadataField field) {
        return present.contains(field);
    }

    private Object get(MetadataField field) {
        InvalidMetadataException failure = failures.get(field);
        if (failure != null) {
            throw failure;
        }
        return values.get(field);
    }

    private Optional<String> string(MetadataField field) {
        return Optional.ofNullable((String) get(field));
    }

    @SuppressWarnings("unchecked")
    private List<String> list(MetadataField field) {
        Object v = get(field);
        return v == null ? List.of() : (List<String>) v;
    }

    /** Metadata-Version, one of 1.0, 1.1, 1.2, 2.1 to 2.6. */
    public String metadataVersion() {
        return (String) get(MetadataField.METADATA_VERSION);
    }

    /** Name as written (valid, not normalized). */
    public String name() {
        return (String) get(MetadataField.NAME);
    }

    public Version version() {
        return (Version) get(MetadataField.VERSION);
    }

    /** Dynamic: lower-cased field names. */
    public List<String> dynamic() {
        return list(MetadataField.DYNAMIC);
    }

    public List<String> platforms() {
        return list(MetadataField.PLATFORM);
    }

    public List<String> supportedPlatforms() {
        return list(MetadataField.SUPPORTED_PLATFORM);
    }

    public Optional<String> summary() {
        return string(MetadataField.SUMMARY);
    }

    /** The description: the message body, or the Description header. */
    public Optional<String> description() {
        return string(MetadataField.DESCRIPTION);
    }

    public Optional<String> descriptionContentType() {
        return string(MetadataField.DESCRIPTION_CONTENT_TYPE);
    }

    public List<String> keywords() {
        return list(MetadataField.KEYWORDS);
    }

    public Optional<String> homePage() {
        return string(MetadataField.HOME_PAGE);
    }

    public Optional<String> downloadUrl() {
        return string(MetadataField.DOWNLOAD_URL);
    }

    public Optional<String> author() {
        return string(MetadataField.AUTHOR);
    }

    public Optional<String> authorEmail() {
        return string(MetadataField.AUTHOR_EMAIL);
    }

    public Optional<String> maintainer() {
        return string(MetadataField.MAINTAINER);
    }

    public Optional<String> maintainerEmail() {
        return string(MetadataField.MAINTAINER_EMAIL);
    }

    public Optional<String> license() {
        return string(MetadataField.LICENSE);
    }

    public Optional<LicenseExpression> licenseExpression() {
        return Optional.ofNullable((LicenseExpression) get(MetadataField.LICENSE_EXPRESSION));
    }

    public List<String> licenseFiles() {
        return list(MetadataField.LICENSE_FILE);
    }

    public List<String> classifiers() {
        return list(MetadataField.CLASSIFIER);
    }

    /** Requires-Dist: the dependencies, with their extra and environment markers. */
    @SuppressWarnings("unchecked")
    public List<Requirement> requiresDist() {
        Object v = get(MetadataField.REQUIRES_DIST);
        return v == null ? List.of() : (List<Requirement>) v;
    }

    public Optional<SpecifierSet> requiresPython() {
        return Optional.ofNullable((SpecifierSet) get(MetadataField.REQUIRES_PYTHON));
    }

    public List<String> requiresExternal() {
        return list(MetadataField.REQUIRES_EXTERNAL);
    }

    /** Project-URL: label to URL, in the order written. */
    @SuppressWarnings("unchecked")
    public Map<String, String> projectUrls() {
        Object v = get(MetadataField.PROJECT_URL);
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    /** Provides-Extra: normalized extra names. */
    public List<String> providesExtra() {
        return list(MetadataField.PROVIDES_EXTRA);
    }

    public List<String> providesDist() {
        return list(MetadataField.PROVIDES_DIST);
    }

    public List<String> obsoletesDist() {
        return list(MetadataField.OBSOLETES_DIST);
    }

    /** Import-Name (2.5): import names, each optionally followed by {@code ; private}. */
    public List<String> importNames() {
        return list(MetadataField.IMPORT_NAME);
    }

    /** Import-Namespace (2.5). */
    public List<String> importNamespaces() {
        return list(MetadataField.IMPORT_NAMESPACE);
    }

    /** Requires (deprecated since 1.2). */
    public List<String> requires() {
        return list(MetadataField.REQUIRES);
    }

    /** Provides (deprecated since 1.2). */
    public List<String> provides() {
        return list(MetadataField.PROVIDES);
    }

    /** Obsoletes (deprecated since 1.2). */
    public List<String> obsoletes() {
        return list(MetadataField.OBSOLETES);
    }

    /**
     * The metadata as raw strings, values written as packaging writes them (normalized
     * version, canonical license expression, lower-cased Dynamic, normalized extras).
     *
     * @throws InvalidMetadataException for lenient metadata with an invalid field
     */
    @SuppressWarnings("unchecked")
    public RawMetadata toRaw() {
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        RawMetadata.Builder b = RawMetadata.builder();
        for (Map.Entry<MetadataField, Object> e : values.entrySet()) {
            MetadataField field = e.getKey();
            Object value = e.getValue();
            switch (field.kind()) {
                case SINGLE -> b.set(field, value.toString());
                case MULTI, KEYWORDS -> {
                    List<String> items = new ArrayList<>();
                    for (Object item : (List<Object>) value) {
                        items.add(item.toString());
                    }
                    b.set(field, items);
                }
                case URLS -> b.projectUrls((Map<String, String>) value);
            }
        }
        return b.build();
    }

    /**
     * Writes the metadata in the email-header form (METADATA / PKG-INFO): the fields in the
     * order pypa/packaging writes them, multiple-use fields repeated, Keywords joined with
     * commas, the description as the body. {@code Metadata.fromEmail(m.toEmail())} equals
     * {@code m} for metadata that was read from text.
     */
    public String toEmail() {
        return toRaw().toEmail();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Metadata m) || !values.equals(m.values) || !failures.keySet().equals(m.failures.keySet())) {
            return false;
        }
        for (Map.Entry<MetadataField, InvalidMetadataException> e : failures.entrySet()) {
            if (!e.getValue().problems().equals(m.failures.get(e.getKey()).problems())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, failures.keySet());
    }

    @Override
    public String toString() {
        return "Metadata" + values + (failures.isEmpty() ? "" : " invalid " + failures.keySet());
    }
}
