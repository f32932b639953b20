package dev.axle.pep;

/**
 * A marker comparison that has no meaning: an operator such as {@code ~=} on values that
 * are not versions, or a set-valued name ({@code extras}) used other than with {@code in}.
 */
public final class UndefinedComparisonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UndefinedComparisonException(String message) {
        super(message);
    }
}
