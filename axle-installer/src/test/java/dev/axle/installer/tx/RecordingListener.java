package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as a line of text, for assertions. */
final class RecordingListener implements TransactionListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void waitingForLock(Path root, String holder) {
        events.add("waiting " + holder);
    }

    @Override
    public void recovering(Path journal, boolean committed) {
        events.add("recovering committed=" + committed);
    }

    @Override
    public void recovered(RecoveryResult result) {
        events.add("recovered " + result.outcome());
    }

    @Override
    public void committed(Path root) {
        events.add("committed");
    }

    @Override
    public void interrupted(Path root) {
        events.add("interrupted");
    }

    @Override
    public void leftBehind(Path path, IOException cause) {
        events.add("left " + path);
    }

    @Override
    public void notRestored(Path original, Path stashed, IOException cause) {
        events.add("not restored " + original);
    }
}
