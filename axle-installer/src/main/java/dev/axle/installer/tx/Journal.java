package dev.axle.installer.tx;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's journal file: a header line, then {@link JournalEntry} lines appended in the
 * order the changes were made.
 *
 * <p>Every batch of lines goes to the operating system with one {@code write} before the
 * changes it describes, so a process that is killed at any point leaves a journal that covers
 * every change it made; the journal is not flushed to the disk per batch (see the package
 * documentation for the policy). A write cut short by a crash leaves a last line without its
 * newline, which the reader ignores; a failed write (a full disk) leaves a partial line that the
 * next write closes with a newline, so it cannot glue onto the next entry.
 */
final class Journal implements Closeable {
    static final String HEADER = "axle transaction journal 1";

    private final Path file;
    private final FileChannel channel;
    private boolean partialLine;

    private Journal(Path file, FileChannel channel, boolean partialLine) {
        this.file = file;
        this.channel = channel;
        this.partialLine = partialLine;
    }

    /** Starts a new journal and flushes it, with its folder, to the disk. */
    static Journal create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Journal journal = new Journal(file, channel, false);
        try {
            journal.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            channel.force(true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Folders.sync(file.getParent());
        return journal;
    }

    /** Opens an existing journal to append to it (a rollback's progress mark). */
    static Journal append(Path file) throws IOException {
        // Only one process appends (it holds the lock), so writing at the end position is appending.
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean partial = false;
        long size = channel.size();
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            partial = last.get(0) != '\n';
        }
        channel.position(size);
        return new Journal(file, channel, partial);
    }

    Path file() {
        return file;
    }

    void write(JournalLines lines) throws IOException {
        if (!lines.isEmpty()) {
            write(lines.bytes());
        }
    }

    private synchronized void write(byte[] bytes) throws IOException {
        ByteBuffer buffer;
        if (partialLine) {
            buffer = ByteBuffer.allocate(bytes.length + 1).put((byte) '\n').put(bytes).flip();
        } else {
            buffer = ByteBuffer.wrap(bytes);
        }
        partialLine = true;
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        partialLine = false;
    }

    /** Flushes the journal's content to the disk. */
    synchronized void force() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Reads a journal's entries. A last line without its newline (cut by a crash) is ignored;
     * so are lines that do not parse, which only a failed write can leave.
     *
     * @throws JournalFormatException when the file is not an axle journal of a known version
     */
    static Contents read(Path file, JournalCodec codec) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        }
        List<JournalEntry> entries = new ArrayList<>();
        int unreadable = 0;
        int start = 0;
        boolean header = true;
        for (int end = 0; end < bytes.length; end++) {
            if (bytes[end] != '\n') {
                continue;
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
            if (header) {
                if (!line.equals(HEADER)) {
                    throw new JournalFormatException(file, line);
                }
                header = false;
                continue;
            }
            JournalEntry entry = parse(line, codec);
            if (entry == null) {
                unreadable++;
            } else {
                entries.add(entry);
            }
        }
        return new Contents(entries, unreadable);
    }

    private static JournalEntry parse(String line, JournalCodec codec) {
        String[] fields = line.split("\t", -1);
        if (fields[0].length() != 1) {
            return null;
        }
        char kind = fields[0].charAt(0);
        if (fields.length == 1) {
            return switch (kind) {
                case 'U' -> new JournalEntry.CreationsUndone();
                case 'K' -> new JournalEntry.Committed();
                default -> null;
            };
        }
        Path first = codec.readPath(fields[1]);
        if (first == null) {
            return null;
        }
        if (fields.length == 3) {
            Path second = codec.readPath(fields[2]);
            return kind == 'S' && second != null ? new JournalEntry.Stashed(first, second) : null;
        }
        if (fields.length != 2) {
            return null;
        }
        return switch (kind) {
            case 'D' -> new JournalEntry.FolderMade(first);
            case 'C' -> new JournalEntry.FileCreated(first);
            case 'X' -> new JournalEntry.StashFolder(first);
            case 'P' -> new JournalEntry.Prune(first);
            default -> null;
        };
    }

    /** What a journal holds, and how many lines could not be read. */
    record Contents(List<JournalEntry> entries, int unreadable) {
        boolean committed() {
            return entries.stream().anyMatch(JournalEntry.Committed.class::isInstance);
        }

        boolean creationsUndone() {
            return entries.stream().anyMatch(JournalEntry.CreationsUndone.class::isInstance);
        }
    }
}
