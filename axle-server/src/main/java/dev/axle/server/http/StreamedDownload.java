package dev.axle.server.http;

import dev.axle.server.proxy.Transfer;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * The first plain GET of a proxied file gets the bytes as they arrive from the upstream, all but
 * the last held back until the download is verified against the listing's sha256; when it
 * fails, the response is aborted, so a client never receives a whole file that was not verified.
 */
final class StreamedDownload {
    private StreamedDownload() {}

    /** Only a plain GET streams; HEAD, ranges and conditional requests wait for the kept file. */
    static boolean streamable(Exchange x) {
        return !x.isHead() && x.header(HttpHeader.RANGE) == null && x.header(HttpHeader.IF_NONE_MATCH) == null;
    }

    /** Streams the download in progress; false, having sent nothing, when it is already over. */
    static boolean stream(Exchange x, StoredFile file, Transfer transfer, Metrics metrics)
            throws IOException, InterruptedException {
        Transfer.Progress progress = transfer.awaitBeyond(0);
        Optional<Path> partial = progress.done() ? Optional.empty() : transfer.partial();
        if (partial.isEmpty()) {
            return false;
        }
        FileChannel in;
        try {
            in = FileChannel.open(partial.get());
        } catch (NoSuchFileException e) {
            return false; // renamed into place meanwhile: served from the store
        }
        x.response.setStatus(200);
        x.headers().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        x.headers().put(HttpHeader.ETAG, '"' + file.sha256() + '"');
        x.headers().put(HttpHeader.CACHE_CONTROL, Exchange.FILE_CACHE);
        x.headers().put(HttpHeader.ACCEPT_RANGES, "bytes");
        if (progress.total() >= 0) {
            x.headers().put(HttpHeader.CONTENT_LENGTH, progress.total());
        }
        OutputStream out = Content.Sink.asOutputStream(x.response);
        long sent = 0;
        try (in) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (true) {
                progress = transfer.awaitBeyond(sent);
                if (progress.done()) {
                    transfer.await(); // throws when the download failed
                }
                long limit = progress.done() ? in.size()
                        : progress.total() >= 0 ? Math.min(progress.downloaded(), progress.total() - 1)
                        : progress.downloaded();
                while (sent < limit) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), limit - sent));
                    int n = in.read(buffer, sent);
                    if (n <= 0) {
                        break; // a retried download starts the file again: wait for it to catch up
                    }
                    out.write(buffer.array(), 0, n);
                    sent += n;
                }
                if (progress.done() && sent >= limit) {
                    break;
                }
                if (sent < limit) {
                    Thread.sleep(10);
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            metrics.served(sent);
            x.callback.failed(e); // aborts the response: the client sees it cut short
            return true;
        }
        out.close();
        metrics.served(sent);
        x.callback.succeeded();
        return true;
    }
}
