package dev.axle.env;

import java.nio.file.Path;

/** Running an interpreter to describe itself failed: not a Python, broken, or it timed out. */
public final class InterpreterQueryException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final transient Path executable;

    public InterpreterQueryException(Path executable, String problem) {
        super("cannot query the Python interpreter " + executable + ": " + problem);
        this.executable = executable;
    }

    public InterpreterQueryException(Path executable, String problem, Throwable cause) {
        super("cannot query the Python interpreter " + executable + ": " + problem, cause);
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }
}
