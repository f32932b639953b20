package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * An earlier transaction on the environment could not be rolled back completely, so a new one
 * does not start on top of it: its journal and stash stay, and each run tries again.
 */
public final class IncompleteRecoveryException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient RecoveryResult result;

    IncompleteRecoveryException(RecoveryResult result) {
        super("an earlier interrupted command on " + result.root() + " could not be undone completely: "
                + result.notRestored().stream().map(Path::toString).collect(Collectors.joining(", "))
                + " could not be put back (their saved copies are under "
                + TransactionFolder.parentIn(result.root()) + "). Fix what prevents it (permissions, a file in use) "
                + "and run the command again");
        this.result = result;
    }

    public RecoveryResult result() {
        return result;
    }
}
