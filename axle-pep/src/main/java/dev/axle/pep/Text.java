package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;

/** Character classes with Python's meaning, so parsing agrees with pypa/packaging. */
final class Text {
    private Text() {}

    /** Python's {@code str.isspace()} / regex {@code \s} for str patterns. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** Index of the first non-space character at or after {@code from}. */
    static int skipSpace(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Index after the last non-space character before {@code to}. */
    static int trimEnd(CharSequence s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int to = trimEnd(s, 0, s.length());
        int from = skipSpace(s, 0, to);
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** ASCII-only lower case, as Python's regex (?a) and name normalization use. */
    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** ASCII-only lower case of a whole string (email header names, Python's {@code (?a)} regexes). */
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    out[j] = lower(out[j]);
                }
                return new String(out);
            }
        }
        return s;
    }

    /** Python's {@code str.split()} without arguments: runs of whitespace separate, none kept. */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            i = skipSpace(s, i, n);
            if (i >= n) {
                return out;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(start, i));
        }
    }

    /** Python's {@code str.rstrip()}. */
    static String rstrip(String s) {
        int to = trimEnd(s, 0, s.length());
        return to == s.length() ? s : s.substring(0, to);
    }

    /** Python's {@code str.lstrip()}. */
    static String lstrip(String s) {
        int from = skipSpace(s, 0, s.length());
        return from == 0 ? s : s.substring(from);
    }

    /**
     * A character that {@code str.splitlines()} treats as a line boundary: CR, LF, VT, FF,
     * U+001C to U+001E, U+0085, U+2028 and U+2029.
     */
    static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\f'
                || (c >= '\u001c' && c <= '\u001e') || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Python's {@code repr()} of a str, as packaging's error messages quote their input. */
    static String pyRepr(String s) {
        if (s == null) {
            return "None";
        }
        boolean hasSingle = s.indexOf('\'') >= 0;
        char quote = hasSingle && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (!isPrintable(c)) {
                b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one BMP character (what repr() leaves unescaped). */
    private static boolean isPrintable(char c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
