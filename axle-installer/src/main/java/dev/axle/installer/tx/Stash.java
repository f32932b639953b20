package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves files and folders out of the environment by renaming them into the transaction's stash,
 * each move journaled before it is made, so that a rollback can rename them back. Renames keep
 * content, modes, times and hard links, and cost the same for a folder of any size.
 *
 * <p>A rename cannot cross filesystems: a path on another filesystem than the transaction folder
 * is stashed into a folder {@code .axle-stash-<id>} made beside it (its own folder is on its
 * filesystem, and writable, since the path is being removed from it); such folders are journaled
 * and deleted with the stash. Copying instead would make a stash as slow as the data is large.
 */
final class Stash {
    private final TransactionFolder folder;
    private final Journal journal;
    private final JournalCodec codec;
    private final AtomicLong counter = new AtomicLong();
    /** Stash folders beside paths on other filesystems, by the folder of those paths. */
    private final Map<Path, Path> crossDevice = new ConcurrentHashMap<>();

    Stash(TransactionFolder folder, Journal journal, JournalCodec codec) {
        this.folder = folder;
        this.journal = journal;
        this.codec = codec;
    }

    /**
     * Stashes each path, with one journal write for all (more only for other filesystems);
     * answers where each went, null for paths that did not exist.
     */
    Path[] moveAll(List<Path> paths) throws IOException {
        Path[] places = new Path[paths.size()];
        JournalLines lines = new JournalLines(codec);
        for (int i = 0; i < places.length; i++) {
            places[i] = folder.stash().resolve(Long.toString(counter.incrementAndGet()));
            lines.stashed(paths.get(i), places[i]);
        }
        journal.write(lines);
        for (int i = 0; i < places.length; i++) {
            try {
                places[i] = rename(paths.get(i), places[i]);
            } catch (AtomicMoveNotSupportedException e) {
                places[i] = moveBeside(paths.get(i));
            }
        }
        return places;
    }

    private Path moveBeside(Path original) throws IOException {
        Path parent = original.getParent();
        Path stash = crossDevice.get(parent);
        if (stash == null) {
            synchronized (crossDevice) {
                stash = crossDevice.get(parent);
                if (stash == null) {
                    stash = parent.resolve(folder.crossDeviceStashName());
                    journal.write(new JournalLines(codec).stashFolder(stash));
                    Files.createDirectories(stash);
                    crossDevice.put(parent, stash);
                }
            }
        }
        Path place = stash.resolve(Long.toString(counter.incrementAndGet()));
        journal.write(new JournalLines(codec).stashed(original, place));
        return rename(original, place);
    }

    /** Renames; answers {@code place}, or null when {@code original} does not exist. */
    private static Path rename(Path original, Path place) throws IOException {
        try {
            Files.move(original, place, StandardCopyOption.ATOMIC_MOVE);
            return place;
        } catch (NoSuchFileException e) {
            // Also thrown when the stash is missing: then it is an error.
            if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return null;
        }
    }
}
