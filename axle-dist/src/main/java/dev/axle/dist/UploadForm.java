package dev.axle.dist;

import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a legacy upload ({@code POST /legacy/}, multipart/form-data) as twine and
 * {@code uv publish} send them, everything but the {@code content} part (the file itself):
 * {@code :action}, {@code protocol_version}, {@code name}, {@code version},
 * {@code filetype}, {@code pyversion}, {@code metadata_version}, the digests
 * ({@code sha256_digest}, {@code md5_digest}, {@code blake2_256_digest}) and the metadata
 * fields under their form names ({@code summary}, {@code requires_dist}, ...). A field may
 * be given more than once ({@code classifiers}, {@code requires_dist}).
 *
 * <p>An empty value counts as absent, as it does for PyPI's form validation.
 */
public record UploadForm(Map<String, List<String>> fields) {
    public UploadForm {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "field name"), List.copyOf(v)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** A form from single-valued fields. */
    public static UploadForm of(Map<String, String> fields) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        fields.forEach((k, v) -> lists.put(k, List.of(v)));
        return new UploadForm(lists);
    }

    /**
     * The form twine sends to upload {@code distribution}: the action and protocol version,
     * name, version, file type, Python version ({@code source} for an sdist, else the wheel's
     * Python tag as the filename writes it), the digests axle can compute (sha256 and md5; the
     * JDK has no BLAKE2, and Warehouse needs only one digest), and every core metadata field
     * the file declares under its form name.
     */
    public static UploadForm of(Distribution distribution) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put(":action", List.of("file_upload"));
        form.put("protocol_version", List.of("1"));
        RawMetadata metadata = distribution.metadata();
        form.put("metadata_version", metadata.string(MetadataField.METADATA_VERSION).stream().toList());
        // As twine sends it: runs of other characters than letters, digits and dots as one hyphen.
        form.put("name", List.of(metadata.string(MetadataField.NAME).orElse(distribution.name().toString())
                .replaceAll("[^A-Za-z0-9.]+", "-")));
        form.put("version", List.of(metadata.string(MetadataField.VERSION).orElse(distribution.version().toString())));
        form.put("filetype", List.of(distribution.kind().filetype()));
        form.put("pyversion", List.of(pythonTag(distribution)));
        form.put("sha256_digest", List.of(distribution.digests().sha256()));
        form.put("md5_digest", List.of(distribution.digests().md5()));
        for (MetadataField field : MetadataField.values()) {
            String name = formName(field);
            if (form.containsKey(name) || !metadata.has(field)) {
                continue;
            }
            List<String> values = switch (field.kind()) {
                case SINGLE -> metadata.string(field).stream().toList();
                case KEYWORDS -> List.of(String.join(",", metadata.list(field).orElse(List.of())));
                case URLS -> metadata.projectUrls().orElse(Map.of()).entrySet().stream()
                        .map(e -> e.getKey() + ", " + e.getValue()).toList();
                default -> metadata.list(field).orElse(List.of());
            };
            if (!values.isEmpty()) {
                form.put(name, values);
            }
        }
        return new UploadForm(form);
    }

    /** A metadata field's name in the upload form: lower case with underscores, plural for a few, as twine names them. */
    static String formName(MetadataField field) {
        return switch (field) {
            case CLASSIFIER -> "classifiers";
            case PROVIDES_EXTRA -> "provides_extras";
            case PROJECT_URL -> "project_urls";
            default -> field.lowerName().replace('-', '_');
        };
    }

    private static String pythonTag(Distribution distribution) {
        if (distribution.kind() == DistributionKind.SDIST) {
            return "source";
        }
        String[] parts = distribution.filename().substring(0, distribution.filename().length() - ".whl".length())
                .split("-");
        return parts[parts.length - 3];
    }

    /** The first non-empty value of {@code field}. */
    public Optional<String> first(String field) {
        for (String v : all(field)) {
            if (!v.isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code field}, in the order sent; empty if it was not sent. */
    public List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }

    /** {@code :action}, or the empty string if absent. */
    public String action() {
        return first(":action").orElse("");
    }

    /** {@code protocol_version}, if given (PyPI takes an absent one as {@code 1}). */
    public Optional<String> protocolVersion() {
        return first("protocol_version");
    }

    /** {@code name}, or the empty string if absent. */
    public String name() {
        return first("name").orElse("");
    }

    /** {@code version}, or the empty string if absent. */
    public String version() {
        return first("version").orElse("");
    }

    /** {@code filetype} ({@code bdist_wheel}, {@code sdist}), or the empty string if absent. */
    public String filetype() {
        return first("filetype").orElse("");
    }

    /** {@code pyversion}: the wheel's Python tag, or {@code source} for an sdist. */
    public Optional<String> pyversion() {
        return first("pyversion");
    }

    public Optional<String> metadataVersion() {
        return first("metadata_version");
    }

    public Optional<String> sha256Digest() {
        return first("sha256_digest");
    }

    public Optional<String> md5Digest() {
        return first("md5_digest");
    }

    public Optional<String> blake2_256Digest() {
        return first("blake2_256_digest");
    }
}
