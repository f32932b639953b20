package dev.axle.env;

import java.nio.file.Path;

/**
 * An install into an environment whose distributor manages it (PEP 668: the interpreter's
 * {@code EXTERNALLY-MANAGED} file), refused. The message quotes the distributor's text and
 * says how to install anyway: into a virtual environment, or with
 * {@code --break-system-packages}.
 */
public final class ExternallyManagedException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final String distributorMessage;

    public ExternallyManagedException(Path executable, Path stdlib, String distributorMessage) {
        super(message(executable, stdlib, distributorMessage));
        this.distributorMessage = distributorMessage;
    }

    /** The text of the {@code EXTERNALLY-MANAGED} file's Error key (or axle's default). */
    public String distributorMessage() {
        return distributorMessage;
    }

    private static String message(Path executable, Path stdlib, String text) {
        StringBuilder b = new StringBuilder("the Python environment of ").append(executable)
                .append(" is externally managed (PEP 668: ").append(stdlib.resolve("EXTERNALLY-MANAGED"))
                .append(").\nIts distributor says:\n\n");
        text.strip().lines().forEach(line -> b.append("    ").append(line).append('\n'));
        b.append("\nInstall into a virtual environment instead:\n")
                .append("    axle venv --python ").append(executable).append(" .venv\n")
                .append("and install with --python .venv (or activate it: source .venv/bin/activate).\n")
                .append("To install into this environment anyway, pass --break-system-packages"
                        + " (this can break the system's own Python tools).");
        return b.toString();
    }
}
