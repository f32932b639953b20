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
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOML values as plain Java values, the shape a lock file's free-form parts ({@code tool},
 * {@code dependencies}, {@code attestation-identities}) are kept in: String, Long, Double,
 * Boolean, OffsetDateTime, LocalDateTime, LocalDate, LocalTime, unmodifiable List and
 * unmodifiable insertion-ordered Map with String keys.
 */
final class TomlValues {
    private TomlValues() {}

    /**
     * Jackson's TOML reader, with dates and times as {@code java.time} values. Chosen over
     * tomlj for speed where axle spends it, in a JVM that has just started: tomlj's ANTLR
     * grammar took 137 ms to read jupyter's 40 KB lock file in a new JVM and 24 ms on later
     * reads, this one 1 to 3 ms on later reads (docs/benchmarks.md).
     */
    private static final TomlFactory TOML = TomlFactory.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    /**
     * Parses a TOML document into a map of plain values.
     *
     * @throws PylockValidationException if it is not TOML, naming the line and column
     */
    static Map<String, Object> parse(String toml) {
        try (JsonParser parser = TOML.createParser(toml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PylockValidationException("Invalid TOML: not a table");
            }
            return table(parser);
        } catch (InputCoercionException e) { // an integer beyond 64 bits, as tomllib's readers refuse it
            throw invalid(toml, e.getInputType() == JsonToken.VALUE_NUMBER_INT ? numberIn(e.getOriginalMessage()) : null,
                    e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PylockValidationException("Invalid TOML" + (at != null && at.getLineNr() > 0 ? " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr() : "") + ": " + e.getOriginalMessage());
        } catch (DateTimeParseException e) { // the reader lets an invalid date such as 1979-13-27 through as this
            throw invalid(toml, e.getParsedString(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\((-?\\d+)\\)");

    private static String numberIn(String message) {
        Matcher m = NUMBER.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The error for a value Jackson's reader refuses after reading the document, when it no
     * longer knows where the value was: at the first place {@code literal} is written, if found.
     */
    private static PylockValidationException invalid(String toml, String literal, String message) {
        int at = literal == null || literal.isEmpty() ? -1 : toml.indexOf(literal);
        if (at < 0) {
            return new PylockValidationException("Invalid TOML: " + message);
        }
        int lineStart = toml.lastIndexOf('\n', at) + 1;
        long line = toml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new PylockValidationException("Invalid TOML at line " + line + ", column " + (at - lineStart + 1) + ": " + message);
    }

    /** The table whose START_OBJECT the parser is on, to its END_OBJECT. */
    private static Map<String, Object> table(JsonParser parser) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            out.put(key, value(parser));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The value the parser is on. */
    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> table(parser);
            case START_ARRAY -> {
                List<Object> out = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    out.add(value(parser));
                }
                yield Collections.unmodifiableList(out);
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue(); // TOML integers are 64-bit; beyond, Jackson refuses
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject(); // a java.time value
            default -> throw new IllegalStateException("unexpected " + parser.currentToken() + " from the TOML reader");
        };
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
