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

    /** How many items Python's {@code str.split()} (no arguments) gives. */
    static int splitWhitespaceCount(String s) {
        return splitWhitespace(s).size();
    }

    /** Python's {@code str.split()} (no arguments): the runs of non-space characters. */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        for (int i = skipSpace(s, 0, s.length()); i < s.length(); i = skipSpace(s, i, s.length())) {
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(start, i));
        }
        return out;
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

    /**
     * Python's {@code str.lower()}: full Unicode case mapping, independent of the default
     * locale, with Python's rule for a final capital sigma (Java's differs).
     */
    static String pyLower(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            char c = s.charAt(i);
            ascii = c < 0x80 && (c < 'A' || c > 'Z');
        }
        if (ascii) {
            return s;
        }
        int sigma = s.indexOf(CAPITAL_SIGMA);
        if (sigma < 0) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder b = new StringBuilder(s.length());
        int from = 0;
        for (; sigma >= 0; sigma = s.indexOf(CAPITAL_SIGMA, from)) {
            b.append(s.substring(from, sigma).toLowerCase(java.util.Locale.ROOT));
            b.append(isFinalSigma(s, sigma) ? '\u03c2' : '\u03c3');
            from = sigma + 1;
        }
        return b.append(s.substring(from).toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private static final char CAPITAL_SIGMA = '\u03a3';

    /** Unicode's Final_Sigma context: after a cased letter and not before one, case-ignorable characters skipped. */
    private static boolean isFinalSigma(String s, int at) {
        int j = at;
        int c = 0;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                break;
            }
        }
        if (c == 0 || isCaseIgnorable(c) || !isCased(c)) {
            return false;
        }
        for (int k = at + 1; k < s.length(); ) {
            int d = s.codePointAt(k);
            k += Character.charCount(d);
            if (!isCaseIgnorable(d)) {
                return !isCased(d);
            }
        }
        return true;
    }

    private static boolean isCased(int c) {
        return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.getType(c) == Character.TITLECASE_LETTER;
    }

    /** Unicode's Case_Ignorable: marks, format characters, modifiers, and the word-internal punctuation. */
    private static boolean isCaseIgnorable(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> switch (c) {
                case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027, 0xfe13, 0xfe52, 0xfe55,
                        0xff07, 0xff0e, 0xff1a -> true;
                default -> false;
            };
        };
    }

    /** Python's ordering of str values: by code point, not by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Python's regex {@code \w} for str patterns: letters, numbers and the underscore. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return isAsciiAlnum((char) cp) || cp == '_';
        }
        return Character.isLetter(cp) || switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Python's {@code str.isidentifier()}: XID_Start or "_", then XID_Continue characters. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = i == 0 ? cp == '_' || isXidStart(cp) : isXidContinue(cp);
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isXidStart(int cp) {
        return Character.isUnicodeIdentifierStart(cp) && !Character.isIdentifierIgnorable(cp) && !notXid(cp)
                && cp != 0x0E33 && cp != 0x0EB3 && cp != 0xFF9E && cp != 0xFF9F;
    }

    private static boolean isXidContinue(int cp) {
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp) && !notXid(cp);
    }

    /** Characters of ID_Start/ID_Continue that the NFKC closure leaves out of XID_Start/XID_Continue. */
    private static boolean notXid(int cp) {
        return cp == 0x037A || cp == 0x309B || cp == 0x309C || (cp >= 0xFC5E && cp <= 0xFC63)
                || cp == 0xFDFA || cp == 0xFDFB || (cp >= 0xFE70 && cp <= 0xFE7E && (cp & 1) == 0);
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
