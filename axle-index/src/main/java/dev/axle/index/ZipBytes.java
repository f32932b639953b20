package dev.axle.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Random access to a zip's bytes: a local file, or a file on a server read with range requests. */
interface ZipBytes {
    /** The zip's length in bytes. */
    long size() throws IOException;

    /**
     * {@code length} bytes from {@code position}, little-endian, positioned at 0.
     *
     * @throws EOFException if they run past the end
     */
    ByteBuffer read(long position, int length) throws IOException;

    /** A file's bytes, read in place. */
    static ZipBytes of(FileChannel channel) {
        return new ZipBytes() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public ByteBuffer read(long position, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException("the zip ends at " + (position + buffer.position()));
                    }
                }
                return buffer.flip();
            }
        };
    }
}
