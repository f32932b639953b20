package dev.axle.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Shared reads: every caller gets a value read after it asked, and callers at once share reads. */
class FreshReadsTest {
    @Test
    void everyCallerSeesWhatWasCommittedBeforeItAskedAndCallersShareReads() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        FreshReads shared = new FreshReads(() -> {
            reads.incrementAndGet();
            long v = committed.get();
            try {
                Thread.sleep(2); // a round trip to the database
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return v;
        });
        int threads = 32;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        long before = committed.incrementAndGet(); // a change, committed before asking
                        assertThat(shared.get()).isGreaterThanOrEqualTo(before);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<Void> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).as("reads shared between callers").isLessThan(threads * each / 4);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextCallReadsAgain() {
        AtomicInteger calls = new AtomicInteger();
        FreshReads shared = new FreshReads(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new StoreException("connection refused", null);
            }
            return 7;
        });
        assertThatThrownBy(shared::get).isInstanceOf(StoreException.class).hasMessage("connection refused");
        assertThat(shared.get()).isEqualTo(7);
    }
}
