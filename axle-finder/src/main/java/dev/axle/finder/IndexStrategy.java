package dev.axle.finder;

/** Which indexes a project's versions come from when several are configured. */
public enum IndexStrategy {
    /**
     * The first index (in the order given, {@code --index-url} first) that has the project at
     * all; later indexes are not asked. A private project cannot be shadowed by a public one of
     * the same name (dependency confusion), as uv does by default.
     */
    FIRST_INDEX,
    /** Every index's versions merged, the newest winning wherever it is: pip's behaviour. */
    UNSAFE_BEST_MATCH
}
