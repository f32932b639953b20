package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates one file at a path the transaction has journaled and made free: the path does not
 * exist and its folder does.
 */
@FunctionalInterface
public interface FileCreator {
    void create(Path target) throws IOException;
}
