package dev.axle.env;

import java.nio.file.Path;

/** An interpreter axle does not work with: Python 2, or Python 3 before 3.7. */
public final class UnsupportedInterpreterException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final transient Path executable;
    private final String version;

    public UnsupportedInterpreterException(Path executable, String version) {
        super("unsupported interpreter: " + executable + " is Python " + version
                + "; axle works with Python 3.7 and newer");
        this.executable = executable;
        this.version = version;
    }

    public Path executable() {
        return executable;
    }

    /** The version it reported, or a description such as {@code 2.x} when it could not say. */
    public String version() {
        return version;
    }
}
