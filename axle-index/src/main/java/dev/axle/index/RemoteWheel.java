package dev.axle.index;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wheel on an http(s) server, its {@code METADATA} read with range requests: first the last
 * {@link ZipDirectory#TAIL} bytes (a suffix range, so the length need not be asked first; for
 * most wheels this holds the whole central directory, and often {@code METADATA} too, as
 * builders write the dist-info folder last), then whatever else the directory reader needs.
 *
 * <p>A server that answers a range with the whole file (200) has its answer streamed to a
 * temporary file, verified, and read there; one that refuses (416) or answers a range that cannot
 * be used (no or another Content-Range, a changed length) is asked for the whole file instead.
 * A 206 shows that the server serves ranges, so no HEAD request asks for Accept-Ranges first.
 */
final class RemoteWheel implements ZipBytes, AutoCloseable {
    private static final Pattern CONTENT_RANGE = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The server sent the whole file, or ranges cannot be used: read the downloaded file. */
    private static final class RangesRefused extends IOException {
        private static final long serialVersionUID = 1L;

        RangesRefused(String why) {
            super(why);
        }
    }

    /** Bytes already fetched, from {@code start}. */
    private record Window(long start, byte[] bytes) {
        long end() {
            return start + bytes.length;
        }
    }

    private final Fetcher fetcher;
    private final DistributionFile wheel;
    private final DownloadListener listener;
    private final String shown;
    private final List<Window> windows = new ArrayList<>();
    /** Where the whole wheel goes if the server sends it (created up front: bodies arrive on the client's threads). */
    private final Path downloaded;
    private final FileChannel out;
    private Index.Streamed streamed;
    private boolean complete;
    private long size = -1;

    RemoteWheel(Fetcher fetcher, DistributionFile wheel, DownloadListener listener) throws IOException {
        this.fetcher = fetcher;
        this.wheel = wheel;
        this.listener = listener;
        this.shown = Credentials.redact(wheel.url());
        this.downloaded = Files.createTempFile("axle-", "-" + wheel.filename());
        try {
            this.out = FileChannel.open(downloaded, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(downloaded);
            throw e;
        }
    }

    /** The {@code METADATA}: with ranges if the server serves them, else from the whole wheel. */
    WheelMetadata metadata() throws IOException {
        try {
            fetch("bytes=-" + ZipDirectory.TAIL, -1, -1);
            return new WheelMetadata(DistInfo.metadata(this, wheel, shown), WheelMetadata.Via.RANGE_REQUESTS);
        } catch (RangesRefused refused) {
            if (!complete) {
                download();
            }
            try (FileChannel in = FileChannel.open(downloaded)) {
                return new WheelMetadata(DistInfo.metadata(ZipBytes.of(in), wheel, shown),
                        WheelMetadata.Via.FULL_DOWNLOAD);
            }
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public ByteBuffer read(long position, int length) throws IOException {
        long end = position + length;
        if (position < 0 || end > size) {
            throw new EOFException(length + " bytes at " + position + " run past the end (" + size + ")");
        }
        Optional<ByteBuffer> held = held(position, end);
        if (held.isPresent()) {
            return held.get();
        }
        // Only the part before a window that holds the end is fetched (the tail, usually).
        long fetchEnd = end;
        for (Window w : windows) {
            if (w.start() > position && w.start() < end && w.end() >= end) {
                fetchEnd = Math.min(fetchEnd, w.start());
            }
        }
        fetch("bytes=" + position + "-" + (fetchEnd - 1), position, fetchEnd);
        return held(position, end).orElseThrow(() -> new IllegalStateException("fetched bytes not held"));
    }

    /** The bytes from {@code position} to {@code end}, if the windows hold them (joining two if need be). */
    private Optional<ByteBuffer> held(long position, long end) {
        for (Window w : windows) {
            if (w.start() <= position && end <= w.end()) {
                return Optional.of(ZipDirectory.littleEndian(w.bytes())
                        .slice((int) (position - w.start()), (int) (end - position)).order(ByteOrder.LITTLE_ENDIAN));
            }
        }
        for (Window first : windows) {
            for (Window second : windows) {
                if (first.start() <= position && first.end() == second.start() && first.end() < end
                        && end <= second.end()) {
                    byte[] joined = new byte[(int) (end - position)];
                    int fromFirst = (int) (first.end() - position);
                    System.arraycopy(first.bytes(), (int) (position - first.start()), joined, 0, fromFirst);
                    System.arraycopy(second.bytes(), 0, joined, fromFirst, joined.length - fromFirst);
                    return Optional.of(ZipDirectory.littleEndian(joined));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One ranged request; its part becomes a window. {@code from} and {@code to} are what it must
     * cover (-1 for the first, suffix, request).
     */
    private void fetch(String range, long from, long to) throws IOException {
        Part part = new Part(from < 0 ? ZipDirectory.TAIL : to - from);
        Fetcher.Ranged answer = fetcher.getRange(wheel.url(), range, info -> info.status() == 206 ? part : whole())
                .orElseThrow(() -> fetcher.missing(wheel.url()));
        if (answer.status() == 200) {
            finishDownload();
            throw new RangesRefused("the server sent the whole file");
        }
        if (answer.status() == 416) {
            throw new RangesRefused("the server refused the range");
        }
        Matcher m = CONTENT_RANGE.matcher(answer.headers().firstValue("Content-Range").orElse(""));
        if (!m.matches()) {
            throw new RangesRefused("no usable Content-Range");
        }
        long start = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        byte[] bytes = part.bytes.toByteArray();
        boolean consistent = last - start + 1 == bytes.length && last < total && (size < 0 || size == total)
                && (from < 0 ? last == total - 1 : start <= from && to <= last + 1);
        if (!consistent) {
            throw new RangesRefused("the part sent is not the one asked for, or the file changed");
        }
        size = total;
        windows.add(new Window(start, bytes));
    }

    /** A 206's body, kept in memory (parts are small: the tail, a directory, one entry). */
    private final class Part implements ResponseBody {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long asked;

        Part(long asked) {
            this.asked = asked;
        }

        @Override
        public void start(Head head) {
            bytes.reset();
        }

        @Override
        public void accept(ByteBuffer b) throws IOException {
            if (bytes.size() + b.remaining() > asked) {
                throw new IOException(shown + ": the server sent more than the " + asked + " bytes asked for");
            }
            byte[] piece = new byte[b.remaining()];
            b.get(piece);
            bytes.writeBytes(piece);
        }
    }

    /** A 200's body, which is the whole wheel: streamed to the temporary file and verified. */
    private ResponseBody whole() {
        return streamed = new Index.Streamed(wheel, out, listener);
    }

    private void finishDownload() throws IOException {
        streamed.verify(shown);
        complete = true;
    }

    /** Fetches the whole wheel without a range. */
    private void download() throws IOException {
        Optional<ResponseBody.Head> head = fetcher.get(wheel.url(), "*/*", whole());
        if (head.isEmpty()) {
            throw fetcher.missing(wheel.url());
        }
        finishDownload();
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(downloaded);
        }
    }
}
