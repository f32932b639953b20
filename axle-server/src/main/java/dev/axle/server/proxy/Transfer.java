package dev.axle.server.proxy;

import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One download of a file from a proxy index's upstream into the store, which the requests that
 * asked for the file share: each may {@link #await} the kept file, or read the bytes as they
 * arrive ({@link #partial}, {@link #awaitBeyond}) to stream them on.
 */
public final class Transfer {
    /**
     * How far the download is.
     *
     * @param total the upstream's Content-Length, or -1 when it gave none
     * @param done  whether it ended, kept or failed
     */
    public record Progress(long downloaded, long total, boolean done) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Path target;
    private long downloaded;
    private long total = -1;
    private boolean done;
    private StoredFile kept;
    private Exception failure;

    /** @param target where the download goes (axle-index writes it beside, then renames it there) */
    public Transfer(Path target) {
        this.target = target;
    }

    /** A transfer that already ended with the file kept. */
    public static Transfer of(StoredFile kept) {
        Transfer t = new Transfer(null);
        t.finish(kept, null);
        return t;
    }

    public Path target() {
        return target;
    }

    public void progress(long downloaded, long total) {
        lock.lock();
        try {
            this.downloaded = downloaded;
            this.total = total;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void finish(StoredFile kept, Exception failure) {
        lock.lock();
        try {
            this.kept = kept;
            this.failure = failure;
            this.done = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (up to a minute at a time) until more than {@code have} bytes arrived or the download ended. */
    public Progress awaitBeyond(long have) throws InterruptedException {
        lock.lock();
        try {
            while (!done && downloaded <= have) {
                if (!changed.await(1, TimeUnit.MINUTES)) {
                    break;
                }
            }
            return new Progress(downloaded, total, done);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The kept file, once the download ended.
     *
     * @throws IOException if the upstream failed or the bytes could not be kept (the download's own exception)
     */
    public StoredFile await() throws IOException, InterruptedException {
        lock.lock();
        try {
            while (!done) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        return kept;
    }

    /**
     * The file the bytes are being written to, to read them as they come: axle-index downloads
     * into a temporary file named after the target, beside it. Empty when the download ended or
     * has no such file (then read the kept file from the store).
     */
    public Optional<Path> partial() {
        if (target == null) {
            return Optional.empty();
        }
        String prefix = "." + target.getFileName();
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
