package dev.axle.installer.cache;

import java.util.Locale;

/** How installed files are made from the files of the wheel cache. */
public enum LinkMode {
    /** Clone where the file system can, else hard link, else copy. */
    AUTO,
    /**
     * Copy-on-write clone (reflink): a separate file that shares the cache file's blocks until
     * either is changed. Where the file systems cannot clone, a copy.
     */
    CLONE,
    /** Hard link: the installed file is the cache file. Where that fails, a copy. */
    HARDLINK,
    /** A full copy. */
    COPY;

    /** Reads {@code auto}, {@code clone}, {@code hardlink} or {@code copy} (as {@code --link-mode} takes them). */
    public static LinkMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown link mode '" + text + "': use clone, hardlink or copy");
        }
    }

    /** The name as {@code --link-mode} takes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
