/**
 * The server's database behind {@link dev.axle.server.store.Store}: indexes, projects,
 * releases, files, tokens and the serial. {@link dev.axle.server.store.SqliteStore} keeps it in
 * one SQLite file.
 */
package dev.axle.server.store;
