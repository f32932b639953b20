package dev.axle.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a file looked like when a cached answer was made: modification time, size and
 * identity (device and inode where the file system has them), or absent. A change to any
 * of them makes the answer stale.
 *
 * @param path the file
 * @param followLinks whether the stamp is of the file a symlink leads to (then the real
 *     path is part of the state) or of the link itself
 * @param state the stamp's value, compared as a whole
 */
record FileStamp(String path, boolean followLinks, String state) {
    static final String ABSENT = "absent";

    static FileStamp of(Path path, boolean followLinks) {
        return new FileStamp(path.toString(), followLinks, state(path, followLinks));
    }

    /** Whether the file still looks the same. */
    boolean isCurrent() {
        return state.equals(state(Path.of(path), followLinks));
    }

    private static String state(Path path, boolean followLinks) {
        try {
            BasicFileAttributes a = followLinks
                    ? Files.readAttributes(path, BasicFileAttributes.class)
                    : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            StringBuilder b = new StringBuilder();
            b.append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append(' ').append(a.size());
            if (a.fileKey() != null) {
                b.append(' ').append(a.fileKey());
            }
            if (followLinks) {
                b.append(' ').append(path.toRealPath());
            }
            return b.toString();
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            // Unreadable now: a state no stamp was made with, so the answer is not trusted.
            return "unreadable: " + e.getMessage();
        }
    }
}
