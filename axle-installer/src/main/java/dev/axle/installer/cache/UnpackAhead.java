package dev.axle.installer.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills the cache with wheel files as they arrive (as their downloads finish, say), before
 * the installer asks for them, so that unpacking overlaps the downloads. Wheels go to the
 * {@link UnpackProcess} once those the cache lacks come to {@link #PROCESS_MINIMUM} bytes;
 * below that they are left to the installer, which unpacks small amounts in its own JVM for
 * less than a JVM start costs.
 *
 * <p>{@link #offer} never fails: a problem is kept and thrown by {@link #finish}. Thread-safe.
 */
public final class UnpackAhead implements AutoCloseable {
    /** How many bytes of wheels the cache lacks are worth starting the unpack process for. */
    public static final long PROCESS_MINIMUM = 8L << 20;

    private final WheelCache cache;
    private final Optional<UnpackProcess> process;
    private final Listener listener;
    private final List<Path> waiting = new ArrayList<>();
    private final List<Path> sent = new ArrayList<>();
    private long waitingBytes;
    private long sentBytes;
    private UnpackProcess.Batch batch;
    private IOException failure;
    private boolean finished;

    /** Told when the worker starts and as it finishes each wheel (on the worker's threads). */
    public interface Listener {
        /** Tells nothing. */
        Listener QUIET = new Listener() {
            @Override
            public void started() {}

            @Override
            public void unpacked() {}
        };

        void started();

        void unpacked();
    }

    /** @param process the worker to use; with none, every wheel is left to the installer */
    public UnpackAhead(WheelCache cache, Optional<UnpackProcess> process, Listener listener) {
        this.cache = cache;
        this.process = process;
        this.listener = listener;
    }

    /** A wheel file, complete on disk, that the installer will ask for. */
    public synchronized void offer(Path wheel) {
        // What is no wheel (an sdist, a project folder: built into one later) is not for the cache.
        if (process.isEmpty() || finished || failure != null || !wheel.toString().endsWith(".whl") || cache.holds(wheel)) {
            return;
        }
        try {
            long size = Files.size(wheel);
            if (batch != null) {
                send(wheel, size);
                return;
            }
            waiting.add(wheel);
            waitingBytes += size;
            if (waitingBytes >= PROCESS_MINIMUM) {
                batch = process.get().start(cache, i -> listener.unpacked());
                listener.started();
                for (Path w : waiting) {
                    send(w, Files.size(w));
                }
                waiting.clear();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void send(Path wheel, long size) throws IOException {
        batch.add(wheel);
        sent.add(wheel.toAbsolutePath().normalize());
        sentBytes += size;
    }

    /**
     * Waits until the worker has unpacked every wheel sent to it; answers those wheels
     * (absolute, normalized), none when too few bytes came to start it.
     *
     * @throws dev.axle.installer.wheel.InvalidWheelException the first wheel that is not valid
     * @throws IOException the worker's failure, or the first problem met while offering
     */
    public List<Path> finish() throws IOException {
        UnpackProcess.Batch started;
        synchronized (this) {
            finished = true;
            started = batch;
            if (failure != null) {
                throw failure;
            }
        }
        if (started != null) {
            started.finish();
        }
        synchronized (this) {
            return List.copyOf(sent);
        }
    }

    /** Bytes of wheel files sent to the worker. */
    public synchronized long bytesSent() {
        return sentBytes;
    }

    /** Stops the worker if it still runs. */
    @Override
    public synchronized void close() {
        finished = true;
        if (batch != null) {
            batch.close();
        }
    }
}
