package dev.axle.env;

import java.nio.file.Path;

/** A folder given as a virtual environment that is not one (no {@code pyvenv.cfg}) or is broken. */
public final class NotAVirtualEnvironmentException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    public NotAVirtualEnvironmentException(Path folder, String problem) {
        super(problem);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
