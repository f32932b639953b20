package dev.axle.pep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Core metadata that does not validate. Validation collects every problem instead of
 * stopping at the first (as pypa/packaging's ExceptionGroup of InvalidMetadata does); each
 * {@link Problem} names its field and reads as packaging's message, e.g.
 * {@code 'name' is a required field} or {@code '-x' is invalid for 'provides-extra'}.
 */
public final class InvalidMetadataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param field the lower-cased field name (e.g. {@code requires-dist}), or the name of an
     *     unrecognised field as written in lower case
     * @param message what is wrong, as pypa/packaging words it
     * @param cause the parse error behind the problem, if any
     */
    public record Problem(String field, String message, Optional<RuntimeException> cause) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(cause, "cause");
        }

        Problem(String field, String message) {
            this(field, message, Optional.empty());
        }

        Problem(MetadataField field, String message, RuntimeException cause) {
            this(field.lowerName(), message, Optional.ofNullable(cause));
        }

        /** Problems are equal when they name the same field with the same message. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Problem p && field.equals(p.field) && message.equals(p.message);
        }

        @Override
        public int hashCode() {
            return field.hashCode() * 31 + message.hashCode();
        }

        @Override
        public String toString() {
            return message;
        }
    }

    private final String summary;
    private final transient List<Problem> problems;

    InvalidMetadataException(String summary, List<Problem> problems) {
        super(render(summary, problems), problems.size() == 1 ? problems.get(0).cause().orElse(null) : null);
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    InvalidMetadataException(Problem problem) {
        this(null, List.of(problem));
    }

    private static String render(String summary, List<Problem> problems) {
        if (summary == null && problems.size() == 1) {
            return problems.get(0).message();
        }
        StringBuilder b = new StringBuilder(summary == null ? "invalid metadata" : summary)
                .append(" (").append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (Problem p : problems) {
            b.append("\n  ").append(p.message());
        }
        return b.toString();
    }

    /**
     * What was being validated: {@code invalid metadata} or {@code invalid or unparsed
     * metadata} as in packaging's ExceptionGroup; empty for the error of a single field
     * read from leniently built metadata.
     */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** Every problem found, in field order. */
    public List<Problem> problems() {
        return problems;
    }
}
