package dev.axle.installer.tx;

import static dev.axle.installer.tx.SampleEnvironment.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches from a thread pool, the way the installer drives a transaction, with one failing
 * while the others are still writing: the rollback waits for them and the tree comes back
 * exactly.
 */
class TransactionThreadsTest {
    @TempDir
    Path root;

    @Test
    void aFailureInOneThreadRollsBackEveryThreadsWork() throws Exception {
        ChildWork.populate(root);
        Map<String, String> before = FileTree.of(root);
        Path site = root.resolve(SITE);
        AtomicInteger aborted = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Transaction tx = Transaction.begin(root, TransactionListener.NONE)) {
            List<CompletableFuture<Void>> batches = new ArrayList<>();
            for (int b = 0; b < 48; b++) {
                int batch = b;
                batches.add(CompletableFuture.runAsync(() -> {
                    try {
                        installBatch(tx, site, batch, created);
                    } catch (TransactionAbortedException e) {
                        aborted.incrementAndGet();
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, pool));
            }
            CompletableFuture<Throwable> firstFailure = new CompletableFuture<>();
            batches.forEach(f -> f.whenComplete((ok, error) -> {
                if (error != null) {
                    firstFailure.complete(error);
                }
            }));
            assertThat(firstFailure.get()).hasRootCauseMessage("wheel 7 is corrupt");
            // Roll back while the other threads are still working.
            RecoveryResult result = tx.rollback();
            assertThat(result.outcome()).isEqualTo(RecoveryResult.Outcome.ROLLED_BACK);
            CompletableFuture.allOf(batches.stream().map(f -> f.exceptionally(e -> null))
                    .toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        assertThat(created.get()).isPositive();
        assertThat(aborted.get()).as("batches stopped by the rollback").isPositive();
        assertThat(FileTree.of(root)).isEqualTo(before);
        assertThat(root.resolve(TransactionFolder.NAME)).doesNotExist();
    }

    /**
     * One wheel's worth of work: remove a few of the old version's files, replace some, add
     * new ones in new folders; batch 7 fails in its creator.
     */
    private static void installBatch(Transaction tx, Path site, int batch, AtomicInteger created) throws IOException {
        int p = batch % ChildWork.PACKAGES;
        Path pkg = site.resolve("pkg" + p);
        if (batch < ChildWork.PACKAGES) {
            tx.removeAll(List.of(pkg.resolve("sub3/m3.py"), pkg.resolve("sub3/m7.py")));
        }
        List<Path> targets = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            targets.add(batch < ChildWork.PACKAGES && f < 20
                    ? pkg.resolve("sub" + (f % 4) + "/m" + f + ".py")
                    : site.resolve("new" + batch + "/d" + (f % 5) + "/f" + f + ".py"));
        }
        tx.createAll(targets, target -> {
            if (batch == 7 && target.endsWith("f30.py")) {
                throw new IOException("wheel 7 is corrupt");
            }
            Files.writeString(target, "batch " + batch);
            created.incrementAndGet();
        });
    }
}
