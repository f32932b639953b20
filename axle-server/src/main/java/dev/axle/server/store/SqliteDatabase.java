package dev.axle.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file: WAL mode so readers never wait for the writer, one writer connection
 * (transactions begin IMMEDIATE, so another process, such as {@code axle token create} beside a
 * running server, waits on the busy timeout instead of failing), a few reader connections, and
 * statements prepared once per connection (SQLite compiles a statement on each prepare, which
 * cost more than running the small queries pages need).
 */
final class SqliteDatabase implements Database {
    private static final int READERS = 4;
    /** How long a serial read from the database stays current (when this store changed nothing meanwhile). */
    static final long SERIAL_FRESH_NANOS = 100_000_000L;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writing = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    /** A connection is used by one thread at a time (the writer under its lock, a reader while taken), and so is its map. */
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();

    SqliteDatabase(Path file) throws SQLException {
        this.file = file;
        this.writer = connect();
        try {
            for (int i = 0; i < READERS; i++) {
                readers.add(connect());
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("busy_timeout", "30000");
        properties.setProperty("journal_mode", "WAL");
        // NORMAL is durable across a killed process in WAL mode; only a power cut may lose the last commits.
        properties.setProperty("synchronous", "NORMAL");
        // The driver directly, not through DriverManager: its service lookup misses drivers on
        // some class paths (a manifest-only jar's) and scans every jar to find one.
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, properties);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public <T> T read(Work<T> work) throws SQLException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a connection", e);
        }
        try {
            return work.on(c);
        } finally {
            readers.add(c);
        }
    }

    /**
     * The writer is in auto-commit mode between transactions: the driver begins the next
     * transaction as soon as one commits otherwise, holding the database's write lock against
     * other processes all the while.
     */
    @Override
    public <T> T write(boolean migrating, Work<T> work) throws SQLException {
        writing.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.on(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> kept = statements.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement s = kept.get(sql);
        if (s == null) {
            s = c.prepareStatement(sql);
            kept.put(sql, s);
        }
        s.clearParameters();
        return s;
    }

    @Override
    public void done(PreparedStatement statement) {
        // kept for the next use
    }

    @Override
    public long serialFreshNanos() {
        return SERIAL_FRESH_NANOS;
    }

    @Override
    public void close() {
        writing.lock();
        try {
            writer.close();
            for (Connection c : readers) {
                c.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
    }
}
