package dev.axle.pep;

/** A string that is not a valid PEP 440 version specifier. */
public final class InvalidSpecifierException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidSpecifierException(String input, int position) {
        super("Invalid specifier: " + Text.pyRepr(input), input, position, position);
    }

    InvalidSpecifierException(String reason, String input) {
        super(reason, input, 0, 0);
    }
}
