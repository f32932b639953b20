package dev.axle.pep;

import java.util.List;

/**
 * The parsed form of a marker, shaped like packaging's marker list so that {@code str()}
 * and evaluation follow it exactly: a {@link Group} holds items, nested groups and the
 * boolean operators between them ({@code a and (b or c)} is {@code [a, and, [b, or, c]]}).
 * Markers can nest arbitrarily deep, so everything that walks this tree does so without
 * recursion.
 */
sealed interface MarkerNode {

    /** A variable name ({@code os_name}) or a quoted string's value. */
    record Operand(boolean isVariable, String value) {}

    /** One comparison: {@code lhs op rhs}. */
    record Item(Operand lhs, String op, Operand rhs) implements MarkerNode {}

    /** A parenthesized (or top-level) sequence of items, groups and boolean operators. */
    record Group(List<MarkerNode> elements) implements MarkerNode {
        public Group {
            elements = List.copyOf(elements);
        }
    }

    enum Bool implements MarkerNode {
        AND, OR;

        @Override
        public String toString() {
            return this == AND ? "and" : "or";
        }
    }
}
