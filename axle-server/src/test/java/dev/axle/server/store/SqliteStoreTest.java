package dev.axle.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store in one SQLite file. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path temp;

    @Override
    SqlStore open() {
        return SqlStore.sqlite(temp.resolve("index.db"));
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("index.db"));
    }

    @Test
    void seesItsOwnChangesAtOnceAndAnotherProcesssWithinTheFreshnessBound() throws InterruptedException {
        try (SqlStore server = open(); SqlStore cli = open()) {
            assertThat(server.serial()).isZero();
            server.addFile(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"), "Spam", "meta");
            assertThat(server.serial()).isEqualTo(1); // its own change: at once
            cli.addFile(file("main", "spam", "2.0", "spam-2.0-py3-none-any.whl", "b"), "Spam", "meta");
            long deadline = System.nanoTime() + SqliteDatabase.SERIAL_FRESH_NANOS + 50_000_000L;
            while (server.serial() != 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(server.serial()).as("another store's change, after at most the freshness bound").isEqualTo(2);
        }
    }
}
