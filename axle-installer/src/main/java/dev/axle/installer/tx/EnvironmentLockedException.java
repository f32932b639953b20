package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Another process kept an environment locked for longer than the caller would wait. */
public final class EnvironmentLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path root;
    private final String holder;

    EnvironmentLockedException(Path root, String holder, Duration waited) {
        super("the environment " + root + " is in use by " + holder + "; gave up after waiting "
                + waited.toString().substring(2).toLowerCase() + ". Wait for that command to finish (or stop it) "
                + "and try again; the lock is released as soon as it exits");
        this.root = root;
        this.holder = holder;
    }

    public Path root() {
        return root;
    }

    /** Who holds the lock: the process id and command line it wrote into the lock file. */
    public String holder() {
        return holder;
    }
}
