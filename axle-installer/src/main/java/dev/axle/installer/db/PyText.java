package dev.axle.installer.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few Python string behaviours that pip's output depends on: ordering by code point,
 * {@code str.lower} as a sort key, {@code str.strip}, {@code repr()} of a string (pip sorts
 * tuples by their text) and {@code json.dumps} of string lists and maps.
 */
public final class PyText {
    /** Python's {@code <} on str: code point by code point. */
    static final Comparator<String> CODE_POINT_ORDER = PyText::compareCodePoints;
    /** Python's {@code sorted(..., key=str.lower)}. */
    static final Comparator<String> LOWER_ORDER = Comparator.comparing(PyText::lower, CODE_POINT_ORDER);

    private PyText() {}

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    /** Python's {@code str.strip(chars)}: any of {@code chars} off both ends, as many as there are. */
    public static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code str.splitlines()}: every line boundary Python knows, line ends dropped. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean boundary = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)
                    || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (boundary) {
                lines.add(s.substring(start, i));
                i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** Python's {@code len()}: code points, not UTF-16 units. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Python's {@code repr()} of a str, as far as ordering by it needs: the quote choice and
     * the escaping of the quote and backslash.
     */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append(quote).toString();
    }

    /** {@code json.dumps(list_of_dicts)} with Python's defaults: {@code ", "} and {@code ": "}, ASCII only. */
    static String jsonArray(List<Map<String, String>> objects) {
        return json(objects);
    }

    /**
     * {@code json.dumps(value)} with Python's defaults for nulls, strings, booleans, lists and
     * maps (keys in iteration order) nested.
     */
    static String json(Object value) {
        StringBuilder b = new StringBuilder();
        json(b, value);
        return b.toString();
    }

    private static void json(StringBuilder b, Object value) {
        switch (value) {
            case null -> b.append("null");
            case String s -> jsonString(b, s);
            case Boolean flag -> b.append(flag ? "true" : "false");
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    b.append(i > 0 ? ", " : "");
                    json(b, list.get(i));
                }
                b.append(']');
            }
            case Map<?, ?> map -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    b.append(first ? "" : ", ");
                    first = false;
                    jsonString(b, (String) e.getKey());
                    b.append(": ");
                    json(b, e.getValue());
                }
                b.append('}');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // UTF-16 units, lower-case hex: what ensure_ascii writes (pairs for astral characters).
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
