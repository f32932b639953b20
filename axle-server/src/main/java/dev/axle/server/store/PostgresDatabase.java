package dev.axle.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A PostgreSQL database that any number of servers share: a pool of connections (HikariCP),
 * statements prepared per use (the driver keeps server-side plans for repeated SQL itself), and
 * writers kept apart by a row lock on the serial taken first in every writing transaction, so
 * serials stay strictly increasing across servers and each transaction sees what the previous
 * one committed. Schema migrations hold a transaction-scoped advisory lock instead, as the
 * serial's table may not exist yet.
 */
final class PostgresDatabase implements Database {
    /** The advisory lock key migrations take ("axle" in ASCII). */
    private static final long MIGRATION_LOCK = 0x61786c65L;

    private final PostgresSettings settings;
    private final HikariDataSource pool;

    PostgresDatabase(PostgresSettings settings) {
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("axle-store");
        config.setConnectionTimeout(10_000);
        // Fail at start, with the driver's reason, when the database cannot be reached.
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        config.setDriverClassName("org.postgresql.Driver");
        this.pool = new HikariDataSource(config);
    }

    @Override
    public String describe() {
        return PostgresSettings.redacted(settings.jdbcUrl());
    }

    @Override
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.on(c);
        }
    }

    @Override
    public <T> T write(boolean migrating, Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(migrating
                        ? "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")"
                        : "SELECT value FROM serial WHERE id = 1 FOR UPDATE")) {
                    lock.executeQuery().close();
                }
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }

    @Override
    public void done(PreparedStatement statement) throws SQLException {
        statement.close();
    }

    @Override
    public long serialFreshNanos() {
        return 0; // another server's change must show at once
    }

    @Override
    public void close() {
        pool.close();
    }
}
