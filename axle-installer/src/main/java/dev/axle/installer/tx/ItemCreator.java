package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates the file for one item of a batch (a wheel entry, a launcher) at the path the
 * transaction has journaled and made free for it.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemCreator<T> {
    void create(T item, Path target) throws IOException;
}
