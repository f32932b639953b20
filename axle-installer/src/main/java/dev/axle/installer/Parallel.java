package dev.axle.installer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs on all cores and returns their results in order. When one fails, the others are
 * interrupted and waited for before the failure is thrown, so that a caller rolling back
 * never races a job still writing.
 */
final class Parallel {
    private Parallel() {}

    static int threads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    static <T> List<T> run(List<? extends Callable<T>> jobs) throws IOException {
        if (jobs.size() == 1) {
            return java.util.Collections.singletonList(call(jobs.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads(), Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "axle-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    awaitQuietly(pool);
                    throw rethrow(e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    awaitQuietly(pool);
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** The result of a task run on another thread, its failure thrown as {@link #run} throws one. */
    static <T> T get(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Throws if the current job should stop because another one failed. */
    static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("stopped: another part of the install failed");
        }
    }

    private static <T> T call(Callable<T> job) throws IOException {
        try {
            return job.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }
}
