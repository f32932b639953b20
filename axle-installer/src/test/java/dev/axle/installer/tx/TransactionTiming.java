package dev.axle.installer.tx;

import dev.axle.installer.removal.Removal;
import dev.axle.installer.removal.RemovalListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: times 30,000 hard links (a warm-cache install of a large wheel set) made directly
 * and through a transaction, fresh and replacing existing files. {@code java -cp ... 
 * dev.axle.installer.tx.TransactionTiming FOLDER [THREADS]}; the folder's filesystem is measured.
 */
public final class TransactionTiming {
    private static final int FOLDERS = 1_000;
    private static final int FILES_PER_FOLDER = 30;
    private static final int BATCH = 1_000;

    private TransactionTiming() {}

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory(Path.of(args[0]), "timing");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path source = Files.writeString(base.resolve("source.py"), "X = 1\n");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                System.out.println("round " + round);
                Path plain = Files.createDirectories(base.resolve("plain"));
                time("  plain links          ", () -> run(pool, targets(plain), batch -> {
                    Path made = null;
                    for (Path target : batch) {
                        if (!target.getParent().equals(made)) {
                            made = Files.createDirectories(target.getParent());
                        }
                        Files.createLink(target, source);
                    }
                }));
                Path env = Files.createDirectories(base.resolve("env"));
                Transaction[] tx = new Transaction[1];
                time("  transaction links    ", () -> {
                    tx[0] = Transaction.begin(env, TransactionListener.NONE);
                    run(pool, targets(env), batch -> tx[0].createAll(batch, target -> Files.createLink(target, source)));
                });
                time("  commit               ", () -> tx[0].commit());
                time("  replace all, in tx   ", () -> {
                    tx[0] = Transaction.begin(env, TransactionListener.NONE);
                    run(pool, targets(env), batch -> tx[0].createAll(batch, target -> Files.createLink(target, source)));
                });
                time("  rollback             ", () -> tx[0].rollback());
                time("  replace all, commit  ", () -> {
                    tx[0] = Transaction.begin(env, TransactionListener.NONE);
                    run(pool, targets(env), batch -> tx[0].createAll(batch, target -> Files.createLink(target, source)));
                    tx[0].commit();
                });
                time("  delete tree (plain)  ", () -> Removal.deleteTree(plain, RemovalListener.NONE));
                Removal.deleteTree(env, RemovalListener.NONE);
            }
        } finally {
            pool.shutdown();
            Removal.deleteTree(base, RemovalListener.NONE);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface BatchWork {
        void run(List<Path> batch) throws IOException;
    }

    private static void time(String label, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        System.out.printf("%s %6d ms%n", label, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<Path> targets(Path root) {
        List<Path> targets = new ArrayList<>(FOLDERS * FILES_PER_FOLDER);
        for (int d = 0; d < FOLDERS; d++) {
            Path folder = root.resolve("lib/site-packages/pkg" + (d / 50) + "/mod" + d);
            for (int f = 0; f < FILES_PER_FOLDER; f++) {
                targets.add(folder.resolve("file" + f + ".py"));
            }
        }
        return targets;
    }

    private static void run(ExecutorService pool, List<Path> targets, BatchWork work) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < targets.size(); i += BATCH) {
            List<Path> batch = targets.subList(i, Math.min(targets.size(), i + BATCH));
            futures.add(pool.submit(() -> {
                work.run(batch);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
