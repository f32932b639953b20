package dev.axle.server.http;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

/**
 * Unmaps a memory-mapped buffer now, rather than when the garbage collector finds it. Java 21
 * has no public way to do this (the foreign memory API that unmaps a mapping on close is a
 * preview there); {@code sun.misc.Unsafe.invokeCleaner}, in the {@code jdk.unsupported} module
 * for exactly such uses, does it. Where it is unavailable, the buffer is left to the collector.
 */
final class Unmapping {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private Unmapping() {}

    /** Unmaps {@code buffer}; it must not be used afterwards, by anyone. */
    static void unmap(MappedByteBuffer buffer) {
        if (UNSAFE != null) {
            UNSAFE.invokeCleaner(buffer);
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
