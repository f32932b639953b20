package dev.axle.index;

import java.util.Objects;

/**
 * A wheel's core metadata read from the wheel itself (its {@code *.dist-info/METADATA}), and how
 * it was read.
 *
 * @param bytes the {@code METADATA} file as the wheel holds it (the array is the caller's)
 * @param via   how the wheel was read
 */
public record WheelMetadata(byte[] bytes, Via via) {
    /** How the wheel was read. */
    public enum Via {
        /** A {@code file:} wheel, read in place. */
        LOCAL_FILE,
        /**
         * HTTP range requests for the zip's end and the {@code METADATA} entry: the wheel was not
         * downloaded, so its hashes were not verified (they cover the whole file).
         */
        RANGE_REQUESTS,
        /** The server refused ranges: the whole wheel was downloaded and verified against its hashes. */
        FULL_DOWNLOAD
    }

    public WheelMetadata {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(via, "via");
    }
}
