package dev.axle.lock;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * TOML values as plain Java values, the shape a lock file's free-form parts ({@code tool},
 * {@code dependencies}, {@code attestation-identities}) are kept in: String, Long, Double,
 * Boolean, OffsetDateTime, LocalDateTime, LocalDate, LocalTime, unmodifiable List and
 * unmodifiable insertion-ordered Map with String keys.
 */
final class TomlValues {
    private TomlValues() {}

    /** Parses a TOML document into a map of plain values. */
    static Map<String, Object> parse(String toml) {
        TomlParseResult result = Toml.parse(toml);
        if (result.hasErrors()) {
            TomlParseError e = result.errors().get(0);
            throw new PylockValidationException("Invalid TOML at line " + e.position().line() + ", column "
                    + e.position().column() + ": " + e.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", ""));
        }
        return table(result);
    }

    private static Map<String, Object> table(TomlTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : t.entrySet()) {
            out.put(e.getKey(), fromToml(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object fromToml(Object v) {
        if (v instanceof TomlTable t) {
            return table(t);
        }
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(fromToml(a.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /**
     * An unmodifiable deep copy of a value given by a caller, with Java's other number
     * types brought to Long and Double.
     *
     * @throws IllegalArgumentException for null, a non-String key or a value TOML cannot hold
     */
    static Object copy(Object v) {
        return switch (v) {
            case null -> throw new IllegalArgumentException("TOML has no null value");
            case Map<?, ?> m -> copyTable(m);
            case List<?> l -> Collections.unmodifiableList(l.stream().map(TomlValues::copy).toList());
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case String s -> s;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case OffsetDateTime t -> t;
            case LocalDateTime t -> t;
            case LocalDate t -> t;
            case LocalTime t -> t;
            default -> throw new IllegalArgumentException("not a TOML value: " + v.getClass().getName());
        };
    }

    static Map<String, Object> copyTable(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("TOML keys are strings, not " + e.getKey());
            }
            out.put(key, copy(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** An unmodifiable copy of a hash map that keeps the given order. */
    static Map<String, String> hashes(Map<String, String> hashes) {
        Map<String, String> out = new LinkedHashMap<>();
        hashes.forEach((k, v) -> out.put(requireText(k, "hash name"), requireText(v, "hash value")));
        return Collections.unmodifiableMap(out);
    }

    private static String requireText(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return s;
    }

    /** The name of the Python type tomllib (or a caller of packaging's from_dict) would have for this value. */
    static String pythonType(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Integer i -> "int";
            case Short s -> "int";
            case Byte b -> "int";
            case BigInteger i -> "int";
            case Double d -> "float";
            case Float f -> "float";
            case OffsetDateTime t -> "datetime";
            case LocalDateTime t -> "datetime";
            case ZonedDateTime t -> "datetime";
            case LocalDate t -> "date";
            case LocalTime t -> "time";
            case OffsetTime t -> "time";
            case Map<?, ?> m -> "dict";
            case List<?> l -> "list";
            default -> v.getClass().getSimpleName();
        };
    }
}
