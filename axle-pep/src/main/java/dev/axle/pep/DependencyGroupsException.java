package dev.axle.pep;

import java.util.List;

/**
 * {@code [dependency-groups]} data that cannot be used (PEP 735): every problem found in one
 * pass, as packaging 26.3 collects them into one exception group.
 */
public final class DependencyGroupsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem: the exception packaging raises for it. */
    public enum Kind {
        /** Two group names normalize to the same name ({@code DuplicateGroupNames}). */
        DUPLICATE_NAMES,
        /** A group includes itself, directly or through others ({@code CyclicDependencyGroup}). */
        CYCLIC_INCLUDE,
        /** A group that is asked for or included does not exist ({@code LookupError}). */
        MISSING_GROUP,
        /** A table item other than {@code {include-group = "name"}} ({@code InvalidDependencyGroupObject}). */
        INVALID_OBJECT,
        /** A group or item of the wrong type ({@code TypeError}). */
        WRONG_TYPE,
        /** A string item that is not a dependency specifier ({@code InvalidRequirement}). */
        INVALID_REQUIREMENT
    }

    /** One problem, with packaging's message. */
    public record Problem(Kind kind, String message) implements java.io.Serializable {}

    private final String summary;
    private final List<Problem> problems;

    DependencyGroupsException(String summary, List<Problem> problems) {
        super(summary + ": " + String.join("; ", problems.stream().map(Problem::message).toList()));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    /**
     * What was being done: {@code [dependency-groups] data was invalid} (the table as a whole)
     * or {@code [dependency-groups] data for 'name' was malformed} (resolving one group).
     */
    public String summary() {
        return summary;
    }

    /** The problems, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }
}
