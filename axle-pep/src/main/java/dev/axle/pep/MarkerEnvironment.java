package dev.axle.pep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values of marker variables that a marker is evaluated against: strings such as
 * {@code python_version = "3.12"}, and sets for the names PEP 751 lock files define as
 * sets, {@code extras} and {@code dependency_groups}.
 *
 * <p>There is no default: a value is defined only if it was given. Names are PEP 508
 * names ({@code os_name}, not {@code os.name}).
 */
public final class MarkerEnvironment {
    /** The variables whose value is a set of names in lock files. */
    public static final String EXTRAS = "extras";
    public static final String DEPENDENCY_GROUPS = "dependency_groups";

    private static final MarkerEnvironment EMPTY = new MarkerEnvironment(Map.of());

    /** Each value is a String or an unmodifiable Set of Strings. */
    private final Map<String, Object> values;

    /** Per-context views, filled on first use (immutable, so a race only repeats the work). */
    private final MarkerEvaluation.Resolved[] resolved = new MarkerEvaluation.Resolved[Marker.Context.values().length];

    private MarkerEnvironment(Map<String, Object> values) {
        this.values = values;
    }

    public static MarkerEnvironment empty() {
        return EMPTY;
    }

    /**
     * An environment with these string values. A null {@code extra} means no extra, as
     * packaging allows; other null values are refused.
     *
     * @throws IllegalArgumentException for a null name, or a null value other than {@code extra}'s
     */
    public static MarkerEnvironment of(Map<String, String> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            copy.put(checkName(e.getKey()), stringValue(e.getKey(), e.getValue()));
        }
        return new MarkerEnvironment(Collections.unmodifiableMap(copy));
    }

    /** This environment with {@code name} set to a string (replacing any value it had). */
    public MarkerEnvironment with(String name, String value) {
        return put(checkName(name), stringValue(name, value));
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("marker variable name is null");
        }
        return name;
    }

    private static String stringValue(String name, String value) {
        if (value == null && !name.equals("extra")) {
            throw new IllegalArgumentException("marker variable " + name + " has a null value");
        }
        return value == null ? "" : value;
    }

    /**
     * This environment with {@code name} set to a set of strings, as lock files define
     * {@code extras} and {@code dependency_groups}.
     *
     * @throws IllegalArgumentException for a null name or element, or for {@code extra}
     *     (which is always a single name)
     */
    public MarkerEnvironment withSet(String name, Set<String> members) {
        if (checkName(name).equals("extra") || members == null) {
            throw new IllegalArgumentException("marker variable " + name + " cannot hold this set");
        }
        Set<String> copy = new LinkedHashSet<>();
        for (String m : members) {
            if (m == null) {
                throw new IllegalArgumentException("set for marker variable " + name + " contains null");
            }
            copy.add(m);
        }
        return put(name, Collections.unmodifiableSet(copy));
    }

    /** This environment with the requested extras (for {@code "x" in extras}). */
    public MarkerEnvironment withExtras(Set<String> extras) {
        return withSet(EXTRAS, extras);
    }

    /** This environment with the requested dependency groups (for {@code "x" in dependency_groups}). */
    public MarkerEnvironment withDependencyGroups(Set<String> groups) {
        return withSet(DEPENDENCY_GROUPS, groups);
    }

    private MarkerEnvironment put(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new MarkerEnvironment(Collections.unmodifiableMap(copy));
    }

    /** Whether {@code name} has a value, string or set. */
    public boolean defines(String name) {
        return values.containsKey(name);
    }

    /** The string value of {@code name}, if it has one. */
    public Optional<String> value(String name) {
        return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The set value of {@code name}, if it has one. */
    @SuppressWarnings("unchecked")
    public Optional<Set<String>> set(String name) {
        return values.get(name) instanceof Set<?> s ? Optional.of((Set<String>) s) : Optional.empty();
    }

    /** All values: Strings, or unmodifiable Sets of Strings. */
    Map<String, Object> values() {
        return values;
    }

    /** The values a marker sees in {@code context} (with the context's defaults), computed once per context. */
    MarkerEvaluation.Resolved resolved(Marker.Context context) {
        MarkerEvaluation.Resolved[] cache = resolved;
        MarkerEvaluation.Resolved r = cache[context.ordinal()];
        if (r == null) {
            r = MarkerEvaluation.resolve(this, context);
            cache[context.ordinal()] = r;
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkerEnvironment e && values.equals(e.values);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
