package dev.axle.lock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** TOML's text for keys and single values (strings, numbers, dates, inline arrays and tables). */
final class TomlText {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlText() {}

    static String key(String key) {
        return BARE_KEY.matcher(key).matches() ? key : string(key);
    }

    /** A basic string: escapes for quotes, backslashes and control characters, everything else as is. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A value on one line: arrays as {@code [a, b]}, tables as {@code { k = v, ... }}. */
    static String inline(Object v) {
        return switch (v) {
            case String s -> string(s);
            case Boolean bool -> bool.toString();
            case Long l -> l.toString();
            case Double d -> number(d);
            case OffsetDateTime t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            case LocalDateTime t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            case LocalDate t -> DateTimeFormatter.ISO_LOCAL_DATE.format(t);
            case LocalTime t -> DateTimeFormatter.ISO_LOCAL_TIME.format(t);
            case List<?> list -> {
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(inline(list.get(i)));
                }
                yield b.append(']').toString();
            }
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    yield "{}";
                }
                StringBuilder b = new StringBuilder("{ ");
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    b.append(sep).append(key((String) e.getKey())).append(" = ").append(inline(e.getValue()));
                    sep = ", ";
                }
                yield b.append(" }").toString();
            }
            default -> throw new IllegalArgumentException("not a TOML value: " + v);
        };
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        // Java's shortest round-trip digits, with TOML's exponent letter.
        return Double.toString(d).replace('E', 'e');
    }
}
