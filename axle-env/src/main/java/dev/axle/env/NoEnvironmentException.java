package dev.axle.env;

import java.nio.file.Path;

/** No environment to work in: no active virtual environment, no {@code .venv} nearby, no {@code --python}. */
public final class NoEnvironmentException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    public NoEnvironmentException(Path cwd) {
        super("no virtual environment found: VIRTUAL_ENV is not set and there is no .venv folder in " + cwd
                + " or its parents.\nCreate one with `axle venv` (it makes .venv here), or name an interpreter"
                + " with --python (a venv folder, a path, or a version such as 3.12).");
    }
}
