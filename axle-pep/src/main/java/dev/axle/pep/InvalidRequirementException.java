package dev.axle.pep;

/**
 * A string that is not a valid dependency specifier (PEP 508), or whose version specifiers
 * are not valid (then, as in packaging, the message is the specifier's and has no position).
 */
public final class InvalidRequirementException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    private final boolean positioned;

    private InvalidRequirementException(String reason, String input, int start, int end, boolean positioned,
            Throwable cause) {
        super(reason, input, start, end);
        this.positioned = positioned;
        if (cause != null) {
            initCause(cause);
        }
    }

    static InvalidRequirementException syntax(String reason, String input, int start, int end) {
        return new InvalidRequirementException(reason, input, start, end, true, null);
    }

    static InvalidRequirementException specifier(String input, InvalidSpecifierException cause) {
        return new InvalidRequirementException(cause.reason(), input, 0, 0, false, cause);
    }

    /** Whether {@link #start()} and {@link #end()} point at the problem (false for specifier errors). */
    public boolean positioned() {
        return positioned;
    }

    @Override
    public String getMessage() {
        return positioned ? super.getMessage() : reason();
    }
}
