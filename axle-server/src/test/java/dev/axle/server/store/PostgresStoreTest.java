package dev.axle.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.server.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server, and what several servers sharing one database rely on:
 * each store here has its own connection pool, as each replica would.
 */
class PostgresStoreTest extends StoreContract {
    private PostgresSettings database;

    @BeforeEach
    void newDatabase() {
        database = Postgres.shared().database(8);
    }

    @Override
    SqlStore open() {
        return SqlStore.postgres(database);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user().orElse(null), "");
    }

    @Test
    void anotherServersChangeShowsAtOnce() {
        try (SqlStore one = open(); SqlStore two = open()) {
            assertThat(two.serial()).isZero();
            one.addFile(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"), "Spam", "meta");
            assertThat(two.serial()).isEqualTo(1);
            assertThat(two.file("main", "spam-1.0-py3-none-any.whl")).isPresent();
            two.setYanked("main", "spam", "1.0", Optional.empty(), true, Optional.of("broken"));
            assertThat(one.serial()).isEqualTo(2);
            assertThat(one.file("main", "spam-1.0-py3-none-any.whl").orElseThrow().yankedReason()).hasValue("broken");
        }
    }

    @Test
    void serversStartingTogetherMigrateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SqlStore>> opening = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(this::open));
            }
            for (Future<SqlStore> f : opening) {
                try (SqlStore store = f.get()) {
                    assertThat(store.schemaVersion()).isEqualTo(SqlStore.MIGRATIONS.size());
                    assertThat(store.indexes()).containsExactly(IndexConfig.of("main"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serialsStayStrictlyIncreasingAcrossServersAndOneUploadOfAFilenameWins() throws Exception {
        int threads = 8;
        int each = 20;
        try (SqlStore one = open(); SqlStore two = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                ConcurrentLinkedQueue<Long> serials = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<AddResult> race = new ConcurrentLinkedQueue<>();
                List<CompletableFuture<Void>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    SqlStore store = t % 2 == 0 ? one : two;
                    int thread = t;
                    work.add(CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        // Every thread races for the same filename with its own bytes...
                        race.add(store.addFile(file("main", "race", "1.0", "race-1.0.tar.gz", "sha" + thread), "race",
                                ""));
                        // ...then adds files of its own.
                        for (int i = 0; i < each; i++) {
                            AddResult r = store.addFile(file("main", "p" + thread, "1." + i, "p" + thread + "-1." + i
                                    + ".tar.gz", "s" + thread + "x" + i), "p" + thread, "");
                            serials.add(((AddResult.Added) r).serial());
                        }
                    }, pool));
                }
                go.countDown();
                CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();

                assertThat(race).filteredOn(r -> r instanceof AddResult.Added).hasSize(1);
                assertThat(race).filteredOn(r -> r instanceof AddResult.Exists).hasSize(threads - 1);
                String winner = one.file("main", "race-1.0.tar.gz").orElseThrow().sha256();
                assertThat(race).filteredOn(r -> r instanceof AddResult.Exists)
                        .allSatisfy(r -> assertThat(((AddResult.Exists) r).existing().sha256()).isEqualTo(winner));

                long total = threads * each + 1L;
                assertThat(serials).hasSize(threads * each).doesNotHaveDuplicates();
                assertThat(one.serial()).isEqualTo(total).isEqualTo(two.serial());
                // Every change took the next serial: together they are 1..total, none skipped or twice.
                race.stream().filter(r -> r instanceof AddResult.Added).forEach(r -> serials.add(
                        ((AddResult.Added) r).serial()));
                assertThat(serials).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsPassword() {
        PostgresSettings nowhere = PostgresSettings.parse("postgresql://axle:s3cret@127.0.0.1:1/axle", 2);
        assertThatThrownBy(() -> SqlStore.postgres(nowhere)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/axle")
                .hasMessageContaining("is the server running").hasMessageNotContaining("s3cret");
    }
}
