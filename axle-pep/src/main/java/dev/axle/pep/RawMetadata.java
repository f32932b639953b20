package dev.axle.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Core metadata as written, before validation: pypa/packaging's {@code RawMetadata} plus the
 * {@code unparsed} fields of {@code parse_email}.
 *
 * <p>Each recognised field holds strings: one string for a single-use field, a list for a
 * multiple-use field and for Keywords (split at commas), a label to URL map for Project-URL.
 * Everything that cannot be held that way is kept in {@link #unparsed()} under the
 * lower-cased field name instead of being dropped: unknown fields, single-use fields given
 * more than once, Keywords given more than once, Project-URL with a repeated label, values
 * that are not valid UTF-8, and a description given both as a header and as the body.
 *
 * <p>{@link Metadata#fromRaw} validates and types the values.
 */
public final class RawMetadata {
    private final Map<MetadataField, Object> fields;
    private final Map<String, List<String>> unparsed;

    private RawMetadata(Map<MetadataField, Object> fields, Map<String, List<String>> unparsed) {
        this.fields = Collections.unmodifiableMap(fields);
        this.unparsed = Collections.unmodifiableMap(unparsed);
    }

    /** Reads METADATA / PKG-INFO text as pypa/packaging's {@code parse_email} does. */
    public static RawMetadata parseEmail(String text) {
        return fromMessage(Rfc822Message.parse(requireInput(text)));
    }

    /**
     * Reads METADATA / PKG-INFO bytes as pypa/packaging's {@code parse_email} does: values are
     * UTF-8; a field with a value that is not is kept in {@link #unparsed()}, decoded as
     * Latin-1 (packaging keeps an undecodable body as bytes; here it is Latin-1 text too).
     */
    public static RawMetadata parseEmail(byte[] data) {
        return fromMessage(Rfc822Message.parse(requireInput(data)));
    }

    private static <T> T requireInput(T input) {
        if (input == null) {
            throw new InvalidMetadataException("invalid or unparsed metadata",
                    List.of(new InvalidMetadataException.Problem("", "no metadata (null)")));
        }
        return input;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static RawMetadata fromMessage(Rfc822Message message) {
        Map<String, List<Rfc822Message.Field>> byName = new LinkedHashMap<>();
        for (Rfc822Message.Field f : message.fields()) {
            byName.computeIfAbsent(Text.asciiLower(f.name()), k -> new ArrayList<>()).add(f);
        }
        Map<MetadataField, Object> fields = new EnumMap<>(MetadataField.class);
        Map<String, List<String>> unparsed = new LinkedHashMap<>();
        for (Map.Entry<String, List<Rfc822Message.Field>> e : byName.entrySet()) {
            List<String> values = new ArrayList<>(e.getValue().size());
            boolean decodable = true;
            for (Rfc822Message.Field f : e.getValue()) {
                values.add(f.value());
                decodable &= !f.undecodable();
            }
            MetadataField field = MetadataField.byName(e.getKey()).orElse(null);
            Object value = decodable && field != null ? rawValue(field, values) : null;
            if (value == null) {
                unparsed.put(e.getKey(), values);
            } else {
                fields.put(field, value);
            }
        }
        String body = message.body();
        if (message.bodyUndecodable()) {
            unparsed.computeIfAbsent("description", k -> new ArrayList<>()).add(body);
        } else if (!body.isEmpty()) {
            // A description both as a header and as the body is ambiguous: keep both, unparsed.
            Object header = fields.remove(MetadataField.DESCRIPTION);
            if (header != null) {
                unparsed.put("description", new ArrayList<>(List.of((String) header, body)));
            } else if (unparsed.containsKey("description")) {
                unparsed.get("description").add(body);
            } else {
                fields.put(MetadataField.DESCRIPTION, body);
            }
        }
        unparsed.replaceAll((k, v) -> List.copyOf(v));
        return new RawMetadata(fields, unparsed);
    }

    /** The raw value of a field given {@code values}, or null if they do not fit the field. */
    private static Object rawValue(MetadataField field, List<String> values) {
        switch (field.kind()) {
            case SINGLE:
                return values.size() == 1 ? values.get(0) : null;
            case MULTI:
                // An empty Import-Name says the project has no import names at all.
                if (field == MetadataField.IMPORT_NAME && values.size() == 1 && values.get(0).isEmpty()) {
                    return List.of();
                }
                return List.copyOf(values);
            case KEYWORDS:
                if (values.size() != 1) {
                    return null;
                }
                List<String> keywords = new ArrayList<>();
                for (String k : values.get(0).split(",", -1)) {
                    keywords.add(Text.strip(k));
                }
                return List.copyOf(keywords);
            case URLS:
                Map<String, String> urls = new LinkedHashMap<>();
                for (String pair : values) {
                    int comma = pair.indexOf(',');
                    String label = Text.strip(comma < 0 ? pair : pair.substring(0, comma));
                    String url = comma < 0 ? "" : Text.strip(pair.substring(comma + 1));
                    if (urls.putIfAbsent(label, url) != null) {
                        return null;
                    }
                }
                return Collections.unmodifiableMap(urls);
            default:
                throw new AssertionError(field);
        }
    }

    /** The fields that are present, in the order of {@link MetadataField}. */
    public Set<MetadataField> fields() {
        return fields.keySet();
    }

    public boolean has(MetadataField field) {
        return fields.containsKey(field);
    }

    /** The value of a single-use field ({@link MetadataField.Kind#SINGLE}). */
    public Optional<String> string(MetadataField field) {
        requireKind(field, MetadataField.Kind.SINGLE);
        return Optional.ofNullable((String) fields.get(field));
    }

    /** The values of a multiple-use field or of Keywords. */
    @SuppressWarnings("unchecked")
    public Optional<List<String>> list(MetadataField field) {
        if (field.kind() != MetadataField.Kind.MULTI) {
            requireKind(field, MetadataField.Kind.KEYWORDS);
        }
        return Optional.ofNullable((List<String>) fields.get(field));
    }

    /** Project-URL as a label to URL map, in the order written. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, String>> projectUrls() {
        return Optional.ofNullable((Map<String, String>) fields.get(MetadataField.PROJECT_URL));
    }

    /** The raw value of a field: a String, a List of Strings or a Map of Strings; null if absent. */
    Object value(MetadataField field) {
        return fields.get(field);
    }

    /**
     * Fields that could not be read into their raw form, by lower-cased name, each with the
     * values in the order written.
     */
    public Map<String, List<String>> unparsed() {
        return unparsed;
    }

    /**
     * Writes the metadata in the email-header form: the fields in the order of
     * {@link MetadataField} with the names as the specification spells them, then the
     * unparsed fields, then the description as the body. Reading the text back with
     * {@link #parseEmail(String)} gives metadata equal to this one when the values came
     * from parsing (a value given programmatically with leading whitespace or with line
     * breaks not followed by indentation cannot be written exactly in this format).
     */
    public String toEmail() {
        StringBuilder out = new StringBuilder(256);
        String body = null;
        for (Map.Entry<MetadataField, Object> e : fields.entrySet()) {
            MetadataField field = e.getKey();
            Object value = e.getValue();
            if (field == MetadataField.DESCRIPTION) {
                // An empty body reads back as no description, so an empty one stays a header.
                if (((String) value).isEmpty()) {
                    Rfc822Message.writeField(out, field.fieldName(), "");
                } else {
                    body = (String) value;
                }
            } else {
                writeRaw(out, field, value);
            }
        }
        for (Map.Entry<String, List<String>> e : unparsed.entrySet()) {
            String name = MetadataField.byName(e.getKey()).map(MetadataField::fieldName).orElse(e.getKey());
            List<String> values = e.getValue();
            int headers = values.size();
            if (name.equals(MetadataField.DESCRIPTION.fieldName()) && body == null && headers > 1) {
                body = values.get(--headers);
            }
            for (int i = 0; i < headers; i++) {
                Rfc822Message.writeField(out, name, values.get(i));
            }
        }
        out.append('\n');
        if (body != null) {
            out.append(body);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeRaw(StringBuilder out, MetadataField field, Object value) {
        String name = field.fieldName();
        switch (field.kind()) {
            case SINGLE -> Rfc822Message.writeField(out, name, (String) value);
            case KEYWORDS -> Rfc822Message.writeField(out, name, String.join(",", (List<String>) value));
            case URLS -> ((Map<String, String>) value).forEach(
                    (label, url) -> Rfc822Message.writeField(out, name, label + ", " + url));
            case MULTI -> {
                List<String> items = (List<String>) value;
                if (items.isEmpty() && field == MetadataField.IMPORT_NAME) {
                    Rfc822Message.writeField(out, name, "");
                }
                for (String item : items) {
                    Rfc822Message.writeField(out, name, item);
                }
            }
        }
    }

    private static void requireKind(MetadataField field, MetadataField.Kind kind) {
        if (field.kind() != kind) {
            throw new IllegalArgumentException(field.fieldName() + " is not a " + kind + " field");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMetadata r && fields.equals(r.fields) && unparsed.equals(r.unparsed);
    }

    @Override
    public int hashCode() {
        return fields.hashCode() * 31 + unparsed.hashCode();
    }

    @Override
    public String toString() {
        return "RawMetadata" + fields + (unparsed.isEmpty() ? "" : " unparsed " + unparsed);
    }

    /** Builds raw metadata from values obtained elsewhere (pyproject.toml, a JSON API, ...). */
    public static final class Builder {
        private final Map<MetadataField, Object> fields = new EnumMap<>(MetadataField.class);
        private final Map<String, List<String>> unparsed = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a single-use field. */
        public Builder set(MetadataField field, String value) {
            requireKind(field, MetadataField.Kind.SINGLE);
            fields.put(field, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a multiple-use field, or Keywords, to {@code values}. */
        public Builder set(MetadataField field, List<String> values) {
            if (field.kind() != MetadataField.Kind.MULTI) {
                requireKind(field, MetadataField.Kind.KEYWORDS);
            }
            fields.put(field, List.copyOf(values));
            return this;
        }

        /** Sets Project-URL to a label to URL map (iteration order is kept). */
        public Builder projectUrls(Map<String, String> urls) {
            Map<String, String> copy = new LinkedHashMap<>();
            urls.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
            fields.put(MetadataField.PROJECT_URL, Collections.unmodifiableMap(copy));
            return this;
        }

        public Builder remove(MetadataField field) {
            fields.remove(field);
            return this;
        }

        /** Records a field that has no raw form (reported as unrecognised or invalid by validation). */
        public Builder unparsed(String name, List<String> values) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < '!' || c > '~' || c == ':') {
                    throw new IllegalArgumentException("not a header field name: " + Text.pyRepr(name));
                }
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty field name");
            }
            unparsed.put(Text.asciiLower(name), List.copyOf(values));
            return this;
        }

        public RawMetadata build() {
            return new RawMetadata(new EnumMap<>(fields), new LinkedHashMap<>(unparsed));
        }
    }
}
