package dev.axle.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where {@link SqlStore} runs its SQL: connections, transactions and how writers are kept apart.
 * Every writing transaction, from any process, is serialized with every other one, so the serial
 * moves one by one and "is this filename taken?" has one answer.
 */
interface Database extends AutoCloseable {
    /** Work on a connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** The database, for messages: a file's path, or a server and database name. */
    String describe();

    /** Runs {@code work} outside a transaction, on a connection that sees every committed change. */
    <T> T read(Work<T> work) throws SQLException;

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it
     * throws. {@code migrating} transactions may run before the schema exists; the others hold
     * the writers' lock from their first statement.
     */
    <T> T write(boolean migrating, Work<T> work) throws SQLException;

    /** A statement for {@code sql} on {@code c}, to be handed back to {@link #done}. */
    PreparedStatement prepare(Connection c, String sql) throws SQLException;

    /** Hands back a statement from {@link #prepare}. */
    void done(PreparedStatement statement) throws SQLException;

    /**
     * How long a serial read from the database may be served again without asking (0: ask every
     * time). Only a database one process serves may say more than 0.
     */
    long serialFreshNanos();

    @Override
    void close();
}
