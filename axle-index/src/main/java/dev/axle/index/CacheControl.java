package dev.axle.index;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The Cache-Control directives of a response that a private cache acts on (RFC 9111 section 5.2.2).
 * {@code s-maxage} and {@code public}/{@code private} concern shared caches and are ignored.
 *
 * @param maxAge         how many seconds the response stays fresh, if said
 * @param noCache        it may be stored, but not used without revalidation
 * @param noStore        it must not be stored
 * @param mustRevalidate once stale, it must not be used without revalidation, not even when
 *                       the server cannot be reached
 */
record CacheControl(OptionalLong maxAge, boolean noCache, boolean noStore, boolean mustRevalidate) {

    static final CacheControl NONE = new CacheControl(OptionalLong.empty(), false, false, false);

    /** Parses a header's value; unknown and malformed directives are ignored. */
    static CacheControl parse(String header) {
        OptionalLong maxAge = OptionalLong.empty();
        boolean noCache = false;
        boolean noStore = false;
        boolean mustRevalidate = false;
        for (String directive : header.split(",")) {
            String d = directive.strip();
            int eq = d.indexOf('=');
            String name = (eq < 0 ? d : d.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : d.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            switch (name) {
                // no-cache="field" restricts only some fields; treating it as plain no-cache is safe.
                case "no-cache" -> noCache = true;
                case "no-store" -> noStore = true;
                case "must-revalidate" -> mustRevalidate = true;
                case "max-age" -> {
                    if (!value.isEmpty() && value.length() < 12 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        // With duplicates, the least fresh wins.
                        long seconds = Long.parseLong(value);
                        maxAge = OptionalLong.of(maxAge.isPresent() ? Math.min(maxAge.getAsLong(), seconds) : seconds);
                    }
                }
                default -> { }
            }
        }
        return new CacheControl(maxAge, noCache, noStore, mustRevalidate);
    }
}
