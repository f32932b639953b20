package dev.axle.pep.record;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a RECORD file: a path (relative, {@code /}-separated), and the hash and size
 * in bytes of the file's content. RECORD lists itself, and signature files, without hash
 * or size.
 */
public record RecordEntry(String path, Optional<RecordHash> hash, OptionalLong size) {
    public RecordEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(size, "size");
        if (path.isEmpty()) {
            throw new InvalidRecordException("empty path");
        }
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new InvalidRecordException("negative size " + size.getAsLong() + " for " + RecordHash.quote(path));
        }
    }

    /** The entry for a file with this content: its sha256 hash and its size. */
    public static RecordEntry of(String path, byte[] content) {
        return new RecordEntry(path, Optional.of(RecordHash.sha256(content)), OptionalLong.of(content.length));
    }

    /** The entry for a file whose content {@code in} yields (read to the end, not closed). */
    public static RecordEntry of(String path, InputStream in) throws IOException {
        MessageDigest md = RecordHash.digester("sha256").orElseThrow();
        long size = RecordHash.drain(in, md);
        return new RecordEntry(path, Optional.of(RecordHash.ofDigest("sha256", md.digest())), OptionalLong.of(size));
    }

    /** An entry without hash or size, as RECORD lists itself. */
    public static RecordEntry unhashed(String path) {
        return new RecordEntry(path, Optional.empty(), OptionalLong.empty());
    }

    /**
     * Checks content against this entry's size and hash (whichever are given).
     *
     * @throws RecordVerificationException if the size or the digest differs, or the hash
     *     algorithm cannot be computed
     */
    public void verify(byte[] content) {
        MessageDigest md = digester();
        if (md != null) {
            md.update(content);
        }
        check(content.length, md);
    }

    /** Checks the content {@code in} yields (read to the end, not closed), as {@link #verify(byte[])}. */
    public void verify(InputStream in) throws IOException {
        MessageDigest md = digester();
        long n = RecordHash.drain(in, md);
        check(n, md);
    }

    private MessageDigest digester() {
        if (hash.isEmpty()) {
            return null;
        }
        return RecordHash.digester(hash.get().algorithm()).orElseThrow(() -> new RecordVerificationException(path,
                "cannot verify " + RecordHash.quote(path) + ": hash algorithm "
                        + RecordHash.quote(hash.get().algorithm()) + " is not supported"));
    }

    private void check(long actualSize, MessageDigest md) {
        List<String> problems = new ArrayList<>(2);
        if (size.isPresent() && size.getAsLong() != actualSize) {
            problems.add("its size is " + actualSize + " bytes, RECORD says " + size.getAsLong());
        }
        if (md != null) {
            byte[] digest = md.digest();
            if (!hash.get().sameDigest(digest)) {
                problems.add("its hash is " + hash.get().algorithm() + "=" + RecordHash.encode(digest)
                        + ", RECORD says " + hash.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new RecordVerificationException(path,
                    RecordHash.quote(path) + " does not match RECORD: " + String.join("; ", problems));
        }
    }

    /** The three CSV fields: path, hash or empty, size or empty. */
    List<String> fields() {
        return List.of(path, hash.map(RecordHash::toString).orElse(""),
                size.isPresent() ? Long.toString(size.getAsLong()) : "");
    }

    /** The row as RECORD holds it, without the line break. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        Csv.writeRow(out, fields());
        return out.substring(0, out.length() - 1);
    }
}
