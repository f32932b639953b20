package dev.axle.dist;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The core metadata file found in an archive: its path there and its bytes. */
record MetadataEntry(String path, byte[] bytes) {
    /**
     * METADATA and PKG-INFO are a few KB; a larger entry is a decompression bomb or a
     * mistake, so reading stops there whatever size the archive declares.
     */
    static final int MAX_SIZE = 16 * 1024 * 1024;

    /** Reads an entry of at most {@link #MAX_SIZE} bytes; {@code declared} is its size as the archive says, or -1. */
    static MetadataEntry read(InputStream in, long declared, String path, String filename)
            throws IOException, DistributionException {
        if (declared > MAX_SIZE) {
            throw tooLarge(path, filename);
        }
        byte[] bytes = in.readNBytes(MAX_SIZE + 1);
        if (bytes.length > MAX_SIZE) {
            throw tooLarge(path, filename);
        }
        return new MetadataEntry(path, bytes);
    }

    private static DistributionException tooLarge(String path, String filename) {
        return new DistributionException("Invalid distribution file: " + path + " in '" + filename
                + "' is larger than " + (MAX_SIZE >> 20) + " MiB", filename, path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataEntry e && path.equals(e.path) && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes)";
    }
}
