package dev.axle.installer.tx;

import java.nio.file.Path;

/**
 * The transaction was rolled back (or is being rolled back) while this operation was waiting
 * to run: by the shutdown hook after Ctrl-C or SIGTERM, or by another thread's
 * {@link Transaction#rollback()} after a failure. It is unchecked so that it passes through
 * the {@code catch (IOException)} blocks that report a failed file as the cause.
 */
public final class TransactionAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path root;

    public TransactionAbortedException(Path root) {
        super("the transaction on " + root + " was rolled back; no more changes are made");
        this.root = root;
    }

    public Path root() {
        return root;
    }
}
