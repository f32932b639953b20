package dev.axle.pep;

/** A string that is not a valid project (distribution) name. */
public final class InvalidNameException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidNameException(String name, int position) {
        super("name is invalid: " + Text.pyRepr(name), name, position, position);
    }
}
