package dev.axle.installer.wheel;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip file read through its central directory, with positional reads so that several
 * members can be read at once. java.util.zip.ZipFile hides the external attributes (the
 * unix mode that says "executable" or "symlink") and merges entries with the same name,
 * which a wheel reader has to see, hence this small reader: stored and deflated members,
 * zip64, CRC checked on every read.
 */
final class ZipArchive implements Closeable {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final long MAX_CENTRAL_DIRECTORY = 1L << 30;

    private final String label;
    private final FileChannel channel;
    private final List<ZipMember> members;

    private ZipArchive(String label, FileChannel channel) throws IOException {
        this.label = label;
        this.channel = channel;
        this.members = readCentralDirectory();
    }

    /**
     * Opens {@code file} and reads its central directory.
     *
     * @param label the name used in error messages (the wheel's file name)
     * @throws InvalidWheelException if the file is not a zip this reader understands
     */
    static ZipArchive open(Path file, String label) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new ZipArchive(label, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    List<ZipMember> members() {
        return members;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private InvalidWheelException broken(String problem) {
        return new InvalidWheelException(label, null, "not a valid zip file (" + problem
                + "); the download may be incomplete or corrupt: download the wheel again");
    }

    private List<ZipMember> readCentralDirectory() throws IOException {
        long fileSize = channel.size();
        if (fileSize < EOCD_SIZE) {
            throw broken("too short for a zip");
        }
        // The end record is the last thing in the file, followed by a comment of up to 64 KiB.
        int tailSize = (int) Math.min(fileSize, EOCD_SIZE + 0xFFFF);
        ByteBuffer tail = read(fileSize - tailSize, tailSize);
        int eocd = -1;
        for (int i = tailSize - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD && i + EOCD_SIZE + (tail.getShort(i + 20) & 0xFFFF) == tailSize) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw broken("no end of central directory record");
        }
        long eocdPosition = fileSize - tailSize + eocd;
        long entries = tail.getShort(eocd + 10) & 0xFFFF;
        long cdSize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
        long cdOffset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
        long cdEnd = eocdPosition;
        if (eocdPosition >= 20) {
            ByteBuffer locator = read(eocdPosition - 20, 20);
            if (locator.getInt(0) == ZIP64_LOCATOR) {
                long recordPosition = locator.getLong(8);
                if (recordPosition < 0 || recordPosition + 56 > eocdPosition) {
                    throw broken("bad zip64 end record position");
                }
                ByteBuffer record = read(recordPosition, 56);
                if (record.getInt(0) != ZIP64_EOCD) {
                    throw broken("no zip64 end of central directory record");
                }
                entries = record.getLong(32);
                cdSize = record.getLong(40);
                cdOffset = record.getLong(48);
                cdEnd = recordPosition;
            }
        }
        // Data prepended to the archive shifts every offset (Python's zipfile allows this too).
        long base = cdEnd - cdSize - cdOffset;
        if (cdSize < 0 || cdOffset < 0 || base < 0 || cdSize > MAX_CENTRAL_DIRECTORY || entries < 0
                || entries > cdSize / 46) {
            throw broken("central directory out of bounds");
        }
        ByteBuffer cd = read(base + cdOffset, (int) cdSize);
        List<ZipMember> out = new ArrayList<>((int) entries);
        int pos = 0;
        for (long n = 0; n < entries; n++) {
            if (pos + 46 > cdSize || cd.getInt(pos) != CEN) {
                throw broken("bad central directory entry " + (n + 1));
            }
            int flags = cd.getShort(pos + 8) & 0xFFFF;
            int method = cd.getShort(pos + 10) & 0xFFFF;
            long crc = cd.getInt(pos + 16) & 0xFFFFFFFFL;
            long compressed = cd.getInt(pos + 20) & 0xFFFFFFFFL;
            long size = cd.getInt(pos + 24) & 0xFFFFFFFFL;
            int nameLength = cd.getShort(pos + 28) & 0xFFFF;
            int extraLength = cd.getShort(pos + 30) & 0xFFFF;
            int commentLength = cd.getShort(pos + 32) & 0xFFFF;
            long external = cd.getInt(pos + 38) & 0xFFFFFFFFL;
            long offset = cd.getInt(pos + 42) & 0xFFFFFFFFL;
            int next = pos + 46 + nameLength + extraLength + commentLength;
            if (next > cdSize) {
                throw broken("central directory entry " + (n + 1) + " runs past the directory");
            }
            byte[] rawName = new byte[nameLength];
            cd.get(pos + 46, rawName);
            String name = decodeName(rawName);
            // Zip64: the extra field holds, in this order, each value the header marks as 0xFFFFFFFF.
            int extra = pos + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = cd.getShort(extra) & 0xFFFF;
                int length = cd.getShort(extra + 2) & 0xFFFF;
                int field = extra + 4;
                if (field + length > extraEnd) {
                    break;
                }
                if (id == 0x0001) {
                    int end = field + length;
                    if (size == 0xFFFFFFFFL && field + 8 <= end) {
                        size = cd.getLong(field);
                        field += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && field + 8 <= end) {
                        compressed = cd.getLong(field);
                        field += 8;
                    }
                    if (offset == 0xFFFFFFFFL && field + 8 <= end) {
                        offset = cd.getLong(field);
                    }
                }
                extra += 4 + length;
            }
            if (size < 0 || compressed < 0 || offset < 0 || base + offset + 30 + compressed > cdEnd) {
                throw broken("entry " + name + " lies outside the archive");
            }
            out.add(new ZipMember(name, rawName, flags, method, crc, compressed, size, base + offset,
                    (int) (external >>> 16)));
            pos = next;
        }
        return List.copyOf(out);
    }

    /** Entry names are UTF-8 (wheel builders write UTF-8 and set the flag that says so). */
    private String decodeName(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWheelException(label, new String(raw, StandardCharsets.ISO_8859_1),
                    "entry name is not UTF-8; wheel entry names must be UTF-8");
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException(label + ": unexpected end of file");
            }
        }
        return buffer.flip();
    }

    /** Where the member's data starts: after its local header, whose name must match the directory's. */
    private long dataStart(ZipMember m) throws IOException {
        ByteBuffer header = read(m.localHeaderOffset(), 30);
        if (header.getInt(0) != LOC) {
            throw new InvalidWheelException(label, m.name(), "no local file header where the central directory "
                    + "points; the wheel is corrupt: download it again");
        }
        int nameLength = header.getShort(26) & 0xFFFF;
        int extraLength = header.getShort(28) & 0xFFFF;
        ByteBuffer name = read(m.localHeaderOffset() + 30, nameLength);
        if (!Arrays.equals(name.array(), m.rawName())) {
            throw new InvalidWheelException(label, m.name(), "the local file header names another file ("
                    + new String(name.array(), StandardCharsets.UTF_8) + "); the wheel is corrupt or crafted");
        }
        return m.localHeaderOffset() + 30 + nameLength + extraLength;
    }

    /**
     * The member's content, decompressed. Reading past the size the central directory gives,
     * a truncated stream and a CRC that does not match all fail with {@link InvalidWheelException}.
     *
     * @param buffer scratch space for compressed bytes, reused across members by one thread
     * @param inflater reused across members by one thread (reset here)
     */
    InputStream open(ZipMember m, byte[] buffer, Inflater inflater) throws IOException {
        if (m.isEncrypted()) {
            throw new InvalidWheelException(label, m.name(), "is encrypted; wheels cannot be");
        }
        if (m.method() != ZipMember.STORED && m.method() != ZipMember.DEFLATED) {
            throw new InvalidWheelException(label, m.name(), "uses zip compression method " + m.method()
                    + "; axle reads stored and deflated entries, as the wheel format expects");
        }
        return new MemberStream(m, dataStart(m), buffer, inflater);
    }

    /** Reads a whole member into memory; for the small metadata files. */
    byte[] readAll(ZipMember m, long limit) throws IOException {
        if (m.size() > limit) {
            throw new InvalidWheelException(label, m.name(), "is " + m.size() + " bytes; more than the "
                    + limit + " axle reads for this kind of file");
        }
        byte[] out = new byte[(int) m.size()];
        Inflater inflater = new Inflater(true);
        try (InputStream in = open(m, new byte[8192], inflater)) {
            int n = in.readNBytes(out, 0, out.length);
            if (n != out.length || in.read() >= 0) {
                throw new InvalidWheelException(label, m.name(), "size differs from the central directory's");
            }
        } finally {
            inflater.end();
        }
        return out;
    }

    /** A member's bytes: raw or inflated, counted and CRC-checked against the central directory. */
    private final class MemberStream extends InputStream {
        private final ZipMember member;
        private final byte[] buffer;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private long position;
        private long compressedLeft;
        private long produced;
        private boolean done;

        MemberStream(ZipMember member, long start, byte[] buffer, Inflater inflater) {
            this.member = member;
            this.buffer = buffer;
            this.inflater = member.method() == ZipMember.DEFLATED ? inflater : null;
            this.position = start;
            this.compressedLeft = member.compressedSize();
            if (this.inflater != null) {
                this.inflater.reset();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            crc.update(b, off, n);
            produced += n;
            if (produced > member.size()) {
                throw corrupt("holds more bytes than the central directory says (" + member.size() + ")");
            }
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            if (compressedLeft == 0) {
                return -1;
            }
            int want = (int) Math.min(len, compressedLeft);
            int n = channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n <= 0) {
                throw corrupt("ends early");
            }
            position += n;
            compressedLeft -= n;
            return n;
        }

        private int readDeflated(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw corrupt("needs a preset dictionary");
                    }
                    if (compressedLeft == 0) {
                        throw corrupt("compressed data ends early");
                    }
                    int want = (int) Math.min(buffer.length, compressedLeft);
                    int got = channel.read(ByteBuffer.wrap(buffer, 0, want), position);
                    if (got <= 0) {
                        throw corrupt("ends early");
                    }
                    position += got;
                    compressedLeft -= got;
                    inflater.setInput(buffer, 0, got);
                }
            } catch (DataFormatException e) {
                throw corrupt("holds invalid deflate data (" + e.getMessage() + ")");
            }
        }

        private void finish() {
            done = true;
            if (produced != member.size()) {
                throw corrupt("is " + produced + " bytes, the central directory says " + member.size());
            }
            if (crc.getValue() != member.crc()) {
                throw corrupt("fails its CRC check");
            }
        }

        private InvalidWheelException corrupt(String problem) {
            return new InvalidWheelException(label, member.name(), problem
                    + "; the wheel is corrupt: download it again");
        }
    }
}
