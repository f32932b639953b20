package dev.axle.server.store;

/** What {@link Store#addFile} did. */
public sealed interface AddResult {
    /** The file was recorded, with this serial. */
    record Added(long serial) implements AddResult {}

    /** A file of that name was already on the index (identical or not: compare with {@link StoredFile#sameBytes}). */
    record Exists(StoredFile existing) implements AddResult {}
}
