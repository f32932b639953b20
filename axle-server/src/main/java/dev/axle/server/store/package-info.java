/**
 * The server's database behind {@link dev.axle.server.store.Store}: indexes, projects,
 * releases, files, tokens and the serial. {@link dev.axle.server.store.SqlStore} keeps it in
 * one SQLite file, or in a PostgreSQL database that several servers share.
 */
package dev.axle.server.store;
