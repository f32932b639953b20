package dev.axle.mirror.filter;

/** Shell-style patterns on tags: {@code *} any run of characters, {@code ?} one; the rest literal. */
final class Glob {
    private Glob() {}

    /** Whether {@code glob} matches all of {@code text} (the usual greedy match with one backtrack point). */
    static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** Whether any of {@code globs} matches any of {@code texts}. */
    static boolean any(Iterable<String> globs, Iterable<String> texts) {
        for (String text : texts) {
            for (String glob : globs) {
                if (matches(glob, text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
