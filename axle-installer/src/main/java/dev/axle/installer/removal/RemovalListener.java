package dev.axle.installer.removal;

import java.io.IOException;
import java.nio.file.Path;

/** Hears about deletions that failed once and will be tried again. */
public interface RemovalListener {
    /** A listener that ignores every event. */
    RemovalListener NONE = new RemovalListener() {};

    /**
     * Deleting {@code path} failed with {@code cause}; attempt number {@code attempt + 1} follows
     * after a pause.
     */
    default void retrying(Path path, IOException cause, int attempt) {}
}
