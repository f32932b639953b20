package dev.axle.pep;

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

    /** Index after the run of ASCII digits starting at {@code from}. */
    static int digitsEnd(CharSequence s, int from, int to) {
        while (from < to && isAsciiDigit(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Index after the run of ASCII letters and digits starting at {@code from}. */
    static int alnumEnd(CharSequence s, int from, int to) {
        while (from < to && isAsciiAlnum(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The separators PEP 440 allows between version segments. */
    static boolean isVersionSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
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

    /** Python's {@code repr()} of a str, as packaging's error messages quote their input. */
    static String pyRepr(String s) {
        if (s == null) {
            return "None";
        }
        boolean hasSingle = s.indexOf('\'') >= 0;
        char quote = hasSingle && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            // By code point: Python shows a printable astral character (an emoji) as itself.
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (!isPrintable(c)) {
                b.append(c < 0x100 ? String.format("\\x%02x", c)
                        : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one code point (what repr() leaves unescaped). */
    private static boolean isPrintable(int c) {
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
