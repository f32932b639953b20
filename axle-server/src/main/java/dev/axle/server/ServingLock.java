package dev.axle.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure one server at a time serves a folder: a lock on {@code serve.lock} in it, held
 * while the server runs and released by the operating system when its process dies (so a
 * killed server leaves no stale lock). A second server would sweep the first one's uploads in
 * progress from {@code tmp/}. The CLI's other commands ({@code axle yank}, {@code token}, ...)
 * do not take it: they work on the folder while a server runs.
 */
final class ServingLock implements AutoCloseable {
    static final String FILE = "serve.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ServingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder's lock.
     *
     * @throws IOException if another server serves the folder (naming it by process id)
     */
    static ServingLock acquire(Path root) throws IOException {
        Path file = root.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by a server in this JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IOException("another axle serve" + holder + " serves " + root
                    + "; stop it first, or serve another folder (--root)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        return new ServingLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer pid = ByteBuffer.allocate(32);
            channel.read(pid, 0);
            String text = new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? "" : " (process " + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway; the process's end does too
        }
    }
}
