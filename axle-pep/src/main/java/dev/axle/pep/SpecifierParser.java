package dev.axle.pep;

/**
 * Validates one specifier against packaging's specifier grammar, without regular
 * expressions:
 *
 * <pre>
 * \s* ( === \s* [^\s;)]*
 *     | (==|!=) \s* v? (N!)? N(.N)* ( .* | pre? post? dev? local? )
 *     | ~=    \s* v? (N!)? N(.N)+ pre? post? dev?
 *     | (<=|>=|<|>) \s* v? (N!)? N(.N)* pre? post? dev? ) \s*
 * pre  = [-_.]? (alpha|beta|preview|pre|a|b|c|rc) [-_.]? N?
 * post = -N | [-_.]? (post|rev|r) [-_.]? N?
 * dev  = [-_.]? dev [-_.]? N?
 * </pre>
 *
 * Letters match without regard to case. packaging compiles the {@code ~=} branch
 * without its ASCII flag, so there (and only there) {@code ı}/{@code İ} match {@code i}
 * and {@code ſ} matches {@code s}, as Python's Unicode case folding has it.
 */
final class SpecifierParser {
    private static final String[] PRE = {"alpha", "beta", "preview", "pre", "a", "b", "c", "rc"};
    private static final String[] POST = {"post", "rev", "r"};

    private final String s;
    private final int end;
    private int pos;
    private boolean unicodeLetters;

    private SpecifierParser(String s, int end) {
        this.s = s;
        this.end = end;
    }

    private SpecifierParser(String s) {
        this(s, s.length());
    }

    /**
     * Returns the index at which {@code s[from, to)} stops matching, or -1 if all of it is a
     * specifier.
     */
    static int firstError(String s, int from, int to) {
        SpecifierParser p = new SpecifierParser(s, to);
        p.pos = from;
        return p.specifier() ? -1 : Math.min(p.pos, to);
    }

    /**
     * End of the specifier that starts exactly at {@code from}, as the requirement tokenizer
     * matches one (the longest prefix that is a specifier, no leading whitespace), or -1.
     */
    static int tokenEnd(String s, int from) {
        SpecifierParser p = new SpecifierParser(s);
        p.pos = from;
        return p.operatorAndVersion() ? p.pos : -1;
    }

    private boolean specifier() {
        pos = Text.skipSpace(s, pos, end);
        return operatorAndVersion() && atEnd();
    }

    /** One specifier without surrounding whitespace, from {@code pos}; leaves {@code pos} after it. */
    private boolean operatorAndVersion() {
        if (s.startsWith("===", pos)) {
            pos = Text.skipSpace(s, pos + 3, end);
            while (pos < end) {
                char c = s.charAt(pos);
                if (Text.isSpace(c) || c == ';' || c == ')') {
                    break;
                }
                pos++;
            }
            return true;
        }
        if (s.startsWith("==", pos) || s.startsWith("!=", pos)) {
            pos += 2;
            if (!versionStart(1)) {
                return false;
            }
            if (pos + 1 < end && s.charAt(pos) == '.' && s.charAt(pos + 1) == '*') {
                pos += 2;
                return true;
            }
            suffixes();
            local();
            return true;
        }
        if (s.startsWith("~=", pos)) {
            pos += 2;
            unicodeLetters = true;
            if (!versionStart(2)) {
                return false;
            }
            suffixes();
            return true;
        }
        if (s.startsWith("<=", pos) || s.startsWith(">=", pos)) {
            pos += 2;
        } else if (pos < end && (s.charAt(pos) == '<' || s.charAt(pos) == '>')) {
            pos += 1;
        } else {
            return false;
        }
        if (!versionStart(1)) {
            return false;
        }
        suffixes();
        return true;
    }

    private boolean atEnd() {
        pos = Text.skipSpace(s, pos, end);
        return pos == end;
    }

    /** {@code \s* v? (N!)? N(.N)*} with at least {@code minParts} release numbers. */
    private boolean versionStart(int minParts) {
        pos = Text.skipSpace(s, pos, end);
        if (pos < end && (s.charAt(pos) == 'v' || s.charAt(pos) == 'V')) {
            pos++;
        }
        int to = digits(pos);
        if (to == pos) {
            return false;
        }
        // An epoch only counts when digits follow its '!' (the regex backtracks otherwise).
        if (to + 1 < end && s.charAt(to) == '!' && Text.isAsciiDigit(s.charAt(to + 1))) {
            pos = to + 1;
            to = digits(pos);
        }
        pos = to;
        int parts = 1;
        while (pos + 1 < end && s.charAt(pos) == '.' && Text.isAsciiDigit(s.charAt(pos + 1))) {
            pos = digits(pos + 1);
            parts++;
        }
        return parts >= minParts;
    }

    private void suffixes() {
        int p = word(separator(pos), PRE);
        if (p >= 0) {
            pos = digits(separator(p));
        }
        if (pos + 1 < end && s.charAt(pos) == '-' && Text.isAsciiDigit(s.charAt(pos + 1))) {
            pos = digits(pos + 1);
        } else {
            p = word(separator(pos), POST);
            if (p >= 0) {
                pos = digits(separator(p));
            }
        }
        p = word(separator(pos), new String[] {"dev"});
        if (p >= 0) {
            pos = digits(separator(p));
        }
    }

    private void local() {
        if (pos + 1 < end && s.charAt(pos) == '+' && Text.isAsciiAlnum(s.charAt(pos + 1))) {
            pos = alnum(pos + 1);
            while (pos + 1 < end && isSeparator(s.charAt(pos)) && Text.isAsciiAlnum(s.charAt(pos + 1))) {
                pos = alnum(pos + 1);
            }
        }
    }

    private int digits(int from) {
        return Text.digitsEnd(s, from, end);
    }

    private int alnum(int from) {
        return Text.alnumEnd(s, from, end);
    }

    private static boolean isSeparator(char c) {
        return Text.isVersionSeparator(c);
    }

    private int separator(int from) {
        return from < end && isSeparator(s.charAt(from)) ? from + 1 : from;
    }

    /** The index after the first of {@code words} found at {@code from}, or -1. */
    private int word(int from, String[] words) {
        for (String w : words) {
            int n = w.length();
            if (from + n <= end) {
                int i = 0;
                while (i < n && letterMatches(s.charAt(from + i), w.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return from + n;
                }
            }
        }
        return -1;
    }

    private boolean letterMatches(char c, char lower) {
        if (Text.lower(c) == lower) {
            return true;
        }
        return unicodeLetters && unicodeFold(c) == lower;
    }

    /** The ASCII letter a non-ASCII character case-folds onto under Python's Unicode IGNORECASE, or 0. */
    static char unicodeFold(char c) {
        return switch (c) {
            case '\u0130', '\u0131' -> 'i';
            case '\u017f' -> 's';
            case '\u212a' -> 'k';
            default -> 0;
        };
    }
}
