package dev.axle.installer.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real JVM in the middle of a transaction (SIGKILL at several points, after the commit
 * mark, during its rollback; SIGINT and SIGTERM) and checks that the next run puts the
 * environment back exactly as it was, or finishes the commit.
 */
class TransactionCrashTest {
    @TempDir
    Path root;

    Map<String, String> before;
    RecordingListener listener = new RecordingListener();

    @BeforeEach
    void populate() throws IOException {
        ChildWork.populate(root);
        before = FileTree.of(root);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 13, 40})
    void killedAfterSomeOperationsIsRolledBackByTheNextRun(int operations) throws Exception {
        try (ChildProcess child = new ChildProcess(root, "work", "100000")) {
            child.awaitLine(operations == 0 ? "begun" : "op " + (operations - 1));
            child.killHard();
        }
        assertThat(root.resolve(TransactionFolder.NAME)).isDirectory();
        RecoveryResult result = Transaction.recover(root, listener);
        assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
        assertThat(FileTree.of(root)).isEqualTo(before);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
        assertThat(listener.events).containsExactly("recovering committed=false", "recovered ROLLED_BACK");
    }

    @Test
    void aUserWhoMayNotWriteTheEnvironmentIsToldAndNothingIsTouched() throws Exception {
        try (ChildProcess child = new ChildProcess(root, "work", "100000")) {
            child.awaitLine("op 5");
            child.killHard();
        }
        Path lock = root.resolve(EnvironmentLock.FILE_NAME);
        Files.setPosixFilePermissions(lock, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        List<String> withoutRootPowers = System.getProperty("user.name").equals("root")
                ? List.of("setpriv", "--inh-caps=-dac_override", "--bounding-set=-dac_override") : List.of();
        try (ChildProcess child = new ChildProcess(withoutRootPowers, root, "recover")) {
            child.awaitLine("NO_ACCESS");
        }
        assertThat(root.resolve(TransactionFolder.NAME)).isDirectory();
        Files.setPosixFilePermissions(lock, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void killedAfterTheCommitMarkIsFinishedByTheNextRun(@TempDir Path reference) throws Exception {
        int operations = 30;
        try (ChildProcess child = new ChildProcess(root, "commit", Integer.toString(operations))) {
            child.awaitLine("committed");
            child.killHard();
        }
        ChildWork.populate(reference);
        try (Transaction tx = Transaction.begin(reference, TransactionListener.NONE)) {
            ChildWork.run(tx, reference, operations, i -> { });
            tx.commit();
        }
        // The stash still holds what was replaced until the next run finishes the commit.
        assertThat(TransactionFolder.existing(root)).hasSize(1);
        assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.COMMIT_COMPLETED);
        assertThat(withoutTimes(FileTree.of(root))).isEqualTo(withoutTimes(FileTree.of(reference)));
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 40, 120, 400})
    void killedWhileRollingBackIsRolledBackByTheNextRun(int delayMillis) throws Exception {
        try (ChildProcess child = new ChildProcess(root, "rollback", "300")) {
            child.awaitLine("rolling back");
            Thread.sleep(delayMillis);
            child.killHard();
        }
        Transaction.recover(root, listener);
        assertThat(FileTree.of(root)).isEqualTo(before);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalRollsBackThroughTheShutdownHook(String signal) throws Exception {
        try (ChildProcess child = new ChildProcess(root, "work", "40")) {
            child.awaitLine("done");
            if (signal.equals("INT")) {
                assumeThat(child.ignoresInterrupt()).as("this test JVM was started with SIGINT ignored").isFalse();
            }
            int exit = child.signal(signal);
            assertThat(exit).isEqualTo(signal.equals("INT") ? 130 : 143);
            child.awaitLine("interrupted");
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void anotherProcessHoldingTheLockMakesBeginWaitThenFail() throws Exception {
        try (ChildProcess child = new ChildProcess(root, "hold")) {
            child.awaitLine("begun");
            long start = System.nanoTime();
            try {
                Transaction.begin(root, listener, Duration.ofMillis(500)).close();
                throw new AssertionError("begin should have timed out");
            } catch (EnvironmentLockedException e) {
                assertThat(e.holder()).startsWith("process " + child.process.pid());
                assertThat(e).hasMessageContaining("is in use by process " + child.process.pid());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(listener.events).hasSize(1).first().asString().startsWith("waiting process " + child.process.pid());
            // The live holder's journal is its own: recovery leaves it alone.
            assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.BUSY);

            // Once the holder ends, a waiting begin goes ahead.
            Thread closer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                    child.process.getOutputStream().close();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Transaction tx = Transaction.begin(root, listener, Duration.ofSeconds(30))) {
                tx.commit();
            }
            closer.join();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    private static Map<String, String> withoutTimes(Map<String, String> tree) {
        Map<String, String> result = new java.util.TreeMap<>();
        tree.forEach((name, description) -> result.put(name,
                description.startsWith("file ") ? List.of(description.split(" ")).subList(0, 2) + " "
                        + description.substring(description.lastIndexOf(' ') + 1) : description));
        return result;
    }
}
