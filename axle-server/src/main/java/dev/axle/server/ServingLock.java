package dev.axle.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes sure one server at a time serves a folder: a lock on {@code serve.lock} in it, held
 * while the server runs and released by the operating system when its process dies (so a
 * killed server leaves no stale lock). A second server would sweep the first one's uploads in
 * progress from {@code tmp/}. The CLI's other commands ({@code axle yank}, {@code token}, ...)
 * do not take it: they work on the folder while a server runs.
 */
final class ServingLock implements AutoCloseable {
    static final String FILE = "serve.lock";

    private final LockFile lock;

    private ServingLock(LockFile lock) {
        this.lock = lock;
    }

    /**
     * Takes the folder's lock.
     *
     * @throws IOException if another server serves the folder (naming it by process id)
     */
    static ServingLock acquire(Path root) throws IOException {
        Path file = root.resolve(FILE);
        Optional<LockFile> lock = LockFile.tryLock(file);
        if (lock.isEmpty()) {
            throw new IOException("another axle serve" + holder(file) + " serves " + root
                    + "; stop it first, or serve another folder (--root)");
        }
        FileChannel channel = lock.get().channel();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        return new ServingLock(lock.get());
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? "" : " (process " + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
