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

    /**
     * One comparison: {@code lhs op rhs}. When a version variable is compared with a
     * literal ({@code python_version >= "3.8"}), {@code versionSpecifier} is the specifier
     * that comparison forms, parsed once here rather than at every evaluation (null when
     * the pair forms no specifier and strings are compared instead); {@code literalVersion}
     * serves the reversed form.
     */
    record Item(Operand lhs, String op, Operand rhs, Specifier versionSpecifier, Version literalVersion)
            implements MarkerNode {
        Item(Operand lhs, String op, Operand rhs) {
            this(lhs, op, rhs, versionSpecifier(lhs, op, rhs), literalVersion(lhs, rhs));
        }

        /** For {@code "3.8" <= python_version}: the literal on the left, parsed once (null if no version). */
        private static Version literalVersion(Operand lhs, Operand rhs) {
            return !lhs.isVariable() && rhs.isVariable() && MarkerEvaluation.isVersionVariable(rhs.value())
                    ? Version.parseOrNull(lhs.value())
                    : null;
        }

        private static Specifier versionSpecifier(Operand lhs, String op, Operand rhs) {
            if (!lhs.isVariable() || rhs.isVariable() || !MarkerEvaluation.isVersionVariable(lhs.value())) {
                return null;
            }
            try {
                return Specifier.parse(op + rhs.value());
            } catch (InvalidSpecifierException notASpecifier) {
                return null;
            }
        }
    }

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
