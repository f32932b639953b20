package dev.axle.installer;

import dev.axle.installer.tx.RecoveryResult;
import dev.axle.installer.tx.TransactionListener;
import java.io.IOException;
import java.nio.file.Path;

/** Tells the user, through an {@link InstallListener}, what a transaction does on its own. */
final class TransactionReports implements TransactionListener {
    private final InstallListener listener;

    private TransactionReports(InstallListener listener) {
        this.listener = listener;
    }

    static TransactionListener to(InstallListener listener) {
        return new TransactionReports(listener);
    }

    @Override
    public void waitingForLock(Path root, String holder) {
        listener.warning("waiting for another axle process to finish with " + root + " (" + holder + ")");
    }

    @Override
    public void recovering(Path journal, boolean committed) {
        listener.warning("an earlier axle run on this environment was interrupted; "
                + (committed ? "finishing its cleanup" : "undoing its changes") + " (journal " + journal + ")");
    }

    @Override
    public void recovered(RecoveryResult result) {
        switch (result.outcome()) {
            case ROLLED_BACK -> listener.warning("the interrupted run's changes were undone (" + result.undone()
                    + " created paths removed, " + result.restored() + " restored)");
            case COMMIT_COMPLETED -> listener.detail("the interrupted run had finished; its cleanup is done");
            case INCOMPLETE -> listener.warning("the interrupted run could not be fully undone: " + result.notRestored()
                    + " are kept in the transaction folder; the next run tries again");
            default -> { }
        }
    }

    @Override
    public void interrupted(Path root) {
        listener.warning("interrupted: undoing the changes to " + root);
    }

    @Override
    public void leftBehind(Path path, IOException cause) {
        listener.warning("could not remove " + path + " (" + cause.getMessage() + "); it is left there");
    }

    @Override
    public void notRestored(Path original, Path stashed, IOException cause) {
        listener.warning("could not put back " + original + " (it is kept at " + stashed + "): " + cause.getMessage());
    }

    @Override
    public void retrying(Path path, IOException cause, int attempt) {
        listener.detail("retrying removal of " + path + " (" + cause.getMessage() + ")");
    }
}
