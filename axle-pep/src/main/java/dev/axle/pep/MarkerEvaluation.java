package dev.axle.pep;

import dev.axle.pep.MarkerNode.Bool;
import dev.axle.pep.MarkerNode.Group;
import dev.axle.pep.MarkerNode.Item;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of a marker, with packaging's semantics: {@code and} binds tighter than
 * {@code or}; variables that hold versions are compared as PEP 440 versions when the
 * comparison forms a valid specifier, and as strings otherwise; {@code extra},
 * {@code extras} and {@code dependency_groups} compare normalized names.
 */
final class MarkerEvaluation {
    private static final Set<String> VERSION_VARIABLES = Set.of(
            "implementation_version", "platform_release", "python_full_version", "python_version");
    private static final Set<String> SET_VARIABLES = Set.of(
            MarkerEnvironment.EXTRAS, MarkerEnvironment.DEPENDENCY_GROUPS);

    private MarkerEvaluation() {}

    static boolean isVersionVariable(String name) {
        return VERSION_VARIABLES.contains(name);
    }

    /**
     * An environment as a marker sees it in one context: the context's defaults, the given
     * values, {@code extra} normalized, and the version variables parsed once.
     */
    record Resolved(Map<String, Object> values, Map<String, Version> versions,
            Map<String, Map<String, Specifier>> specifiers) {}

    private static final List<String> OPERATORS = List.of("<=", "<", "!=", "==", ">=", ">", "~=", "===");

    static Resolved resolve(MarkerEnvironment given, Marker.Context context) {
        Map<String, Object> environment = new HashMap<>();
        switch (context) {
            case LOCK_FILE -> {
                environment.put(MarkerEnvironment.EXTRAS, Set.of());
                environment.put(MarkerEnvironment.DEPENDENCY_GROUPS, Set.of());
            }
            case METADATA -> environment.put("extra", "");
            case REQUIREMENT -> { }
        }
        environment.putAll(given.values());
        if (environment.get("extra") instanceof String extra) {
            environment.put("extra", extra.isEmpty() ? "" : ProjectName.canonicalize(extra));
        }
        // Python builds not from a release tag report e.g. "3.13.0+", which is no PEP 440 version.
        if (environment.get("python_full_version") instanceof String full && full.endsWith("+")) {
            environment.put("python_full_version", full + "local");
        }
        // The version variables parsed, and the specifiers the reversed form ("3.8" <= python_version)
        // builds from them, by variable and operator: each parsed once per environment.
        Map<String, Version> versions = new HashMap<>();
        Map<String, Map<String, Specifier>> specifiers = new HashMap<>();
        for (String name : VERSION_VARIABLES) {
            if (environment.get(name) instanceof String s) {
                Version v = Version.parseOrNull(s);
                if (v != null) {
                    versions.put(name, v);
                }
                Map<String, Specifier> byOperator = new HashMap<>();
                for (String op : OPERATORS) {
                    try {
                        byOperator.put(op, Specifier.parse(op + s));
                    } catch (InvalidSpecifierException notASpecifier) {
                        // compared as strings
                    }
                }
                specifiers.put(name, Map.copyOf(byOperator));
            }
        }
        return new Resolved(Map.copyOf(environment), Map.copyOf(versions), Map.copyOf(specifiers));
    }

    /** A group being evaluated: as in packaging, or-separated runs of and-ed results. */
    private static final class Frame {
        final List<MarkerNode> elements;
        int next;
        boolean anyRunTrue;
        boolean runTrue = true;

        Frame(Group group) {
            this.elements = group.elements();
        }

        void add(boolean value) {
            runTrue &= value;
        }
    }

    /** Evaluates every item, left to right, without recursion and without short-circuiting. */
    static boolean evaluate(Group root, Resolved environment) {
        Boolean flat = evaluateFlat(root, environment);
        if (flat != null) {
            return flat;
        }
        Deque<Frame> open = new ArrayDeque<>();
        open.push(new Frame(root));
        while (true) {
            Frame f = open.peek();
            if (f.next == f.elements.size()) {
                open.pop();
                boolean result = f.anyRunTrue || f.runTrue;
                if (open.isEmpty()) {
                    return result;
                }
                open.peek().add(result);
                continue;
            }
            MarkerNode e = f.elements.get(f.next++);
            if (e instanceof Group g) {
                open.push(new Frame(g));
            } else if (e instanceof Item item) {
                f.add(item(item, environment));
            } else if (e == Bool.OR) {
                f.anyRunTrue |= f.runTrue;
                f.runTrue = true;
            }
        }
    }

    /** The common case of a group without nested groups; null if it has some. */
    private static Boolean evaluateFlat(Group group, Resolved environment) {
        List<MarkerNode> elements = group.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Group) {
                return null;
            }
        }
        boolean anyRunTrue = false;
        boolean runTrue = true;
        for (int i = 0; i < elements.size(); i++) {
            MarkerNode e = elements.get(i);
            if (e instanceof Item item) {
                runTrue &= item(item, environment);
            } else if (e == Bool.OR) {
                anyRunTrue |= runTrue;
                runTrue = true;
            }
        }
        return anyRunTrue || runTrue;
    }

    private static boolean item(Item item, Resolved environment) {
        String key;
        Object lhs;
        Object rhs;
        Specifier spec;
        // As in packaging, the right-hand side names the variable whenever the left is a string.
        if (item.lhs().isVariable()) {
            key = item.lhs().value();
            lhs = lookup(key, environment);
            rhs = item.rhs().value();
            spec = item.versionSpecifier();
        } else {
            lhs = item.lhs().value();
            key = item.rhs().value();
            rhs = lookup(key, environment);
            Map<String, Specifier> byOperator = environment.specifiers().get(key);
            spec = byOperator == null ? null : byOperator.get(item.op());
        }
        if (!(lhs instanceof String left)) {
            throw new UndefinedComparisonException("Set-valued marker " + Text.pyRepr(key)
                    + " can only be used with the membership form (e.g. \"<name>\" in " + key
                    + "); it cannot appear on the left-hand side of " + Text.pyRepr(item.op()) + ".");
        }
        if (spec != null) {
            // A version comparison (packaging's Specifier(op + rhs).contains(lhs, prereleases=True)).
            // === compares the text as written; the others use the version parsed once.
            if (spec.operator() == Specifier.Operator.ARBITRARY) {
                return spec.contains(left, true);
            }
            Version v = item.lhs().isVariable() ? environment.versions().get(key) : item.literalVersion();
            return v != null && spec.contains(v, true);
        }
        if (SET_VARIABLES.contains(key)) {
            left = ProjectName.canonicalize(left);
            rhs = rhs instanceof String s ? ProjectName.canonicalize(s) : canonicalNames(rhs);
        }
        return compareStrings(left, item.op(), rhs);
    }

    private static Object lookup(String key, Resolved environment) {
        Object value = environment.values().get(key);
        if (value == null) {
            throw new UndefinedEnvironmentNameException(key);
        }
        return value;
    }

    /** The comparison packaging falls back to when no version specifier is formed. */
    private static boolean compareStrings(String lhs, String op, Object rhs) {
        return switch (op) {
            case "in" -> contains(rhs, lhs);
            case "not in" -> !contains(rhs, lhs);
            case "<", ">" -> false;
            case "<=", "==", ">=" -> rhs.equals(lhs);
            case "!=" -> !rhs.equals(lhs);
            default -> throw new UndefinedComparisonException(
                    "Undefined <Op(" + Text.pyRepr(op) + ")> on " + Text.pyRepr(lhs) + " and " + repr(rhs) + ".");
        };
    }

    /** Python's {@code lhs in rhs}: a substring test for a string, membership for a set. */
    private static boolean contains(Object rhs, String lhs) {
        return rhs instanceof String s ? s.contains(lhs) : ((Set<?>) rhs).contains(lhs);
    }

    private static Set<String> canonicalNames(Object set) {
        Set<String> out = new LinkedHashSet<>();
        for (Object o : (Set<?>) set) {
            out.add(ProjectName.canonicalize((String) o));
        }
        return out;
    }

    /** Python's repr() of a str or set (a set's order is arbitrary in Python too). */
    private static String repr(Object value) {
        if (value instanceof String s) {
            return Text.pyRepr(s);
        }
        Set<?> set = (Set<?>) value;
        if (set.isEmpty()) {
            return "set()";
        }
        StringBuilder b = new StringBuilder("{");
        for (Object o : set) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(Text.pyRepr((String) o));
        }
        return b.append('}').toString();
    }
}
