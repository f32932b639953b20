package dev.axle.installer.tx;

import java.nio.file.Path;

/**
 * One line of a transaction's journal. Each is written before the change it describes, so that
 * the journal and the filesystem alone tell how to undo or finish the transaction.
 */
sealed interface JournalEntry {
    /** {@code D}: the folder did not exist and is about to be made. */
    record FolderMade(Path folder) implements JournalEntry {}

    /** {@code C}: the file did not exist (or was stashed) and is about to be created. */
    record FileCreated(Path path) implements JournalEntry {}

    /** {@code S}: the file or folder is about to be moved to {@code stashed}. */
    record Stashed(Path original, Path stashed) implements JournalEntry {}

    /** {@code X}: a stash folder beside files on another filesystem is about to be made. */
    record StashFolder(Path folder) implements JournalEntry {}

    /** {@code P}: at commit, the folder is removed if it is empty. */
    record Prune(Path folder) implements JournalEntry {}

    /** {@code U}: a rollback has undone every creation; only stashes remain to be restored. */
    record CreationsUndone() implements JournalEntry {}

    /** {@code K}: the transaction is committed; a crash from here on finishes it. */
    record Committed() implements JournalEntry {}
}
