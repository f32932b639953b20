package dev.axle.server.http;

import dev.axle.server.blob.BlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Serves a blob: strong ETag (its sha256), immutable caching, HEAD, and single byte ranges
 * (RFC 9110: 206 with Content-Range, 416 when unsatisfiable; several ranges get the whole file).
 * When the blob store gives a download URL (a presigned S3 URL), a GET is redirected there
 * instead, with no ETag: a cache revalidating the redirect must not keep its expired URL.
 */
final class FileResponses {
    /** A satisfiable byte range: first byte and length. */
    record ByteRange(long start, long length) {}

    /** How long a redirect's URL works; clients may keep the redirect for a third of that. */
    static final Duration DOWNLOAD_URL_VALIDITY = Duration.ofMinutes(15);
    private static final String REDIRECT_CACHE = "private, max-age=300";

    private final BlobStore blobs;
    private final ByteBufferPool.Sized buffers;
    private final Metrics metrics;

    FileResponses(BlobStore blobs, ByteBufferPool.Sized buffers, Metrics metrics) {
        this.blobs = blobs;
        this.buffers = buffers;
        this.metrics = metrics;
    }

    void serve(Exchange x, String key, String sha256, String contentType) throws IOException {
        String etag = '"' + sha256 + '"';
        if (!x.isHead() && !Exchange.matches(x.header(HttpHeader.IF_NONE_MATCH), etag)) {
            Optional<URI> direct = blobs.downloadUrl(key, DOWNLOAD_URL_VALIDITY);
            if (direct.isPresent()) {
                x.headers().put(HttpHeader.LOCATION, direct.get().toString());
                x.headers().put(HttpHeader.CACHE_CONTROL, REDIRECT_CACHE);
                x.text(302, "Found: " + direct.get());
                return;
            }
        }
        Optional<SeekableByteChannel> opened = blobs.open(key);
        if (opened.isEmpty()) {
            x.text(404, "Not Found: the file's bytes are missing from the store");
            return;
        }
        SeekableByteChannel channel = opened.get();
        long total;
        try {
            total = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        x.headers().put(HttpHeader.ETAG, etag);
        x.headers().put(HttpHeader.CACHE_CONTROL, Exchange.FILE_CACHE);
        x.headers().put(HttpHeader.ACCEPT_RANGES, "bytes");
        x.headers().put(HttpHeader.CONTENT_TYPE, contentType);
        if (Exchange.matches(x.header(HttpHeader.IF_NONE_MATCH), etag)) {
            channel.close();
            x.response.setStatus(304);
            x.response.write(true, null, x.callback);
            return;
        }
        String range = x.header(HttpHeader.RANGE);
        String ifRange = x.header(HttpHeader.IF_RANGE);
        ByteRange wanted = new ByteRange(0, total);
        int status = 200;
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Optional<ByteRange> parsed;
            try {
                parsed = parse(range, total);
            } catch (IllegalArgumentException e) {
                channel.close();
                x.headers().put(HttpHeader.CONTENT_RANGE, "bytes */" + total);
                x.text(416, "Range Not Satisfiable: " + range + " (the file has " + total + " bytes)");
                return;
            }
            if (parsed.isPresent()) {
                wanted = parsed.get();
                status = 206;
                x.headers().put(HttpHeader.CONTENT_RANGE, "bytes " + wanted.start() + "-"
                        + (wanted.start() + wanted.length() - 1) + "/" + total);
            }
        }
        x.response.setStatus(status);
        x.headers().put(HttpHeader.CONTENT_LENGTH, wanted.length());
        if (x.isHead() || wanted.length() == 0) {
            channel.close();
            x.response.write(true, null, x.callback);
            return;
        }
        long length = wanted.length();
        Callback done = Callback.from(x.callback, () -> {
            metrics.served(length);
            close(channel);
        });
        Callback finished = Callback.from(done, failure -> close(channel));
        if (channel instanceof FileChannel file) {
            new MappedWrite(file, wanted.start(), length, x, finished).iterate();
            return;
        }
        Content.copy(Content.Source.from(buffers, channel, wanted.start(), length), x.response, finished);
    }

    /**
     * Writes a file's bytes from memory-mapped windows of it: the socket write then copies
     * straight from the page cache, with no read into a buffer first (reading into pooled
     * buffers gave 0.59x nginx's bandwidth on one 18 MB wheel; see docs/benchmarks.md).
     * Stored files never change once written, so a mapping cannot see them shrink.
     */
    private static final class MappedWrite extends IteratingCallback {
        private static final long WINDOW = 4L << 20;
        private final FileChannel file;
        private final long end;
        private final Exchange x;
        private final Callback done;
        private long position;
        private MappedByteBuffer written;

        MappedWrite(FileChannel file, long start, long length, Exchange x, Callback done) {
            this.file = file;
            this.position = start;
            this.end = start + length;
            this.x = x;
            this.done = done;
        }

        @Override
        protected Action process() throws IOException {
            unmap();
            if (position >= end) {
                return Action.SUCCEEDED;
            }
            long n = Math.min(WINDOW, end - position);
            written = file.map(FileChannel.MapMode.READ_ONLY, position, n);
            position += n;
            x.response.write(position >= end, written, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            unmap();
            done.failed(cause);
        }

        /**
         * Unmaps the window just written. Left to the garbage collector, the windows of every
         * download since the last collection stay mapped, and count in the server's resident
         * memory (gigabytes after a few hundred downloads of a big wheel).
         */
        private void unmap() {
            MappedByteBuffer window = written;
            written = null;
            if (window != null) {
                Unmapping.unmap(window);
            }
        }
    }

    private static void close(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /**
     * The range a Range header asks for: empty when it is to be ignored (not bytes, several
     * ranges, malformed), IllegalArgumentException when no byte of it is in the file.
     */
    static Optional<ByteRange> parse(String header, long size) {
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        try {
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    throw new IllegalArgumentException("empty suffix range");
                }
                long n = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - n, n));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start < 0 || (!last.isEmpty() && Long.parseLong(last) < start)) {
                return Optional.empty(); // invalid: ignored, RFC 9110 14.1.1
            }
            if (start >= size) {
                throw new IllegalArgumentException("range starts after the end");
            }
            return Optional.of(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
