package dev.axle.server.proxy;

import dev.axle.pep.ProjectName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which project names a proxy index takes from its upstream: glob patterns ({@code *} any run
 * of characters, {@code ?} one) matched against normalized names (PEP 503). An empty list
 * allows every name.
 */
public final class AllowList {
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9*?][a-z0-9._*?-]*");

    private AllowList() {}

    /**
     * The pattern normalized as names are (lower case, runs of {@code -_.} as one {@code -}), so
     * that {@code Acme_*} and {@code acme-*} mean the same.
     *
     * @throws IllegalArgumentException if it holds other characters than a name's and {@code *?}
     */
    public static String normalize(String pattern) {
        String lower = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
        if (!PATTERN.matcher(lower).matches()) {
            throw new IllegalArgumentException("'" + pattern + "' is not an allow pattern: use a project name's"
                    + " letters, digits, '-', '_' and '.', with '*' for any run of characters and '?' for one");
        }
        return lower.replaceAll("[-_.]+", "-");
    }

    /** Whether {@code name} (normalized) matches a pattern of {@code patterns}, or they are empty. */
    public static boolean allows(List<String> patterns, String name) {
        String normalized = ProjectName.canonicalize(name);
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, normalized));
    }

    /** Glob matching, iterative with backtracking to the last {@code *}. */
    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
