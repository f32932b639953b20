package dev.axle.server.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A number read from the database for many threads at once, each given a value read after it
 * asked: so each sees every change committed before it asked, as if it had read alone. One read
 * runs at a time; a thread that asks while one runs waits for the next, which starts as soon as
 * the running one ends and answers everyone who asked meanwhile. Under load a server's requests
 * share a few reads instead of sending one each (a group commit, for reads); alone, a request
 * reads as before.
 */
final class FreshReads {
    private final LongSupplier read;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finishedOne = lock.newCondition();
    /** How many reads have begun, and how many have ended (they end in order, one at a time). */
    private long begun;
    private long ended;
    private boolean running;
    private long value;
    private RuntimeException failure;

    FreshReads(LongSupplier read) {
        this.read = read;
    }

    /** A value read after this call began. */
    long get() {
        lock.lock();
        try {
            long needed = begun + 1; // the first read to begin from now on
            while (ended < needed) {
                if (running) {
                    finishedOne.awaitUninterruptibly();
                    continue;
                }
                running = true;
                long mine = ++begun;
                long v = 0;
                RuntimeException failed = null;
                lock.unlock();
                try {
                    v = read.getAsLong();
                } catch (RuntimeException e) {
                    failed = e;
                } finally {
                    lock.lock();
                    value = v;
                    failure = failed;
                    ended = mine;
                    running = false;
                    finishedOne.signalAll();
                }
            }
            if (failure != null) {
                throw new StoreException(failure.getMessage(), failure);
            }
            return value;
        } finally {
            lock.unlock();
        }
    }
}
