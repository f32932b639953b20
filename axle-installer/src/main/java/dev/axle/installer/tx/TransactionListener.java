package dev.axle.installer.tx;

import dev.axle.installer.removal.RemovalListener;
import java.io.IOException;
import java.nio.file.Path;

/** Hears what a transaction does beyond its callers' own operations. Every method may be called from any thread. */
public interface TransactionListener extends RemovalListener {
    /** A listener that ignores every event. */
    TransactionListener NONE = new TransactionListener() {};

    /** Another process (or transaction) holds the environment's lock; this one waits for it. */
    default void waitingForLock(Path root, String holder) {}

    /** A journal left by an earlier run was found; it is finished ({@code committed}) or rolled back. */
    default void recovering(Path journal, boolean committed) {}

    /** An earlier run's journal was dealt with. */
    default void recovered(RecoveryResult result) {}

    /** The commit mark is on the disk: the transaction's changes stay; cleaning up follows. */
    default void committed(Path root) {}

    /** The process is shutting down (Ctrl-C, SIGTERM) with the transaction open: it is rolled back. */
    default void interrupted(Path root) {}

    /** Cleaning up could not remove {@code path}; it is left where it is. */
    default void leftBehind(Path path, IOException cause) {}

    /**
     * Rolling back could not put a stashed file or folder back: it is kept at {@code stashed}
     * and the journal stays, so the next run tries again.
     */
    default void notRestored(Path original, Path stashed, IOException cause) {}
}
