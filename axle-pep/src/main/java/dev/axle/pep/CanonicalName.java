package dev.axle.pep;

import java.util.Locale;

/** PEP 503 name normalization, as packaging's {@code canonicalize_name} (without validation). */
final class CanonicalName {
    private CanonicalName() {}

    /** Lower case, with every run of {@code -}, {@code _} and {@code .} made one {@code -}. */
    static String of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.';
            if (!separator) {
                b.append(c);
            } else if (b.isEmpty() || b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
