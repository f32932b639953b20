package dev.axle.installer.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A distribution that cannot be removed safely: its files are unknown (no RECORD), it is a
 * distutils install, it lies outside the environment, or its RECORD names a file outside
 * the environment (directly or through a symbolic link). The message says which and what to
 * do; {@link #path()} is the offending file, when there is one.
 */
public final class UninstallRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    UninstallRefusedException(String message, Path path) {
        super(message);
        this.path = path;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }
}
