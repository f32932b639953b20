package dev.axle.env;

import java.nio.file.Path;

/** {@code axle venv} was pointed at a folder that exists and is not empty. */
public final class VenvExistsException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    public VenvExistsException(Path folder, boolean isVenv) {
        super((isVenv ? "a virtual environment already exists at " : "the folder exists and is not empty: ") + folder
                + "\nPass --clear to remove everything in it and create a new virtual environment there,"
                + " or choose another folder.");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
