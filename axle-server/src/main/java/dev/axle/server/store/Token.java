package dev.axle.server.store;

import java.time.Instant;

/** An API token's record: only its hash is stored; it allows uploads to {@code index}. */
public record Token(String index, String name, Instant created) {}
