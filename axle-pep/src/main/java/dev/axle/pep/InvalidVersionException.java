package dev.axle.pep;

/** A string that is not a valid PEP 440 version. */
public final class InvalidVersionException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidVersionException(String input, int position) {
        super("Invalid version: " + Text.pyRepr(input), input, position, position);
    }

    InvalidVersionException(String reason) {
        super(reason, "", 0, 0);
    }
}
