package dev.axle.lock;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of one table of a lock file, with packaging's rules: an absent key (or a
 * null, for maps built by callers) is "not given", a value of the wrong type is refused
 * with its Python type name, and problems found inside a value are reported under the
 * value's key.
 */
final class TableReader {

    /** The types the specification uses, named as packaging's messages name them. */
    enum Kind {
        STR("str"), INT("int"), BOOL("bool"), DATETIME("datetime"), MAPPING("Mapping"), SEQUENCE("Sequence");

        final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }

        boolean matches(Object v) {
            return switch (this) {
                case STR -> v instanceof String;
                // TOML tells booleans from integers, and so does packaging.
                case INT -> v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                        || v instanceof BigInteger;
                case BOOL -> v instanceof Boolean;
                case DATETIME -> v instanceof OffsetDateTime || v instanceof LocalDateTime || v instanceof ZonedDateTime;
                case MAPPING -> v instanceof Map<?, ?>;
                case SEQUENCE -> v instanceof List<?>;
            };
        }
    }

    private final Map<?, ?> table;

    TableReader(Map<?, ?> table) {
        this.table = table;
    }

    static PylockValidationException unexpectedType(Object v, Kind expected, String key) {
        return new PylockValidationException("Unexpected type " + TomlValues.pythonType(v) + " (expected "
                + expected.pythonName + ")", key);
    }

    static PylockValidationException missing(String key) {
        return new PylockValidationException("Missing required value", key);
    }

    Optional<Object> get(String key, Kind kind) {
        Object v = table.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!kind.matches(v)) {
            throw unexpectedType(v, kind, key);
        }
        return Optional.of(v);
    }

    Object required(String key, Kind kind) {
        return get(key, kind).orElseThrow(() -> missing(key));
    }

    Optional<String> string(String key) {
        return get(key, Kind.STR).map(String.class::cast);
    }

    String requiredString(String key) {
        return (String) required(key, Kind.STR);
    }

    /** A value converted by {@code convert}, whose problems are reported under {@code key}. */
    <R> Optional<R> as(String key, Kind kind, Function<Object, R> convert) {
        Optional<Object> v = get(key, kind);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(convert.apply(v.get()));
        } catch (PylockValidationException e) {
            throw e.under(key);
        }
    }

    <R> R requiredAs(String key, Kind kind, Function<Object, R> convert) {
        return as(key, kind, convert).orElseThrow(() -> missing(key));
    }

    /** A list whose items all have type {@code itemKind} (checked before any is converted). */
    Optional<List<Object>> sequence(String key, Kind itemKind) {
        Object v = table.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            throw unexpectedType(v, Kind.SEQUENCE, key);
        }
        for (int i = 0; i < list.size(); i++) {
            if (!itemKind.matches(list.get(i))) {
                throw unexpectedType(list.get(i), itemKind, key + "[" + i + "]");
            }
        }
        return Optional.of(Collections.unmodifiableList(new ArrayList<>(list)));
    }

    Optional<List<String>> strings(String key) {
        return sequence(key, Kind.STR).map(l -> l.stream().map(String.class::cast).toList());
    }

    /** A list whose items are converted one by one; a problem is reported under {@code key[i]}. */
    <R> Optional<List<R>> sequenceAs(String key, Kind itemKind, Function<Object, R> convert) {
        Optional<List<Object>> items = sequence(key, itemKind);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<R> out = new ArrayList<>();
        for (Object item : items.get()) {
            try {
                out.add(convert.apply(item));
            } catch (PylockValidationException e) {
                throw e.under(key + "[" + out.size() + "]");
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** A sub-table read by {@code read}. */
    <R> Optional<R> table(String key, Function<TableReader, R> read) {
        return as(key, Kind.MAPPING, v -> read.apply(new TableReader((Map<?, ?>) v)));
    }

    /** An array of tables, each read by {@code read}. */
    <R> Optional<List<R>> tables(String key, Function<TableReader, R> read) {
        return sequenceAs(key, Kind.MAPPING, v -> read.apply(new TableReader((Map<?, ?>) v)));
    }

    /** A free-form sub-table ({@code tool}), kept as plain values. */
    Optional<Map<String, Object>> freeTable(String key) {
        return get(key, Kind.MAPPING).map(v -> TomlValues.copyTable((Map<?, ?>) v));
    }

    /** An array of free-form tables ({@code dependencies}, {@code attestation-identities}). */
    Optional<List<Map<String, Object>>> freeTables(String key) {
        return sequence(key, Kind.MAPPING).map(l -> l.stream().map(v -> TomlValues.copyTable((Map<?, ?>) v)).toList());
    }
}
