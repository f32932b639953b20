package dev.axle.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip's central directory read through {@link ZipBytes}, so that the same reads serve a local
 * wheel and one on a server: the end record (zip64's too), the entries, and one entry's content
 * (stored or deflated, CRC-checked). Reads go from the end of the file backwards and touch only
 * the directory and the entries asked for, which keeps range requests few.
 */
final class ZipDirectory {
    private static final int END_SIZE = 22;
    /** Where the end record must be: in the last record's length plus the longest comment. */
    static final int TAIL = END_SIZE + 0xFFFF;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    /** Far more than the largest wheels' directories (tens of thousands of entries take a few MiB). */
    private static final long MAX_DIRECTORY = 256L << 20;
    /** Room for a local header's extra field, which may differ from the directory's. */
    private static final int LOCAL_EXTRA_ALLOWANCE = 256;

    /** One entry: its name and where its data is. */
    record Entry(String name, int rawNameLength, int flags, int method, long crc, long compressedSize, long size,
            long localHeader) {}

    private final ZipBytes bytes;
    private final Problems problems;
    private final long directoryStart;
    private final List<Entry> entries;

    /** Builds the errors for one wheel. */
    interface Problems {
        InvalidWheelException invalid(String problem);
    }

    private ZipDirectory(ZipBytes bytes, Problems problems, long directoryStart, List<Entry> entries) {
        this.bytes = bytes;
        this.problems = problems;
        this.directoryStart = directoryStart;
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Reads the directory.
     *
     * @throws InvalidWheelException if the bytes are no zip this reader understands
     */
    static ZipDirectory read(ZipBytes bytes, Problems problems) throws IOException {
        try {
            return readDirectory(bytes, problems);
        } catch (EOFException e) {
            throw problems.invalid("not a zip file (" + e.getMessage() + ")");
        }
    }

    private static ZipDirectory readDirectory(ZipBytes bytes, Problems problems) throws IOException {
        long size = bytes.size();
        if (size < END_SIZE) {
            throw problems.invalid("not a zip file (" + size + " bytes, too short for one)");
        }
        int tailSize = (int) Math.min(size, TAIL);
        long tailStart = size - tailSize;
        ByteBuffer tail = bytes.read(tailStart, tailSize);
        int end = -1;
        for (int i = tailSize - END_SIZE; i >= 0 && end < 0; i--) {
            if (tail.getInt(i) == END && i + END_SIZE + (tail.getShort(i + 20) & 0xFFFF) == tailSize) {
                end = i;
            }
        }
        if (end < 0) {
            throw problems.invalid("not a zip file (no end of central directory record)");
        }
        long endPosition = tailStart + end;
        long count = tail.getShort(end + 10) & 0xFFFF;
        long length = tail.getInt(end + 12) & 0xFFFFFFFFL;
        long offset = tail.getInt(end + 16) & 0xFFFFFFFFL;
        long directoryEnd = endPosition;
        if (endPosition >= 20) {
            ByteBuffer locator = bytes.read(endPosition - 20, 20);
            if (locator.getInt(0) == ZIP64_LOCATOR) {
                long record = locator.getLong(8);
                if (record < 0 || record + 56 > endPosition) {
                    throw problems.invalid("not a valid zip file (its zip64 end record lies outside it)");
                }
                ByteBuffer zip64 = bytes.read(record, 56);
                if (zip64.getInt(0) != ZIP64_END) {
                    throw problems.invalid("not a valid zip file (no zip64 end record where its locator points)");
                }
                count = zip64.getLong(32);
                length = zip64.getLong(40);
                offset = zip64.getLong(48);
                directoryEnd = record;
            }
        }
        // Bytes prepended to the archive (a self-extractor's stub) shift every offset by the same amount.
        long shift = directoryEnd - length - offset;
        if (length < 0 || offset < 0 || shift < 0 || length > MAX_DIRECTORY || count < 0 || count > length / 46) {
            throw problems.invalid("not a valid zip file (its central directory lies outside it)");
        }
        ByteBuffer directory = bytes.read(shift + offset, (int) length);
        List<Entry> entries = new ArrayList<>((int) count);
        int at = 0;
        for (long n = 1; n <= count; n++) {
            if (at + 46 > length || directory.getInt(at) != CENTRAL) {
                throw problems.invalid("not a valid zip file (central directory entry " + n + " is broken)");
            }
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            int commentLength = directory.getShort(at + 32) & 0xFFFF;
            int next = at + 46 + nameLength + extraLength + commentLength;
            if (next > length) {
                throw problems.invalid("not a valid zip file (central directory entry " + n + " runs past it)");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            long[] sizes = {directory.getInt(at + 24) & 0xFFFFFFFFL, directory.getInt(at + 20) & 0xFFFFFFFFL,
                    directory.getInt(at + 42) & 0xFFFFFFFFL};
            zip64Sizes(directory, at + 46 + nameLength, extraLength, sizes);
            entries.add(new Entry(new String(name, StandardCharsets.UTF_8), nameLength,
                    directory.getShort(at + 8) & 0xFFFF, directory.getShort(at + 10) & 0xFFFF,
                    directory.getInt(at + 16) & 0xFFFFFFFFL, sizes[1], sizes[0], shift + sizes[2]));
            at = next;
        }
        return new ZipDirectory(bytes, problems, shift + offset, List.copyOf(entries));
    }

    /**
     * Zip64's extra field (id 1) holds, in this order, the size, compressed size and header offset
     * that the directory entry marks as 0xFFFFFFFF; {@code sizes} holds them in that order too.
     */
    private static void zip64Sizes(ByteBuffer directory, int extra, int extraLength, long[] sizes) {
        int end = extra + extraLength;
        while (extra + 4 <= end) {
            int id = directory.getShort(extra) & 0xFFFF;
            int fieldEnd = extra + 4 + (directory.getShort(extra + 2) & 0xFFFF);
            if (id == 0x0001 && fieldEnd <= end) {
                int field = extra + 4;
                for (int i = 0; i < sizes.length && field + 8 <= fieldEnd; i++) {
                    if (sizes[i] == 0xFFFFFFFFL) {
                        sizes[i] = directory.getLong(field);
                        field += 8;
                    }
                }
            }
            extra = fieldEnd;
        }
    }

    /**
     * The entry's content, decompressed, read with one read of its local header and data where
     * the header's extra field is no longer than usual.
     *
     * @param limit the most bytes to accept, compressed or not
     * @throws InvalidWheelException if the entry is larger, encrypted, compressed otherwise than
     *                               stored or deflated, or corrupt
     */
    byte[] content(Entry entry, long limit) throws IOException {
        String name = entry.name();
        if (entry.size() > limit || entry.compressedSize() > limit) {
            throw problems.invalid(name + " is " + entry.size() + " bytes, more than the " + limit + " axle reads");
        }
        if ((entry.flags() & 1) != 0) {
            throw problems.invalid(name + " is encrypted");
        }
        if (entry.method() != STORED && entry.method() != DEFLATED) {
            throw problems.invalid(name + " uses zip compression method " + entry.method()
                    + ", not stored (0) or deflated (8) as wheels do");
        }
        long start = entry.localHeader();
        long guess = 30L + entry.rawNameLength() + LOCAL_EXTRA_ALLOWANCE + entry.compressedSize();
        ByteBuffer chunk = bytes.read(start, (int) Math.max(30, Math.min(guess, directoryStart - start)));
        if (chunk.getInt(0) != LOCAL) {
            throw problems.invalid("no local file header for " + name + " where the central directory points");
        }
        long dataStart = 30L + (chunk.getShort(26) & 0xFFFF) + (chunk.getShort(28) & 0xFFFF);
        long dataEnd = dataStart + entry.compressedSize();
        byte[] data = new byte[(int) entry.compressedSize()];
        if (dataEnd <= chunk.limit()) {
            chunk.get((int) dataStart, data);
        } else {
            bytes.read(start + dataStart, data.length).get(data);
        }
        byte[] content = entry.method() == STORED ? data : inflate(entry, data);
        CRC32 crc = new CRC32();
        crc.update(content);
        if (content.length != entry.size() || crc.getValue() != entry.crc()) {
            throw problems.invalid(name + " is corrupt (its size or CRC differs from the central directory's)");
        }
        return content;
    }

    private byte[] inflate(Entry entry, byte[] data) throws InvalidWheelException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            byte[] out = new byte[(int) entry.size()];
            int n = 0;
            while (n < out.length && !inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                n += inflater.inflate(out, n, out.length - n);
            }
            if (n != out.length) {
                throw problems.invalid(entry.name() + " is corrupt (its deflated data does not inflate to "
                        + entry.size() + " bytes)");
            }
            return out;
        } catch (DataFormatException e) {
            throw problems.invalid(entry.name() + " is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
