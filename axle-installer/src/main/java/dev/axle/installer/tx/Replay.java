package dev.axle.installer.tx;

import dev.axle.installer.removal.Removal;
import dev.axle.installer.removal.RemovalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Undoes or finishes a transaction from its journal and the filesystem alone: the same code
 * serves a rollback in the running process and the recovery of a crashed one.
 *
 * <p>A rollback runs in two phases. First every created file and made folder is removed,
 * newest first, and a {@code U} mark is appended; then every stash that held something from
 * before the transaction is moved back, newest first. The mark makes a repeated rollback (after
 * a crash during the first) skip the removals, which would otherwise delete files the second
 * phase had already put back. Both phases are idempotent on their own: removing what is gone
 * and restoring from a stash that is empty do nothing.
 *
 * <p>A stash is the transaction's own (not restored) when its path, or a folder above it, was
 * created by the transaction earlier: it holds the transaction's files, not the user's.
 */
final class Replay {
    private Replay() {}

    /** Finishes or rolls back every transaction left under {@code root}; the caller holds the lock. */
    static RecoveryResult recoverAll(Path root, TransactionListener listener) throws IOException {
        RecoveryResult result = RecoveryResult.of(root, RecoveryResult.Outcome.NOTHING_TO_RECOVER);
        for (TransactionFolder folder : TransactionFolder.existing(root)) {
            result = result.and(recover(root, folder, listener));
        }
        removeParentIfEmpty(root);
        if (result.outcome() != RecoveryResult.Outcome.NOTHING_TO_RECOVER) {
            listener.recovered(result);
        }
        return result;
    }

    private static RecoveryResult recover(Path root, TransactionFolder folder, TransactionListener listener)
            throws IOException {
        if (!Files.exists(folder.journal(), LinkOption.NOFOLLOW_LINKS)) {
            // The run stopped before its journal existed, so it changed nothing.
            List<Path> left = new ArrayList<>();
            report(Removal.deleteTree(folder.path(), listener), listener, left);
            return new RecoveryResult(root, RecoveryResult.Outcome.NOTHING_TO_RECOVER, 0, 0, left, List.of());
        }
        Journal.Contents contents = Journal.read(folder.journal(), new JournalCodec(root));
        listener.recovering(folder.journal(), contents.committed());
        return contents.committed()
                ? finishCommit(root, folder, contents, listener)
                : rollBack(root, folder, contents, listener);
    }

    /** Removes the stashes, prunes emptied folders and deletes the transaction folder. */
    static RecoveryResult finishCommit(Path root, TransactionFolder folder, Journal.Contents contents,
            TransactionListener listener) {
        List<Path> left = new ArrayList<>();
        boolean stashesGone = deleteStashes(folder, contents.entries(), listener, left);
        List<Path> prune = new ArrayList<>();
        for (JournalEntry entry : contents.entries()) {
            if (entry instanceof JournalEntry.Prune p) {
                prune.add(p.folder());
            }
        }
        return pruneAndDelete(root, folder, prune, stashesGone, listener, left);
    }

    /**
     * {@link #finishCommit(Path, TransactionFolder, Journal.Contents, TransactionListener)} for a
     * transaction that stashed nothing, from what it holds in memory: a fresh install need not
     * read back a journal of tens of thousands of created files.
     */
    static RecoveryResult finishCommitWithoutStashes(Path root, TransactionFolder folder, List<Path> prune,
            TransactionListener listener) {
        return pruneAndDelete(root, folder, new ArrayList<>(prune), true, listener, new ArrayList<>());
    }

    private static RecoveryResult pruneAndDelete(Path root, TransactionFolder folder, List<Path> prune,
            boolean stashesGone, TransactionListener listener, List<Path> left) {
        prune.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path path : prune) {
            try {
                Removal.deleteIfEmpty(path);
            } catch (IOException e) {
                listener.leftBehind(path, e);
                left.add(path);
            }
        }
        if (stashesGone) {
            deleteFolder(folder, listener, left);
        }
        return new RecoveryResult(root, RecoveryResult.Outcome.COMMIT_COMPLETED, 0, 0, left, List.of());
    }

    /** Undoes the transaction's changes and, when everything was put back, deletes its folder. */
    static RecoveryResult rollBack(Path root, TransactionFolder folder, Journal.Contents contents,
            TransactionListener listener) throws IOException {
        List<JournalEntry> entries = contents.entries();
        List<Path> left = new ArrayList<>();
        int undone = 0;
        if (!contents.creationsUndone()) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                Path created = createdPath(entries.get(i));
                if (created != null) {
                    RemovalResult removal = Removal.deleteTree(created, listener);
                    if (removal.removed() > 0) {
                        undone++;
                    }
                    report(removal, listener, left);
                }
            }
            try (Journal journal = Journal.append(folder.journal())) {
                journal.write(new JournalLines(new JournalCodec(root)).creationsUndone());
            }
        }
        boolean[] owned = owned(entries);
        int restored = 0;
        List<Path> notRestored = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!(entries.get(i) instanceof JournalEntry.Stashed stash) || owned[i]
                    || !Files.exists(stash.stashed(), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                removeEarlierCreations(entries, i, stash, listener, left);
                restore(stash, listener);
                restored++;
            } catch (IOException e) {
                listener.notRestored(stash.original(), stash.stashed(), e);
                notRestored.add(stash.original());
            }
        }
        if (notRestored.isEmpty() && deleteStashes(folder, entries, listener, left)) {
            deleteFolder(folder, listener, left);
        }
        RecoveryResult.Outcome outcome = notRestored.isEmpty()
                ? RecoveryResult.Outcome.ROLLED_BACK : RecoveryResult.Outcome.INCOMPLETE;
        return new RecoveryResult(root, outcome, undone, restored, left, notRestored);
    }

    /**
     * Removes, from a stashed folder, what the transaction created in it before stashing it
     * (an upgrade that wrote into a folder, then replaced the whole folder): those files went to
     * the stash with the folder, where the first phase could not see them. Done before the folder
     * is moved back, so that a crash in between repeats it.
     */
    private static void removeEarlierCreations(List<JournalEntry> entries, int stashIndex, JournalEntry.Stashed stash,
            TransactionListener listener, List<Path> left) {
        if (!Files.isDirectory(stash.stashed(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path original = stash.original();
        for (int j = stashIndex - 1; j >= 0; j--) {
            Path created = createdPath(entries.get(j));
            if (created != null && !created.equals(original) && created.startsWith(original)) {
                report(Removal.deleteTree(stash.stashed().resolve(original.relativize(created)), listener), listener, left);
            }
        }
    }

    private static void restore(JournalEntry.Stashed stash, TransactionListener listener) throws IOException {
        Path original = stash.original();
        if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            // Something the journal does not know took the path; the stashed original wins.
            RemovalResult removal = Removal.deleteTree(original, listener);
            if (!removal.complete()) {
                throw removal.left().get(0).cause();
            }
        }
        Path parent = original.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        Files.move(stash.stashed(), original, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file or folder an entry created, or null. */
    private static Path createdPath(JournalEntry entry) {
        return switch (entry) {
            case JournalEntry.FileCreated c -> c.path();
            case JournalEntry.FolderMade d -> d.folder();
            default -> null;
        };
    }

    /** For each entry, whether it is a stash of something the transaction itself created. */
    static boolean[] owned(List<JournalEntry> entries) {
        Set<Path> created = new HashSet<>();
        boolean[] owned = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof JournalEntry.Stashed s) {
                owned[i] = createdAtOrAbove(created, s.original());
            } else {
                Path path = createdPath(entries.get(i));
                if (path != null) {
                    created.add(path);
                }
            }
        }
        return owned;
    }

    private static boolean createdAtOrAbove(Set<Path> created, Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (created.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the main stash and the cross-device ones; answers whether all are gone. */
    private static boolean deleteStashes(TransactionFolder folder, List<JournalEntry> entries,
            TransactionListener listener, List<Path> left) {
        List<Path> stashes = new ArrayList<>();
        stashes.add(folder.stash());
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.StashFolder x) {
                stashes.add(x.folder());
            }
        }
        boolean gone = true;
        for (Path stash : stashes) {
            gone &= report(Removal.deleteTree(stash, listener), listener, left);
        }
        return gone;
    }

    private static void deleteFolder(TransactionFolder folder, TransactionListener listener, List<Path> left) {
        // The journal goes first and alone: once it is gone nothing refers to the folder.
        try {
            Files.deleteIfExists(folder.journal());
        } catch (IOException e) {
            listener.leftBehind(folder.journal(), e);
            left.add(folder.journal());
            return;
        }
        report(Removal.deleteTree(folder.path(), listener), listener, left);
    }

    static void removeParentIfEmpty(Path root) {
        try {
            Removal.deleteIfEmpty(TransactionFolder.parentIn(root));
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            // An empty dot folder is harmless; the next transaction uses it again.
        }
    }

    private static boolean report(RemovalResult removal, TransactionListener listener, List<Path> left) {
        for (RemovalResult.Leftover leftover : removal.left()) {
            listener.leftBehind(leftover.path(), leftover.cause());
            left.add(leftover.path());
        }
        return removal.complete();
    }
}
