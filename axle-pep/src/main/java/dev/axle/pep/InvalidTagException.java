package dev.axle.pep;

/**
 * A compressed tag set ({@code py2.py3-none-any}) that does not follow the platform
 * compatibility tags specification, or that breaks an option given to
 * {@link Tag#parse(String, boolean, long)}. {@link #problem()} says which rule was broken.
 */
public final class InvalidTagException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    /** The rule a tag set broke; packaging raises a different exception type for some of them. */
    public enum Problem {
        /** A component, or a member of a compressed component, is empty ({@code InvalidTag}). */
        EMPTY_COMPONENT,
        /** There are not exactly three components ({@code InvalidTag}). */
        COMPONENT_COUNT,
        /** An interpreter is not a Python identifier ({@code InvalidTag}). */
        INVALID_INTERPRETER,
        /** A compressed component is not sorted, with order validation on ({@code UnsortedTagsError}). */
        UNSORTED,
        /** The set would hold more tags than the given limit ({@code TooManyTagsError}). */
        TOO_MANY_TAGS
    }

    private final Problem problem;

    InvalidTagException(Problem problem, String reason, String input, int start, int end) {
        super(reason, input, start, end);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
