package dev.axle.installer.tx;

import static dev.axle.installer.tx.SampleEnvironment.writing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.axle.installer.removal.Immutable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be cleaned up or put back (immutable files, with {@code chattr +i}), and files on
 * another filesystem than the environment root (a link into {@code /dev/shm}).
 */
class TransactionLeftoversTest extends SampleEnvironmentTest {
    @Test
    void aStashThatWillNotGoDoesNotFailTheCommitAndTheNextRunRetries() throws Exception {
        Path stuck = site.resolve("old/data/blob.bin");
        try (Immutable immutable = Immutable.make(stuck)) {
            try (Transaction tx = Transaction.begin(root, listener)) {
                tx.remove(site.resolve("old"));
                RecoveryResult result = tx.commit();
                assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.COMMIT_COMPLETED);
                assertThat(result.leftBehind()).singleElement().asString().endsWith("/stash/1/data/blob.bin");
                immutable.movedTo(result.leftBehind().get(0));
            }
            assertThat(site.resolve("old")).doesNotExist();
            assertThat(listener.events).anyMatch(event -> event.startsWith("left ") && event.endsWith("blob.bin"));
            // The journal stays, so the next run finishes the cleanup (here: still stuck).
            assertThat(TransactionFolder.existing(root)).hasSize(1);
            try (Transaction tx = Transaction.begin(root, listener)) {
                tx.commit();
            }
            assertThat(TransactionFolder.existing(root)).hasSize(1);
        }
        assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.COMMIT_COMPLETED);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void whatCannotBePutBackStaysStashedAndBlocksNewTransactionsUntilRestored() throws Exception {
        Path old = site.resolve("old");
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.remove(old.resolve("mod.py"));
            try (Immutable immutable = Immutable.make(old)) {
                RecoveryResult result = tx.rollback();
                assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.INCOMPLETE);
                assertThat(result.notRestored()).containsExactly(old.resolve("mod.py"));
                assertThat(listener.events).contains("not restored " + old.resolve("mod.py"));
                assertThatThrownBy(() -> Transaction.begin(root, listener))
                        .isInstanceOf(IncompleteRecoveryException.class)
                        .hasMessageContaining(old.resolve("mod.py") + " could not be put back");
            }
        }
        assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void filesOnAnotherFilesystemAreStashedBesideThemselves(@TempDir(factory = ShmTempDir.class) Path shm)
            throws IOException {
        assumeThat(Files.getFileStore(shm)).as("/dev/shm is another filesystem").isNotEqualTo(Files.getFileStore(root));
        SampleEnvironment.write(shm, "pkg/a.py", "a", "rw-r--r--");
        SampleEnvironment.write(shm, "pkg/sub/b.py", "b", "rwxr-xr-x");
        Files.createSymbolicLink(root.resolve("lib64"), shm);
        Map<String, String> shmBefore = FileTree.of(shm);
        Path lib = root.resolve("lib64");
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(lib.resolve("pkg/a.py"), lib.resolve("pkg/new/c.py")), writing("new"));
            tx.remove(lib.resolve("pkg/sub"));
            assertThat(shm.resolve("pkg/.axle-stash-" + TransactionFolder.existing(root).get(0).path().getFileName()))
                    .isDirectory();
            tx.rollback();
        }
        assertThat(FileTree.of(shm)).isEqualTo(shmBefore);
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.create(lib.resolve("pkg/a.py"), writing("new"));
            tx.commit();
        }
        assertThat(shm.resolve("pkg/a.py")).hasContent("new");
        try (var entries = Files.list(shm.resolve("pkg"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.py", "sub");
        }
    }
}
