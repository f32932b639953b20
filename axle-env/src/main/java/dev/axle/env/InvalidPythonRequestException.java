package dev.axle.env;

/** A {@code --python} value that is not a path, an executable name, a version or specifiers. */
public final class InvalidPythonRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;

    public InvalidPythonRequestException(String input, String reason) {
        super("invalid Python request '" + input + "': " + reason
                + " (examples: 3.12, >=3.10, python3.11, /usr/bin/python3, .venv)");
        this.input = input;
    }

    /** The value as given. */
    public String input() {
        return input;
    }
}
