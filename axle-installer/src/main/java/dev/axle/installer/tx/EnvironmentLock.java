package dev.axle.installer.tx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exclusive right to change one Python environment: an operating-system lock on the file
 * {@value #FILE_NAME} in the environment's root folder, held by one transaction (or recovery) at
 * a time across processes and threads.
 *
 * <p>The lock file stays in the environment (like uv's {@code .lock}); deleting it would let a
 * waiting process lock a file that no longer has a name while a third makes a new one. The
 * operating system releases the lock when the holder dies, so a stale lock cannot exist. The
 * file's content names the holder (process id and command) for the message others show.
 *
 * <p>Within one JVM a lock file is opened by one channel only: on POSIX systems closing any
 * descriptor of a file drops every lock the process holds on it, so a second channel that was
 * merely opened and closed to test the lock would silently release the first.
 */
public final class EnvironmentLock implements AutoCloseable {
    /** The lock file's name in the environment root; Python and pip ignore dot files there. */
    public static final String FILE_NAME = ".axle-lock";

    /** How long {@code Transaction.begin} waits by default, as long as uv does. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final long POLL_MILLIS = 100;
    private static final Map<Path, EnvironmentLock> HELD = new HashMap<>();

    private final Path root;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private EnvironmentLock(Path root, Path file, FileChannel channel, FileLock lock) {
        this.root = root;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting while another process or thread holds it (the listener hears once
     * that the wait began).
     *
     * @throws EnvironmentLockedException when the lock is still held after {@code timeout}
     */
    public static EnvironmentLock acquire(Path root, Duration timeout, TransactionListener listener) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            Attempt attempt = attempt(root);
            if (attempt.lock != null) {
                return attempt.lock;
            }
            if (!told) {
                listener.waitingForLock(root, attempt.holder);
                told = true;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new EnvironmentLockedException(root, attempt.holder, timeout);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the lock on " + root);
            }
        }
    }

    /** Takes the lock if nobody holds it. */
    public static Optional<EnvironmentLock> tryAcquire(Path root) throws IOException {
        return Optional.ofNullable(attempt(root).lock);
    }

    /** The environment root this lock is for. */
    public Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (HELD.get(file) != this) {
                return;
            }
            HELD.remove(file);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private record Attempt(EnvironmentLock lock, String holder) {}

    private static Attempt attempt(Path root) throws IOException {
        Path file = root.toRealPath().resolve(FILE_NAME);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return new Attempt(null, "another transaction in this process (" + ProcessHandle.current().pid() + ")");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = holder(channel);
                    channel.close();
                    return new Attempt(null, holder);
                }
                EnvironmentLock held = new EnvironmentLock(root, file, channel, lock);
                HELD.put(file, held);
                held.describeHolder();
                return new Attempt(held, null);
            } catch (IOException | RuntimeException e) {
                HELD.remove(file);
                channel.close();
                throw e;
            }
        }
    }

    private void describeHolder() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String command = self.info().commandLine().orElse("");
        if (command.length() > 300) {
            command = command.substring(0, 300) + "...";
        }
        String text = "process " + self.pid() + (command.isEmpty() ? "" : " (" + command + ")") + "\n";
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "another process" : text;
    }
}
