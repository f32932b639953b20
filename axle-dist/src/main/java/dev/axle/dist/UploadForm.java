package dev.axle.dist;

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
