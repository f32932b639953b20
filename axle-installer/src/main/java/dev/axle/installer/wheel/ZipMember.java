package dev.axle.installer.wheel;

/**
 * One entry of a zip's central directory, with what installing needs: the name as written,
 * where its data starts, how it is compressed, and the unix mode from the external
 * attributes (zero when the archiver recorded none).
 */
record ZipMember(
        String name,
        byte[] rawName,
        int flags,
        int method,
        long crc,
        long compressedSize,
        long size,
        long localHeaderOffset,
        int unixMode) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;

    boolean isDirectory() {
        return name.endsWith("/");
    }

    boolean isSymlink() {
        return !isDirectory() && (unixMode & S_IFMT) == S_IFLNK;
    }

    /** A regular file with an execute bit, as pip reads the mode (no mode at all: not executable). */
    boolean isExecutable() {
        return (unixMode & S_IFMT) == S_IFREG && (unixMode & 0111) != 0;
    }

    boolean isEncrypted() {
        return (flags & 1) != 0;
    }
}
