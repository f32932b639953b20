package dev.axle.installer.db;

import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Header lookups on core metadata the way pip makes them on an {@code email.message}:
 * {@code get} gives the first value of a field even when the field was (wrongly) repeated,
 * {@code get_all} every value. {@link RawMetadata} moves such fields to its unparsed map,
 * so both places are looked at.
 */
final class MetadataHeaders {
    private MetadataHeaders() {}

    /** {@code message.get(field)}: the first value written. */
    static Optional<String> first(RawMetadata metadata, MetadataField field) {
        List<String> all = all(metadata, field);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** {@code message.get_all(field, [])}: every value written, in order. */
    static List<String> all(RawMetadata metadata, MetadataField field) {
        Optional<List<String>> parsed = switch (field.kind()) {
            case SINGLE -> metadata.string(field).map(List::of);
            case MULTI -> metadata.list(field);
            case URLS -> metadata.projectUrls().map(MetadataHeaders::projectUrlLines);
            case KEYWORDS -> metadata.list(field).map(k -> List.of(String.join(",", k)));
        };
        if (parsed.isPresent()) {
            return parsed.get();
        }
        return metadata.unparsed().getOrDefault(field.lowerName(), List.of());
    }

    private static List<String> projectUrlLines(Map<String, String> urls) {
        List<String> lines = new ArrayList<>(urls.size());
        urls.forEach((label, url) -> lines.add(label + ", " + url));
        return lines;
    }
}
