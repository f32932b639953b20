package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * All the changes one command makes to one Python environment, made so that they can be undone:
 * every file is created at a free path, everything that was in the way is stashed (moved aside,
 * not deleted), and each change is journaled before it is made. {@link #commit()} keeps the
 * changes and deletes the stash; {@link #rollback()}, {@link #close()} without a commit, Ctrl-C or
 * SIGTERM (a shutdown hook) restore the environment as it was; a crash leaves the journal for
 * {@link #recover} in the next run. See the package documentation for the guarantees.
 *
 * <p>Operations may run from many threads at once; operations on overlapping paths (a file and
 * its folder, or the same file twice) must not run concurrently, and removals of a version's
 * files should finish before the new version's files are created. Each operation runs under a
 * shared lock that a rollback takes exclusively, so a rollback starts after the operations in
 * flight have ended, and every later operation throws {@link TransactionAbortedException}.
 */
public final class Transaction implements AutoCloseable {
    /** How long the shutdown hook waits for operations in flight before leaving the journal to the next run. */
    private static final long HOOK_WAIT_SECONDS = 10;

    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final Path root;
    private final TransactionListener listener;
    private final EnvironmentLock lock;
    private final TransactionFolder folder;
    private final JournalCodec codec;
    private final Journal journal;
    private final Stash stash;
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    private final Thread shutdownHook;
    /** Folders this transaction has seen: true when it made them (so what they hold is its own). */
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    /** Files created in folders the transaction made, which therefore need no existence check. */
    private final Set<Path> createdInNewFolders = ConcurrentHashMap.newKeySet();
    private final Set<Path> prune = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;
    /** Whether anything was stashed: when not, commit finishes from memory without reading the journal back. */
    private volatile boolean stashedAny;
    private volatile State state = State.ACTIVE;

    private Transaction(Path root, TransactionListener listener, EnvironmentLock lock, TransactionFolder folder,
            Journal journal) {
        this.root = root;
        this.listener = listener;
        this.lock = lock;
        this.folder = folder;
        this.codec = new JournalCodec(root);
        this.journal = journal;
        this.stash = new Stash(folder, journal, codec);
        this.shutdownHook = new Thread(this::onShutdown, "axle-transaction-rollback");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** {@link #begin(Path, TransactionListener, Duration)} waiting up to {@link EnvironmentLock#DEFAULT_TIMEOUT}. */
    public static Transaction begin(Path root, TransactionListener listener) throws IOException {
        return begin(root, listener, EnvironmentLock.DEFAULT_TIMEOUT);
    }

    /**
     * Locks the environment at {@code root} (an existing folder: the venv, {@code --target}
     * folder, user base or prefix), recovers what an earlier run left, and starts a journal.
     *
     * @throws EnvironmentLockedException when another process holds the lock for longer than {@code lockTimeout}
     * @throws IncompleteRecoveryException when an earlier transaction could not be rolled back completely
     */
    public static Transaction begin(Path root, TransactionListener listener, Duration lockTimeout) throws IOException {
        Path absolute = root.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            throw new NoSuchFileException(absolute.toString(), null, "the environment folder does not exist");
        }
        EnvironmentLock lock = EnvironmentLock.acquire(absolute, lockTimeout, listener);
        try {
            RecoveryResult recovery = Replay.recoverAll(absolute, listener);
            if (recovery.outcome() == RecoveryResult.Outcome.INCOMPLETE) {
                throw new IncompleteRecoveryException(recovery);
            }
            TransactionFolder folder = TransactionFolder.create(absolute);
            Journal journal = Journal.create(folder.journal());
            return new Transaction(absolute, listener, lock, folder, journal);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Repairs what a crashed run left in the environment at {@code root}: rolls back its
     * transaction, or finishes it when it had committed. Cheap when there is nothing to do (one
     * check for the transaction folder, no lock file written), so every command that reads or
     * changes an environment can call it first. When another live process holds the lock, its
     * journal is its own: the answer is {@link RecoveryResult.Outcome#BUSY} and nothing is touched;
     * when this user may not write to the environment it is {@link RecoveryResult.Outcome#NO_ACCESS}.
     */
    public static RecoveryResult recover(Path root, TransactionListener listener) throws IOException {
        Path absolute = root.toAbsolutePath();
        if (!Files.isDirectory(TransactionFolder.parentIn(absolute))) {
            return RecoveryResult.of(absolute, RecoveryResult.Outcome.NOTHING_TO_RECOVER);
        }
        Optional<EnvironmentLock> held;
        try {
            held = EnvironmentLock.tryAcquire(absolute);
        } catch (AccessDeniedException e) {
            // A read-only command on someone else's environment must not fail for this.
            return RecoveryResult.of(absolute, RecoveryResult.Outcome.NO_ACCESS);
        }
        if (held.isEmpty()) {
            return RecoveryResult.of(absolute, RecoveryResult.Outcome.BUSY);
        }
        try (EnvironmentLock lock = held.get()) {
            return Replay.recoverAll(absolute, listener);
        }
    }

    /** The environment root. */
    public Path root() {
        return root;
    }

    /** Whether a rollback has begun (after a failure or a signal); later operations throw. */
    public boolean aborted() {
        return aborted;
    }

    /** Creates one file; see {@link #createAll(List, Function, ItemCreator)}. */
    public void create(Path target, FileCreator creator) throws IOException {
        createAll(List.of(target), creator);
    }

    /** Creates a batch of files; see {@link #createAll(List, Function, ItemCreator)}. */
    public void createAll(List<Path> targets, FileCreator creator) throws IOException {
        createAll(targets, Function.identity(), (item, target) -> creator.create(target));
    }

    /**
     * Creates a file for each item at {@code targetOf.apply(item)}, with one journal write for
     * the batch: missing folders are made (and journaled, so a rollback removes them), whatever
     * is at a target or where one of its folders must go is stashed first, then each creator
     * runs with a free target. Stashing costs a second journal write, before the first.
     *
     * @throws TransactionAbortedException when a rollback began, before or during the batch
     * @throws IOException from the filesystem or a creator; the transaction stays open for the
     *     caller to roll back
     */
    public <T> void createAll(List<T> items, Function<? super T, Path> targetOf, ItemCreator<? super T> creator)
            throws IOException {
        enter();
        try {
            FolderPlan plan = new FolderPlan(folders);
            Path[] targets = new Path[items.size()];
            for (int i = 0; i < targets.length; i++) {
                Path target = absolute(targetOf.apply(items.get(i)));
                targets[i] = target;
                Path parent = target.getParent();
                boolean fresh = parent != null && plan.made(parent);
                // In a folder this transaction made, only its own files can exist: no check needed.
                if (!(fresh && createdInNewFolders.add(target)) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    plan.inTheWay.add(target);
                }
            }
            if (!plan.inTheWay.isEmpty()) {
                stashAll(new ArrayList<>(plan.inTheWay));
            }
            JournalLines lines = new JournalLines(codec);
            plan.newFolders.forEach(lines::folderMade);
            for (Path target : targets) {
                lines.created(target);
            }
            journal.write(lines);
            for (Path newFolder : plan.newFolders) {
                makeFolder(newFolder);
            }
            folders.putAll(plan.decisions);
            for (int i = 0; i < targets.length; i++) {
                if (aborted) {
                    throw new TransactionAbortedException(root);
                }
                creator.create(items.get(i), targets[i]);
            }
        } finally {
            leave();
        }
    }

    /**
     * Stashes a file, link or folder (with everything in it): it disappears from the
     * environment now and comes back on rollback. Answers false when there was nothing there.
     */
    public boolean remove(Path path) throws IOException {
        return removeAll(List.of(path)) == 1;
    }

    /** Stashes each path, with one journal write; answers how many existed. */
    public int removeAll(Collection<Path> paths) throws IOException {
        enter();
        try {
            List<Path> absolute = new ArrayList<>(paths.size());
            for (Path path : paths) {
                absolute.add(absolute(path));
            }
            return stashAll(absolute);
        } finally {
            leave();
        }
    }

    /**
     * Registers folders to remove at commit, after the stash is gone, when they are empty
     * (deepest first). A folder that cannot be removed is reported, never fails the commit.
     */
    public void pruneIfEmpty(Collection<Path> folders) {
        enter();
        try {
            for (Path path : folders) {
                prune.add(absolute(path));
            }
        } finally {
            leave();
        }
    }

    /**
     * Runs {@code work} as one operation of the transaction: a rollback waits for it to end.
     * For work that writes files already journaled with {@code createAll} by other means, such
     * as byte compilation in worker processes; long work should check {@link #aborted()}.
     */
    public <R> R perform(Work<R> work) throws IOException {
        enter();
        try {
            return work.run();
        } finally {
            leave();
        }
    }

    /** Work run by {@link #perform}. */
    @FunctionalInterface
    public interface Work<R> {
        R run() throws IOException;
    }

    /**
     * Makes the changes permanent: the commit mark is written and flushed to the disk, then the
     * stash is deleted, the registered folders are pruned and the transaction folder is removed.
     * Cleanup problems are reported through the listener (and the journal kept, so the next run
     * retries), never thrown: from the mark on the transaction has succeeded. Releases the lock.
     *
     * @throws TransactionAbortedException when a rollback has begun
     * @throws IOException when the commit mark could not be written; nothing is committed and
     *     the transaction stays open for {@link #rollback()}
     */
    public RecoveryResult commit() throws IOException {
        requireNotInOperation();
        guard.writeLock().lock();
        try {
            if (aborted) {
                throw new TransactionAbortedException(root);
            }
            requireActive();
            JournalLines lines = new JournalLines(codec);
            prune.forEach(lines::prune);
            journal.write(lines.committed());
            journal.force();
            state = State.COMMITTED;
        } finally {
            guard.writeLock().unlock();
        }
        listener.committed(root);
        try {
            journal.close();
            RecoveryResult result = stashedAny
                    ? Replay.finishCommit(root, folder, Journal.read(folder.journal(), codec), listener)
                    : Replay.finishCommitWithoutStashes(root, folder, List.copyOf(prune), listener);
            Replay.removeParentIfEmpty(root);
            return result;
        } catch (IOException e) {
            // The commit stands; the next run finishes the cleanup from the journal.
            listener.leftBehind(folder.path(), e);
            return new RecoveryResult(root, RecoveryResult.Outcome.COMMIT_COMPLETED, 0, 0, List.of(folder.path()),
                    List.of());
        } finally {
            release();
        }
    }

    /**
     * Undoes every change: created files and folders are removed, stashed ones put back. Waits
     * for operations in flight in other threads; every later operation throws
     * {@link TransactionAbortedException}. Releases the lock. Calling it again, or after the
     * shutdown hook rolled back, does nothing.
     *
     * @throws IOException when the journal cannot be read or marked; it stays for the next run
     */
    public RecoveryResult rollback() throws IOException {
        requireNotInOperation();
        aborted = true;
        guard.writeLock().lock();
        try {
            if (state == State.ROLLED_BACK) {
                // The shutdown hook or another thread was first.
                return RecoveryResult.of(root, RecoveryResult.Outcome.ROLLED_BACK);
            }
            requireActive();
            return rollBackNow();
        } finally {
            guard.writeLock().unlock();
            release();
        }
    }

    /** Rolls back unless committed (or already rolled back), and releases the lock. */
    @Override
    public void close() throws IOException {
        if (state == State.ACTIVE) {
            rollback();
        }
        release();
    }

    private RecoveryResult rollBackNow() throws IOException {
        state = State.ROLLED_BACK;
        journal.close();
        Journal.Contents contents = Journal.read(folder.journal(), codec);
        RecoveryResult result = Replay.rollBack(root, folder, contents, listener);
        Replay.removeParentIfEmpty(root);
        return result;
    }

    private void onShutdown() {
        aborted = true;
        try {
            // Operations in flight end first; if they do not, the journal is left to the next run.
            if (!guard.writeLock().tryLock(HOOK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        try {
            if (state == State.ACTIVE) {
                listener.interrupted(root);
                rollBackNow();
                lock.close();
            }
        } catch (IOException | RuntimeException e) {
            // The journal stays; the next run recovers from it.
        } finally {
            guard.writeLock().unlock();
        }
    }

    private void enter() {
        guard.readLock().lock();
        if (aborted || state != State.ACTIVE) {
            guard.readLock().unlock();
            if (aborted) {
                throw new TransactionAbortedException(root);
            }
            throw new IllegalStateException("the transaction on " + root + " is " + state.name().toLowerCase());
        }
    }

    private void leave() {
        guard.readLock().unlock();
    }

    private void requireActive() {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("the transaction on " + root + " is already "
                    + state.name().toLowerCase().replace('_', ' '));
        }
    }

    private void requireNotInOperation() {
        if (guard.getReadHoldCount() > 0) {
            throw new IllegalStateException("commit and rollback cannot run inside a transaction operation");
        }
    }

    private void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running or has run.
        }
        try {
            lock.close();
        } catch (IOException e) {
            // The lock goes with the process at the latest.
        }
    }

    private Path absolute(Path path) {
        return path.isAbsolute() ? path : path.toAbsolutePath();
    }

    /** Moves each path to the stash; answers how many existed. */
    private int stashAll(List<Path> paths) throws IOException {
        Path[] places = stash.moveAll(paths);
        int moved = 0;
        for (int i = 0; i < places.length; i++) {
            if (places[i] == null) {
                continue;
            }
            moved++;
            stashedAny = true;
            // What the transaction knew about folders inside a stashed folder is no longer true.
            if (!folders.isEmpty() && Files.isDirectory(places[i], LinkOption.NOFOLLOW_LINKS)) {
                Path gone = paths.get(i);
                folders.keySet().removeIf(known -> known.startsWith(gone));
            }
        }
        return moved;
    }

    private static void makeFolder(Path path) throws IOException {
        try {
            Files.createDirectory(path);
        } catch (FileAlreadyExistsException e) {
            // Another thread's batch made it too (both journaled it); a file there is an error.
            if (!Files.isDirectory(path)) {
                throw e;
            }
        }
    }
}
