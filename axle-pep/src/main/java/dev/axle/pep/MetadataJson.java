package dev.axle.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Core metadata in its JSON-compatible form (PEP 566), as pip writes it for each item of its
 * installation report ({@code pip install --report}, version "1") and of {@code pip inspect}.
 *
 * <p>Keys are the field names lower-cased with {@code -} replaced by {@code _}; multiple-use
 * fields are lists of their values in the order written; {@code project_url} is the list of
 * {@code "label, url"} strings; the body is {@code description}. Where pip departs from the
 * letter of PEP 566, this follows pip, since tools read pip's reports:
 *
 * <ul>
 *   <li>only the fields pip knows appear (those of metadata 2.4 except the deprecated
 *       {@code Requires}, {@code Provides} and {@code Obsoletes}); unknown fields and the
 *       2.5 import-name fields are left out;
 *   <li>{@code keywords} is split at commas (each keyword stripped) when the value has a
 *       comma, else at whitespace;
 *   <li>a single-use field given more than once gives its first value.
 * </ul>
 *
 * <p>The values are plain {@link String}s and {@link List}s of strings in a
 * {@link LinkedHashMap} in pip's key order, ready for any
 * JSON writer.
 *
 * <p>What {@link RawMetadata} no longer knows is rebuilt: a Project-URL is written
 * {@code label, url} (as build backends write it), and when a description was given both as
 * a header and as the body the body is taken, as pip takes it.
 */
public final class MetadataJson {
    /** The fields of pip's JSON form, in its order. */
    private static final List<MetadataField> FIELDS = List.of(
            MetadataField.METADATA_VERSION, MetadataField.NAME, MetadataField.VERSION, MetadataField.DYNAMIC,
            MetadataField.PLATFORM, MetadataField.SUPPORTED_PLATFORM, MetadataField.SUMMARY,
            MetadataField.DESCRIPTION, MetadataField.DESCRIPTION_CONTENT_TYPE, MetadataField.KEYWORDS, MetadataField.HOME_PAGE,
            MetadataField.DOWNLOAD_URL, MetadataField.AUTHOR, MetadataField.AUTHOR_EMAIL, MetadataField.MAINTAINER,
            MetadataField.MAINTAINER_EMAIL, MetadataField.LICENSE, MetadataField.LICENSE_EXPRESSION,
            MetadataField.LICENSE_FILE, MetadataField.CLASSIFIER, MetadataField.REQUIRES_DIST,
            MetadataField.REQUIRES_PYTHON, MetadataField.REQUIRES_EXTERNAL, MetadataField.PROJECT_URL,
            MetadataField.PROVIDES_EXTRA, MetadataField.PROVIDES_DIST, MetadataField.OBSOLETES_DIST);

    private MetadataJson() {}

    /** The JSON key of {@code field}, e.g. {@code author_email} for {@code Author-email}. */
    public static String key(MetadataField field) {
        return field.lowerName().replace('-', '_');
    }

    /** {@code metadata} as pip's JSON form: an ordered, unmodifiable map of strings and lists of strings. */
    public static Map<String, Object> of(RawMetadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MetadataField field : FIELDS) {
            Object value = field == MetadataField.DESCRIPTION ? description(metadata) : value(metadata, field);
            if (value != null) {
                out.put(key(field), value);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object value(RawMetadata metadata, MetadataField field) {
        List<String> unparsed = metadata.unparsed().get(field.lowerName());
        if (!metadata.has(field)) {
            // Values that did not fit the raw form: a single-use field given twice, a repeated
            // Project-URL label, undecodable text. pip reads them from the message as written.
            if (unparsed == null) {
                return null;
            }
            return switch (field.kind()) {
                case SINGLE -> redent(unparsed.get(0));
                case KEYWORDS -> keywords(redent(unparsed.get(0)));
                case MULTI, URLS -> redent(unparsed);
            };
        }
        return switch (field.kind()) {
            case SINGLE -> redent(metadata.string(field).orElseThrow());
            case MULTI -> redent(metadata.list(field).orElseThrow());
            // Raw keywords were split at commas; joined again, they split as pip splits the value.
            case KEYWORDS -> keywords(redent(String.join(",", metadata.list(field).orElseThrow())));
            case URLS -> {
                List<String> urls = new ArrayList<>();
                metadata.projectUrls().orElseThrow().forEach((label, url) -> urls.add(label + ", " + url));
                yield redent(urls);
            }
        };
    }

    private static List<String> redent(List<String> values) {
        return values.stream().map(MetadataJson::redent).toList();
    }

    /**
     * A header value as {@code importlib.metadata} gives it (pip reads metadata through it):
     * a value of several lines gets its first line indented by eight spaces and then the
     * margin common to all its lines removed ({@code textwrap.dedent}), lines of only spaces
     * and tabs emptied. Continuation lines indented by eight spaces, as setuptools writes
     * them, thus lose exactly that indentation.
     */
    static String redent(String value) {
        if (value.indexOf('\n') < 0) {
            return value;
        }
        String[] lines = ("        " + value).split("\n", -1);
        String margin = null;
        for (int i = 0; i < lines.length; i++) {
            int indent = indent(lines[i]);
            if (indent == lines[i].length()) {
                lines[i] = "";
                continue;
            }
            String prefix = lines[i].substring(0, indent);
            if (margin == null || margin.startsWith(prefix)) {
                margin = prefix;
            } else if (!prefix.startsWith(margin)) {
                int common = 0;
                while (margin.charAt(common) == prefix.charAt(common)) {
                    common++;
                }
                margin = margin.substring(0, common);
            }
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(margin != null && lines[i].startsWith(margin) ? lines[i].substring(margin.length()) : lines[i]);
        }
        return out.toString();
    }

    /** How many spaces and tabs {@code line} starts with. */
    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** A Keywords value as pip splits it: at commas when it has one, else at whitespace. */
    static List<String> keywords(String value) {
        List<String> out = new ArrayList<>();
        if (value.indexOf(',') >= 0) {
            for (String k : value.split(",", -1)) {
                out.add(Text.strip(k));
            }
            return List.copyOf(out);
        }
        return List.copyOf(Text.splitWhitespace(value));
    }

    /**
     * Whether a description has the shape only a header value has (RawMetadata does not say
     * where it came from): several lines, each after the first indented, no final line break.
     * A body of that shape is taken for a header.
     */
    private static boolean looksLikeHeader(String d) {
        return d.indexOf('\n') >= 0 && !d.endsWith("\n")
                && java.util.Arrays.stream(d.split("\n", -1)).skip(1)
                        .allMatch(l -> l.startsWith(" ") || l.startsWith("\t"));
    }

    private static String description(RawMetadata metadata) {
        if (metadata.has(MetadataField.DESCRIPTION)) {
            String d = metadata.string(MetadataField.DESCRIPTION).orElseThrow();
            return looksLikeHeader(d) ? redent(d) : d;
        }
        List<String> unparsed = metadata.unparsed().get(MetadataField.DESCRIPTION.lowerName());
        // Header and body both given: RawMetadata keeps the body last, and pip takes the body.
        return unparsed == null || unparsed.isEmpty() ? null : unparsed.get(unparsed.size() - 1);
    }
}
