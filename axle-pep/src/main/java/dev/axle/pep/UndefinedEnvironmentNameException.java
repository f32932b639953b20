package dev.axle.pep;

/**
 * A marker names a variable that the environment it is evaluated in does not define.
 * As in packaging, the message is the quoted name (it is a {@code KeyError} there).
 */
public final class UndefinedEnvironmentNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;

    UndefinedEnvironmentNameException(String name) {
        super(Text.pyRepr(name));
        this.name = name;
    }

    /** The marker variable that is missing. */
    public String name() {
        return name;
    }
}
