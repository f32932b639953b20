package dev.axle.installer.cache;

import dev.axle.installer.wheel.UnpackedWheel;
import java.nio.file.Path;

/**
 * Progress of {@link WheelCache#unpack}, per wheel. Called on the unpacking thread; several
 * wheels may report at once when they are unpacked in parallel.
 */
public interface UnpackListener {
    /** A listener that ignores everything. */
    UnpackListener NONE = new UnpackListener() {};

    /** Hashing the wheel file to find its cache entry (only when the index does not know the file). */
    default void hashing(Path wheel, long bytesDone, long bytesTotal) {}

    /** Unpacking: bytes written of the wheel's total unpacked size. */
    default void extracting(Path wheel, long bytesDone, long bytesTotal) {}

    /** Done; {@code fromCache} when the cache already held the wheel and nothing was unpacked. */
    default void unpacked(Path wheel, UnpackedWheel unpacked, boolean fromCache) {}
}
