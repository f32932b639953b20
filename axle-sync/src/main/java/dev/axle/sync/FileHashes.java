package dev.axle.sync;

import dev.axle.index.HashCheck;
import dev.axle.index.HashMismatchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A local file checked against a lock's hashes, every algorithm the JDK computes, in one pass. */
final class FileHashes {
    private FileHashes() {}

    /** The first mismatch as {@code expected sha256:…, got sha256:…}; empty if the file matches. */
    static Optional<String> mismatch(Path file, Map<String, String> hashes) throws IOException {
        HashCheck check = new HashCheck(hashes);
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        try (FileChannel in = FileChannel.open(file)) {
            while (in.read(buffer.clear()) > 0) {
                check.update(buffer.flip());
            }
        }
        try {
            check.verify(file.toString());
            return Optional.empty();
        } catch (HashMismatchException e) {
            return Optional.of(describe(e));
        }
    }

    static String describe(HashMismatchException e) {
        return "expected " + e.algorithm() + ":" + e.expected() + ", got " + e.algorithm() + ":" + e.actual();
    }
}
