/**
 * The package index server ({@code axle serve}): a PyPI-compatible index that pip, uv, twine
 * and axle use without knowing it is not PyPI.
 *
 * <ul>
 *   <li>{@link dev.axle.server.ServerRoot}: a server's folder (database, blobs, temporary
 *       files); {@link dev.axle.server.IndexServer} serves one on Jetty with virtual threads.</li>
 *   <li>{@link dev.axle.server.Catalog}: what an index shows, with its bases (devpi's
 *       inheritance) and proxy indexes ({@link dev.axle.server.Upstreams}).</li>
 *   <li>{@link dev.axle.server.Publication}: files in and out, blob before row, so a crash
 *       leaves nothing half-visible, and {@link dev.axle.server.OrphanSweeper} deletes the blobs
 *       a crash left without a row; {@link dev.axle.server.Tokens}: API tokens.</li>
 *   <li>Storage behind two interfaces: {@link dev.axle.server.store.Store} (SQLite now) and
 *       {@link dev.axle.server.blob.BlobStore} (files or S3); the HTTP side is in
 *       {@code dev.axle.server.http}.</li>
 * </ul>
 */
package dev.axle.server;
