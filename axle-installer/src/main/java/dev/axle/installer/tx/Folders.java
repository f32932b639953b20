package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Folder operations the JDK lacks. */
final class Folders {
    private Folders() {}

    /**
     * Flushes a folder's entries to the disk, so that a file created in it survives a power
     * loss. Systems that cannot open a folder (Windows) keep their own guarantees; nothing to do.
     */
    static void sync(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the journal's durability against power loss is not promised.
        }
    }
}
