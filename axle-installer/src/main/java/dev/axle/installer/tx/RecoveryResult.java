package dev.axle.installer.tx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rollback or a recovery did to an environment.
 *
 * @param root the environment root
 * @param outcome what happened
 * @param undone created files and folders that were removed
 * @param restored stashed files and folders that were put back
 * @param leftBehind what could not be removed (reported, left in place)
 * @param notRestored original paths whose stashed content could not be put back; it is kept in
 *     the transaction folder and the journal stays, so the next run tries again
 */
public record RecoveryResult(Path root, Outcome outcome, int undone, int restored, List<Path> leftBehind,
        List<Path> notRestored) {

    /** What a recovery found and did. */
    public enum Outcome {
        /** No journal: the environment was left consistent. */
        NOTHING_TO_RECOVER,
        /** Another live process (or transaction) holds the lock; its journal is its own. */
        BUSY,
        /** A journal is there, but this user may not change the environment to repair it. */
        NO_ACCESS,
        /** The changes were undone and the environment is as it was before the transaction. */
        ROLLED_BACK,
        /** The transaction had committed; its cleanup was finished. */
        COMMIT_COMPLETED,
        /** Something could not be put back; see {@link #notRestored()}. */
        INCOMPLETE
    }

    public RecoveryResult {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(outcome, "outcome");
        leftBehind = List.copyOf(leftBehind);
        notRestored = List.copyOf(notRestored);
    }

    static RecoveryResult of(Path root, Outcome outcome) {
        return new RecoveryResult(root, outcome, 0, 0, List.of(), List.of());
    }

    /** Whether the environment is consistent again (or was never touched). */
    public boolean complete() {
        return outcome == Outcome.NOTHING_TO_RECOVER || outcome == Outcome.ROLLED_BACK
                || outcome == Outcome.COMMIT_COMPLETED;
    }

    /** This result followed by an older transaction's. */
    RecoveryResult and(RecoveryResult older) {
        Outcome combined = outcome == Outcome.INCOMPLETE || older.outcome == Outcome.INCOMPLETE ? Outcome.INCOMPLETE
                : outcome == Outcome.NOTHING_TO_RECOVER ? older.outcome
                : outcome;
        List<Path> left = new ArrayList<>(leftBehind);
        left.addAll(older.leftBehind);
        List<Path> stuck = new ArrayList<>(notRestored);
        stuck.addAll(older.notRestored);
        return new RecoveryResult(root, combined, undone + older.undone, restored + older.restored, left, stuck);
    }
}
