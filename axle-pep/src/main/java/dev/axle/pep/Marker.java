package dev.axle.pep;

import dev.axle.pep.MarkerNode.Bool;
import dev.axle.pep.MarkerNode.Group;
import dev.axle.pep.MarkerNode.Item;
import dev.axle.pep.MarkerNode.Operand;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An environment marker (PEP 508), such as {@code python_version < "3.11" and extra == "test"}.
 *
 * <p>Parsing accepts what pypa/packaging 26.3 accepts, including the legacy names
 * {@code os.name}, {@code sys.platform}, {@code platform.version}, {@code platform.machine},
 * {@code platform.python_implementation} and {@code python_implementation}, and Python
 * escapes in quoted strings. {@link #toString()} is packaging's normalized form (PEP 508
 * names, double quotes where possible, redundant parentheses dropped, {@code extra} names
 * normalized); two markers are equal when their normalized forms are.
 */
public final class Marker {

    /** Where a marker is evaluated, which decides the variables defined by default. */
    public enum Context {
        /** Core metadata: {@code extra} is {@code ""} unless given. */
        METADATA,
        /** A lock file: {@code extras} and {@code dependency_groups} are empty sets unless given. */
        LOCK_FILE,
        /** Anywhere else: nothing beyond the given environment. */
        REQUIREMENT
    }

    private final Group root;
    /** The normalized form, computed on first use (combining markers must stay cheap). */
    private Rendered rendered;

    private record Rendered(String key, boolean serializable) {}

    private Marker(Group root) {
        this.root = root;
    }

    /**
     * Parses a marker expression.
     *
     * @throws InvalidMarkerException with packaging's reason and position if it is not one
     */
    public static Marker parse(String marker) {
        if (marker == null) {
            throw new InvalidMarkerException("Expected a marker expression, got null", "", 0, 0);
        }
        try {
            return new Marker(DependencyParser.parseMarker(marker));
        } catch (DependencySyntaxError e) {
            throw new InvalidMarkerException(e.reason, marker, e.start, e.end);
        }
    }

    static Marker of(Group root) {
        return new Marker(root);
    }

    /** The parsed form. */
    Group root() {
        return root;
    }

    /** {@code (this) and (other)}, kept as two groups as packaging does. */
    public Marker and(Marker other) {
        return new Marker(new Group(List.of(root, Bool.AND, other.root)));
    }

    /** {@code (this) or (other)}, kept as two groups as packaging does. */
    public Marker or(Marker other) {
        return new Marker(new Group(List.of(root, Bool.OR, other.root)));
    }

    /**
     * Evaluates this marker in core-metadata context against string values.
     *
     * @see #evaluate(MarkerEnvironment, Context)
     */
    public boolean evaluate(Map<String, String> environment) {
        return evaluate(MarkerEnvironment.of(environment), Context.METADATA);
    }

    /** Evaluates this marker in core-metadata context. */
    public boolean evaluate(MarkerEnvironment environment) {
        return evaluate(environment, Context.METADATA);
    }

    /**
     * Evaluates this marker the way packaging's {@code Marker.evaluate(environment, context)}
     * does, with only the given environment (plus the context's defaults) defined. Every
     * comparison is evaluated, left to right, even where the result is already known, so
     * errors surface as they do in packaging.
     *
     * @throws UndefinedEnvironmentNameException if the marker uses a variable the environment lacks
     * @throws UndefinedComparisonException for a comparison without meaning, e.g. {@code ~=} on
     *     values that are not versions
     */
    public boolean evaluate(MarkerEnvironment environment, Context context) {
        return MarkerEvaluation.evaluate(root, environment.resolved(context));
    }

    /**
     * packaging's {@code str(marker)}.
     *
     * @throws IllegalStateException if a quoted value contains both {@code '} and {@code "},
     *     which PEP 508 cannot write (packaging raises ValueError too)
     */
    @Override
    public String toString() {
        Rendered r = rendered();
        if (!r.serializable()) {
            throw new IllegalStateException("Cannot serialize marker value containing both quote characters");
        }
        return r.key();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker m && key().equals(m.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** The normalized form; values that cannot be written are kept distinct by a NUL-prefixed repr. */
    private String key() {
        return rendered().key();
    }

    private Rendered rendered() {
        Rendered r = rendered;
        if (r == null) {
            StringBuilder out = new StringBuilder();
            boolean serializable = format(root, out);
            r = new Rendered(out.toString(), serializable);
            rendered = r;
        }
        return r;
    }

    /** An open group while formatting: its elements and whether it is parenthesized. */
    private static final class Cursor {
        final List<MarkerNode> elements;
        final boolean parenthesized;
        int next;

        Cursor(List<MarkerNode> elements, boolean parenthesized) {
            this.elements = elements;
            this.parenthesized = parenthesized;
        }
    }

    /**
     * packaging's {@code _format_marker}: a group of one item or group is written as that
     * element; nested groups get parentheses, the outermost does not. Returns false if a
     * value could not be written with either quote.
     */
    private static boolean format(Group root, StringBuilder out) {
        boolean ok = true;
        Deque<Cursor> open = new ArrayDeque<>();
        MarkerNode entering = root;
        boolean first = true;
        while (true) {
            if (entering != null) {
                while (entering instanceof Group g && g.elements().size() == 1 && !(g.elements().get(0) instanceof Bool)) {
                    entering = g.elements().get(0);
                }
                if (entering instanceof Item item) {
                    ok &= formatItem(item, out);
                } else if (entering instanceof Group g) {
                    if (!first) {
                        out.append('(');
                    }
                    open.push(new Cursor(g.elements(), !first));
                }
                entering = null;
            }
            Cursor c = open.peek();
            if (c == null) {
                return ok;
            }
            if (c.next == c.elements.size()) {
                open.pop();
                if (c.parenthesized) {
                    out.append(')');
                }
                continue;
            }
            if (c.next > 0) {
                out.append(' ');
            }
            MarkerNode e = c.elements.get(c.next++);
            if (e instanceof Bool b) {
                out.append(b);
            } else {
                entering = e;
                first = false;
            }
        }
    }

    private static boolean formatItem(Item item, StringBuilder out) {
        boolean ok = formatOperand(item.lhs(), out);
        out.append(' ').append(item.op()).append(' ');
        return formatOperand(item.rhs(), out) && ok;
    }

    private static boolean formatOperand(Operand operand, StringBuilder out) {
        String v = operand.value();
        if (operand.isVariable()) {
            out.append(v);
        } else if (v.indexOf('"') < 0) {
            out.append('"').append(v).append('"');
        } else if (v.indexOf('\'') < 0) {
            out.append('\'').append(v).append('\'');
        } else {
            out.append('\0').append(Text.pyRepr(v));
            return false;
        }
        return true;
    }
}
