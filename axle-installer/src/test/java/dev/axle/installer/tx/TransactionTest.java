package dev.axle.installer.tx;

import static dev.axle.installer.tx.SampleEnvironment.SITE;
import static dev.axle.installer.tx.SampleEnvironment.writing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create, remove, commit and rollback on a real filesystem, compared as whole trees. */
class TransactionTest extends SampleEnvironmentTest {
    @Test
    void newFilesInNewFoldersStayAfterCommit() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(site.resolve("new/__init__.py"), site.resolve("new/sub/deep/mod.py"),
                    root.resolve("bin/new-tool")), writing("new"));
            RecoveryResult result = tx.commit();
            assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.COMMIT_COMPLETED);
            assertThat(result.leftBehind()).isEmpty();
        }
        assertThat(Files.readString(site.resolve("new/sub/deep/mod.py"))).isEqualTo("new");
        assertThat(Files.readString(root.resolve("bin/new-tool"))).isEqualTo("new");
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
        assertThat(root.resolve(EnvironmentLock.FILE_NAME)).exists();
        assertThat(listener.events).containsExactly("committed");
    }

    @Test
    void rollbackRemovesNewFilesAndTheFoldersItMade() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(site.resolve("new/__init__.py"), site.resolve("new/sub/deep/mod.py"),
                    site.resolve("old/added.py"), root.resolve("share/man/man1/new.1")), writing("new"));
            assertThat(site.resolve("new/sub/deep/mod.py")).exists();
            RecoveryResult result = tx.rollback();
            assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
            assertThat(result.undone()).as("4 files, 6 folders").isEqualTo(10);
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void replacedFilesAreStashedAndComeBackOnRollback() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(site.resolve("old/__init__.py"), site.resolve("old/mod.py"), root.resolve("bin/tool-link")),
                    writing("replaced"));
            assertThat(Files.readString(site.resolve("old/mod.py"))).isEqualTo("replaced");
            assertThat(Files.isSymbolicLink(root.resolve("bin/tool-link"))).isFalse();
            assertThat(tx.rollback().restored()).isEqualTo(3);
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void replacedFilesAreGoneAfterCommit() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.create(site.resolve("old/mod.py"), writing("replaced"));
            tx.commit();
        }
        assertThat(Files.readString(site.resolve("old/mod.py"))).isEqualTo("replaced");
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void whatStandsWhereAFolderOrFileMustGoIsStashed() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(site.resolve("file_where_folder_goes/now/a.py"), site.resolve("folder_where_file_goes")),
                    writing("x"));
            assertThat(site.resolve("file_where_folder_goes")).isDirectory();
            assertThat(site.resolve("folder_where_file_goes")).isRegularFile();
            tx.rollback();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void removalsAreUndoneByRollback() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            assertThat(tx.removeAll(List.of(site.resolve("old"), site.resolve("old-1.0.dist-info/RECORD"),
                    root.resolve("bin/tool-link"), site.resolve("never-existed")))).isEqualTo(3);
            assertThat(site.resolve("old")).doesNotExist();
            assertThat(tx.remove(site.resolve("old"))).isFalse();
            tx.rollback();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void anUpgradeRemovesAFolderThenCreatesInItsPlace() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            // The transaction has seen old/ as an existing folder before it goes.
            tx.create(site.resolve("old/first.py"), writing("1"));
            tx.remove(site.resolve("old"));
            tx.createAll(List.of(site.resolve("old/__init__.py"), site.resolve("old/data/new.bin")), writing("2"));
            assertThat(site.resolve("old/mod.py")).doesNotExist();
            tx.rollback();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void aFileCreatedTwiceInOneTransactionKeepsTheSecondAndRollsBackToNothing() throws IOException {
        Path shared = site.resolve("ns/__init__.py");
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.create(shared, writing("first"));
            tx.create(shared, writing("second"));
            tx.remove(shared);
            tx.create(shared, writing("third"));
            tx.rollback();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.create(shared, writing("first"));
            tx.create(shared, writing("second"));
            tx.commit();
        }
        assertThat(Files.readString(shared)).isEqualTo("second");
    }

    @Test
    void closeWithoutCommitRollsBack() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.create(site.resolve("old/mod.py"), writing("replaced"));
            tx.remove(site.resolve("shared"));
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void operationsAfterRollbackThrowAndRollbackTwiceIsHarmless() throws IOException {
        Transaction tx = Transaction.begin(root, listener);
        tx.rollback();
        assertThat(tx.aborted()).isTrue();
        assertThatThrownBy(() -> tx.create(site.resolve("x.py"), writing("x")))
                .isInstanceOf(TransactionAbortedException.class);
        assertThat(tx.rollback().outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
        assertThatThrownBy(tx::commit).isInstanceOf(TransactionAbortedException.class);
        tx.close();
    }

    @Test
    void prunesEmptiedFoldersDeepestFirstAtCommit() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.removeAll(List.of(site.resolve("old/__init__.py"), site.resolve("old/mod.py"),
                    site.resolve("old/data/blob.bin"), site.resolve("old-1.0.dist-info/RECORD")));
            tx.pruneIfEmpty(List.of(site.resolve("old"), site.resolve("old/data"), site.resolve("shared"),
                    site.resolve("old-1.0.dist-info"), site.resolve("missing")));
            assertThat(site.resolve("old/data")).isDirectory();
            tx.commit();
        }
        assertThat(site.resolve("old")).doesNotExist();
        assertThat(site.resolve("old-1.0.dist-info")).doesNotExist();
        assertThat(site.resolve("shared/keep.txt")).exists();
    }

    @Test
    void aFailingCreatorLeavesTheTransactionOpenForRollback() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            List<Path> targets = List.of(site.resolve("old/mod.py"), site.resolve("new/a.py"), site.resolve("new/b.py"));
            assertThatThrownBy(() -> tx.createAll(targets, target -> {
                Files.writeString(target, "partial");
                if (target.endsWith("a.py")) {
                    throw new IOException("disk full");
                }
            })).hasMessage("disk full");
            tx.rollback();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }

    @Test
    void aSecondTransactionInTheSameProcessWaitsThenTimesOut() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            assertThatThrownBy(() -> Transaction.begin(root, listener, java.time.Duration.ofMillis(300)))
                    .isInstanceOf(EnvironmentLockedException.class)
                    .hasMessageContaining("in use by another transaction in this process");
            assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.BUSY);
            tx.create(site.resolve("still-mine.py"), writing("x"));
            tx.commit();
        }
        assertThat(listener.events).contains("waiting another transaction in this process (" + ProcessHandle.current().pid() + ")");
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.commit();
        }
    }

    @Test
    void recoverIsANoOpOnACleanEnvironmentAndWritesNothing() throws IOException {
        assertThat(Transaction.recover(root, listener).outcome()).isEqualTo(RecoveryResult.Outcome.NOTHING_TO_RECOVER);
        assertThat(root.resolve(EnvironmentLock.FILE_NAME)).doesNotExist();
    }

    @Test
    void aMissingRootIsRefused() {
        assertThatThrownBy(() -> Transaction.begin(root.resolve("nope"), listener))
                .hasMessageContaining("the environment folder does not exist");
    }

    @Test
    void theJournalHoldsOneLinePerChangeWithRootRelativePaths() throws IOException {
        try (Transaction tx = Transaction.begin(root, listener)) {
            tx.createAll(List.of(site.resolve("old/mod.py"), site.resolve("n/tab\tand\nnewline.py")), writing("x"));
            Path journal = TransactionFolder.existing(root).get(0).journal();
            assertThat(Files.readAllLines(journal)).containsExactly(
                    Journal.HEADER,
                    "S\t" + SITE + "/old/mod.py\t" + root.relativize(journal.resolveSibling("stash/1")),
                    "D\t" + SITE + "/n",
                    "C\t" + SITE + "/old/mod.py",
                    "C\t" + SITE + "/n/tab\\tand\\nnewline.py");
            assertThat(Files.exists(site.resolve("n/tab\tand\nnewline.py"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        }
        assertThat(FileTree.of(root)).isEqualTo(before);
    }
}
