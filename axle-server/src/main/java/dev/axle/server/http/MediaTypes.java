package dev.axle.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation by the Accept header (RFC 9110): each type the server offers gets the
 * quality of the most specific media range that matches it; the best quality above zero wins,
 * ties going to the earlier offer. No Accept header accepts anything.
 */
final class MediaTypes {
    static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
    static final String SIMPLE_HTML = "application/vnd.pypi.simple.v1+html";
    static final String TEXT_HTML = "text/html";
    /** The simple API's types, the plain HTML of PEP 503 first so that "*&#47;*" gets what old clients expect. */
    static final List<String> SIMPLE = List.of(TEXT_HTML, SIMPLE_HTML, SIMPLE_JSON);

    private record Range(String type, String subtype, double quality) {
        /** 3 for an exact match, 2 for type/*, 1 for *&#47;*, 0 for no match. */
        int specificity(String offered) {
            String[] parts = offered.split("/", 2);
            if (type.equals("*") && subtype.equals("*")) {
                return 1;
            }
            if (type.equals(parts[0]) && subtype.equals("*")) {
                return 2;
            }
            return type.equals(parts[0]) && subtype.equals(parts[1]) ? 3 : 0;
        }
    }

    private MediaTypes() {}

    /** The offer to answer with, or empty when the client accepts none of them (406). */
    static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.getFirst());
        }
        List<Range> ranges = parse(accept);
        String best = null;
        double bestQuality = 0;
        for (String offer : offers) {
            double quality = 0;
            int specificity = 0;
            for (Range range : ranges) {
                int s = range.specificity(offer);
                if (s > specificity) {
                    specificity = s;
                    quality = range.quality();
                }
            }
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String element : accept.split(",")) {
            String[] params = element.split(";");
            String mediaRange = params[0].trim().toLowerCase(Locale.ROOT);
            int slash = mediaRange.indexOf('/');
            if (slash <= 0 || slash == mediaRange.length() - 1) {
                continue; // not a media range; ignored as RFC 9110 lets a server do
            }
            double quality = 1;
            for (int i = 1; i < params.length; i++) {
                String param = params[i].trim();
                if (param.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        quality = Math.max(0, Math.min(1, Double.parseDouble(param.substring(2).trim())));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            ranges.add(new Range(mediaRange.substring(0, slash), mediaRange.substring(slash + 1), quality));
        }
        return ranges;
    }
}
