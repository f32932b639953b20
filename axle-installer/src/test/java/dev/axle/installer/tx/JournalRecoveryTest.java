package dev.axle.installer.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from journals written by hand in the states a crash can leave: a torn last line, a
 * line broken by a failed write, a rollback that stopped half-way.
 */
class JournalRecoveryTest {
    @TempDir
    Path root;

    Path folder;

    @BeforeEach
    void name() {
        folder = root.resolve(TransactionFolder.NAME).resolve("0000000000001-1-0001");
    }

    private void journal(String text) throws IOException {
        Files.createDirectories(folder.resolve("stash"));
        Files.write(folder.resolve("journal"), (Journal.HEADER + "\n" + text).getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    @Test
    void aTornLastLineIsIgnored() throws IOException {
        write("keep.txt", "keep");
        write("lib/new.py", "created");
        journal("D\tlib\nC\tlib/new.py\nC\tlib/keep.t");
        assertThat(Transaction.recover(root, TransactionListener.NONE).undone()).isEqualTo(2);
        assertThat(root.resolve("lib")).doesNotExist();
        assertThat(root.resolve("keep.txt")).hasContent("keep");
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void aLineBrokenByAFailedWriteIsSkippedAndTheRestIsRead() throws IOException {
        write("a.py", "created a");
        write("b.py", "created b");
        journal("C\ta.py\nC\tb.p\\q\nZ\tgarbage\nC\tb.py\n");
        Journal.Contents contents = Journal.read(folder.resolve("journal"), new JournalCodec(root));
        assertThat(contents.unreadable()).isEqualTo(2);
        assertThat(contents.entries()).hasSize(2);
        Transaction.recover(root, TransactionListener.NONE);
        assertThat(root.resolve("a.py")).doesNotExist();
        assertThat(root.resolve("b.py")).doesNotExist();
    }

    @Test
    void aRollbackInterruptedAfterItsRemovalsDoesNotRepeatThem() throws IOException {
        // Before: a.txt held "original". The transaction stashed it and created a new one; its
        // rollback removed the new one, marked U, and put the original back before dying.
        write("a.txt", "original");
        journal("S\ta.txt\t" + root.relativize(folder) + "/stash/1\nC\ta.txt\nU\n");
        RecoveryResult result = Transaction.recover(root, TransactionListener.NONE);
        assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
        assertThat(result.undone()).isZero();
        assertThat(root.resolve("a.txt")).hasContent("original");
    }

    @Test
    void withoutTheMarkTheCreatedFileGoesAndTheStashComesBack() throws IOException {
        write("a.txt", "created");
        journal("S\ta.txt\t" + root.relativize(folder) + "/stash/1\nC\ta.txt\n");
        Files.writeString(folder.resolve("stash/1"), "original");
        RecoveryResult result = Transaction.recover(root, TransactionListener.NONE);
        assertThat(result.undone()).isEqualTo(1);
        assertThat(result.restored()).isEqualTo(1);
        assertThat(root.resolve("a.txt")).hasContent("original");
    }

    @Test
    void aCrashBeforeTheStashMoveLeavesTheOriginalInPlace() throws IOException {
        write("a.txt", "original");
        journal("S\ta.txt\t" + root.relativize(folder) + "/stash/1\n");
        assertThat(Transaction.recover(root, TransactionListener.NONE).restored()).isZero();
        assertThat(root.resolve("a.txt")).hasContent("original");
    }

    @Test
    void aCommittedJournalIsFinished() throws IOException {
        write("lib/new.py", "created");
        Files.createDirectories(root.resolve("lib/emptied/deeper"));
        journal("S\tlib/old.py\t" + root.relativize(folder) + "/stash/1\nC\tlib/new.py\nP\tlib/emptied\n"
                + "P\tlib/emptied/deeper\nK\n");
        Files.writeString(folder.resolve("stash/1"), "old");
        assertThat(Transaction.recover(root, TransactionListener.NONE).outcome())
                .isEqualTo(RecoveryResult.Outcome.COMMIT_COMPLETED);
        assertThat(root.resolve("lib/new.py")).hasContent("created");
        assertThat(root.resolve("lib/old.py")).doesNotExist();
        assertThat(root.resolve("lib/emptied")).doesNotExist();
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void aFolderWithoutAJournalChangedNothingAndGoes() throws IOException {
        Files.createDirectories(root.resolve(TransactionFolder.NAME).resolve("0000000000001-1-0001/stash"));
        assertThat(Transaction.recover(root, TransactionListener.NONE).outcome())
                .isEqualTo(RecoveryResult.Outcome.NOTHING_TO_RECOVER);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    @Test
    void aJournalOfAnotherFormatIsRefused() throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("journal"), "axle transaction journal 99\nC\tx\n");
        assertThatThrownBy(() -> Transaction.recover(root, TransactionListener.NONE))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("written by another version of axle");
    }

    @Test
    void pathsRoundTripThroughTheCodec() {
        JournalCodec codec = new JournalCodec(root);
        for (Path path : new Path[] {root.resolve("a/b c/d.py"), root.resolve("tab\there/new\nline\\back\rslash"),
                Path.of("/elsewhere/x"), root}) {
            StringBuilder text = new StringBuilder();
            codec.appendPath(text, path);
            assertThat(text.toString()).doesNotContain("\t", "\n", "\r");
            assertThat(codec.readPath(text.toString())).isEqualTo(path);
        }
        assertThat(codec.readPath("bad\\x")).isNull();
        assertThat(codec.readPath("bad\\")).isNull();
    }
}
