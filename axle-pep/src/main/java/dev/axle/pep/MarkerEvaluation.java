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

    /** Values are Strings or Sets of Strings. */
    private final Map<String, Object> environment = new HashMap<>();

    MarkerEvaluation(MarkerEnvironment given, Marker.Context context) {
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
    boolean evaluate(Group root) {
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
                f.add(item(item));
            } else if (e == Bool.OR) {
                f.anyRunTrue |= f.runTrue;
                f.runTrue = true;
            }
        }
    }

    private boolean item(Item item) {
        String key;
        Object lhs;
        Object rhs;
        // As in packaging, the right-hand side names the variable whenever the left is a string.
        if (item.lhs().isVariable()) {
            key = item.lhs().value();
            lhs = lookup(key);
            rhs = item.rhs().value();
        } else {
            lhs = item.lhs().value();
            key = item.rhs().value();
            rhs = lookup(key);
        }
        if (!(lhs instanceof String left)) {
            throw new UndefinedComparisonException("Set-valued marker " + Text.pyRepr(key)
                    + " can only be used with the membership form (e.g. \"<name>\" in " + key
                    + "); it cannot appear on the left-hand side of " + Text.pyRepr(item.op()) + ".");
        }
        if (SET_VARIABLES.contains(key)) {
            left = ProjectName.canonicalize(left);
            rhs = rhs instanceof String s ? ProjectName.canonicalize(s) : canonicalNames(rhs);
        }
        return compare(left, item.op(), rhs, key);
    }

    private Object lookup(String key) {
        Object value = environment.get(key);
        if (value == null) {
            throw new UndefinedEnvironmentNameException(key);
        }
        return value;
    }

    private static boolean compare(String lhs, String op, Object rhs, String key) {
        if (VERSION_VARIABLES.contains(key) && rhs instanceof String version) {
            Specifier spec;
            try {
                spec = Specifier.parse(op + version);
            } catch (InvalidSpecifierException notASpecifier) {
                spec = null;
            }
            if (spec != null) {
                return spec.contains(lhs, true);
            }
        }
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
