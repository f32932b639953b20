package dev.axle.pep;

import java.util.Locale;

/**
 * The value of a quoted marker string. packaging reads the token with Python's
 * {@code ast.literal_eval}, so backslash escapes have their Python meaning
 * ({@code '\x41'} is {@code "A"}) and a string Python would not compile is an error.
 */
final class QuotedString {
    private QuotedString() {}

    /**
     * The value of {@code token}, which starts and ends with the same quote and has no
     * other occurrence of it; null if Python would reject it.
     */
    static String value(String token) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        for (int i = 0; i < n; ) {
            char c = body.charAt(i);
            if (c == '\0' || c == '\n' || c == '\r' || isLoneSurrogate(body, i)) {
                // Null bytes and unpaired surrogates cannot be compiled; a raw line break ends
                // the literal unterminated.
                return null;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return null; // the backslash escapes the closing quote
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < n && body.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++, i++) {
                        value = value * 8 + (body.charAt(i) - '0');
                    }
                    out.append((char) value);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = hex(body, i, digits);
                    if (value < 0 || value > Character.MAX_CODE_POINT) {
                        return null;
                    }
                    out.appendCodePoint(value);
                    i += digits;
                }
                case 'N' -> {
                    int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i + 1) : -1;
                    int cp = close < 0 ? -1 : namedCharacter(body.substring(i + 1, close));
                    if (cp < 0) {
                        return null;
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> {
                    // Unknown escapes stay as written (Python only warns).
                    out.append('\\');
                    i--;
                }
            }
        }
        return out.toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** Exactly {@code count} ASCII hex digits at {@code from} as a number, else -1. */
    private static int hex(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        long value = 0;
        for (int k = 0; k < count; k++) {
            char c = s.charAt(from + k);
            int d = c <= 'f' ? Character.digit(c, 16) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /**
     * The code point with this Unicode name, as Python's {@code \N{...}} finds it, or -1:
     * names from the JDK's table, case-insensitively, plus the algorithmic names of CJK
     * ideographs and Hangul syllables (upper case only, as in Python) that the JDK lacks.
     * Python's name aliases ({@code LINE FEED}) are not known.
     */
    private static int namedCharacter(String name) {
        if (name.isEmpty() || !isNameText(name)) {
            return -1;
        }
        int derived = derivedName(name);
        if (derived >= 0) {
            return derived;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        try {
            int cp = Character.codePointOf(upper);
            // Reject the JDK's made-up "<BLOCK NAME> <HEX>" names of unnamed code points.
            Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
            String madeUp = (block == null ? "" : block.toString().replace('_', ' ')) + " "
                    + Integer.toHexString(cp).toUpperCase(Locale.ROOT);
            return upper.equals(madeUp) ? -1 : cp;
        } catch (IllegalArgumentException notAName) {
            return -1;
        }
    }

    /**
     * Unicode names use letters, digits, inner single spaces and hyphens only; this also
     * keeps out forms the JDK accepts and Python does not ({@code LINE FEED (LF)}, padding).
     */
    private static boolean isNameText(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean space = c == ' ';
            if (!(Text.isAsciiAlnum(c) || c == '-' || space)
                    || (space && (i == 0 || i == name.length() - 1 || name.charAt(i - 1) == ' '))) {
                return false;
            }
        }
        return true;
    }

    private static final String IDEOGRAPH = "CJK UNIFIED IDEOGRAPH-";
    private static final String HANGUL = "HANGUL SYLLABLE ";
    private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J",
        "JJ", "C", "K", "T", "P", "H"};
    private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
        "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB",
        "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    private static int derivedName(String name) {
        if (name.startsWith(IDEOGRAPH)) {
            String digits = name.substring(IDEOGRAPH.length());
            if (digits.length() < 4 || digits.length() > 5 || !digits.equals(digits.toUpperCase(Locale.ROOT))
                    || hex(digits, 0, digits.length()) < 0) {
                return -1;
            }
            int cp = hex(digits, 0, digits.length());
            return Character.isIdeographic(cp) && Character.getName(cp).startsWith("CJK UNIFIED IDEOGRAPHS") ? cp : -1;
        }
        if (name.startsWith(HANGUL)) {
            String syllable = name.substring(HANGUL.length());
            for (int l = 0; l < JAMO_L.length; l++) {
                for (int v = 0; v < JAMO_V.length; v++) {
                    for (int t = 0; t < JAMO_T.length; t++) {
                        if (syllable.equals(JAMO_L[l] + JAMO_V[v] + JAMO_T[t])) {
                            return 0xAC00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
                        }
                    }
                }
            }
        }
        return -1;
    }
}
