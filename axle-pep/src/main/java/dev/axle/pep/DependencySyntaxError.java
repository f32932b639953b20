package dev.axle.pep;

/**
 * A syntax error found by {@link DependencyParser}, before it is reported as the public
 * exception of whatever was being parsed (marker or requirement).
 */
final class DependencySyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String reason;
    final int start;
    final int end;

    DependencySyntaxError(String reason, int start, int end) {
        super(reason, null, false, false);
        this.reason = reason;
        this.start = start;
        this.end = end;
    }
}
