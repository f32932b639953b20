/**
 * Install transactions: every change to an environment journaled before it is made, so that a
 * failure, Ctrl-C or a crash leaves the environment as it was before the command.
 *
 * <h2>Layout</h2>
 * In the environment root: {@code .axle-lock} (the {@link dev.axle.installer.tx.EnvironmentLock}
 * file, kept) and {@code .axle-transaction/<id>/} with {@code journal} and {@code stash/} (removed
 * when the transaction ends). Dot entries in the root are invisible to Python and pip. Paths on
 * another filesystem than the root are stashed into {@code .axle-stash-<id>/} beside them, since a
 * rename cannot cross filesystems; such folders are journaled and removed with the stash.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Process crash (kill -9, out of memory, a JVM crash) at any instant, including in the middle
 *       of a journal write: the next {@link dev.axle.installer.tx.Transaction#recover} or
 *       {@code begin} restores the environment exactly as it was before the transaction (file
 *       contents, modes, times, links: stashed entries are renamed back, not copied), or, when the
 *       commit mark was written, finishes the commit (stash deleted, folders pruned).
 *   <li>Failure in any thread, {@code rollback()} or {@code close()} without commit: the same
 *       restore, after the operations in flight end.
 *   <li>Ctrl-C / SIGTERM: a shutdown hook rolls back (it waits up to 10 s for operations in
 *       flight, else it leaves the journal to the next run).
 *   <li>A rollback interrupted by another crash is resumed correctly: removals of created files
 *       are marked done before stashes are put back, so they are never repeated over restored files.
 *   <li>What cannot be put back stays in the stash with its journal, the listener and the
 *       {@link dev.axle.installer.tx.RecoveryResult} name it, and no new transaction starts on
 *       that environment until a run succeeds in restoring it.
 *   <li>Cleanup after a commit never fails the commit; what it leaves is reported and retried
 *       by the next run.
 * </ul>
 * Not covered: other programs changing the same paths during a transaction, and the creators'
 * side effects beyond the journaled target.
 *
 * <h2>Flushing to disk</h2>
 * Each journal batch is handed to the operating system with one {@code write} before the changes
 * it describes, which is all a process crash needs: the kernel keeps the data. The journal is
 * flushed ({@code fsync}) only when it is created (with its folders) and at the commit mark. After
 * a power loss (or kernel crash) the journal may lack its last batches while the filesystem holds
 * some of their changes; files from those batches are then left behind rather than undone. That is
 * the price of not flushing 30,000 times per install; pip flushes nothing at all.
 */
package dev.axle.installer.tx;
