package dev.axle.server.store;

import java.time.Instant;

/**
 * A version of a project on an index, with the core metadata of its first uploaded file (what
 * Warehouse's JSON API shows as {@code info}).
 *
 * @param metadata the core metadata file's text (METADATA or PKG-INFO)
 */
public record Release(String index, String project, String version, String metadata, Instant created) {}
