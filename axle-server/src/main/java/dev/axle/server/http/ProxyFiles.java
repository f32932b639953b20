package dev.axle.server.http;

import dev.axle.server.Catalog;
import dev.axle.server.proxy.Proxy;
import dev.axle.server.proxy.Transfer;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * Files of a proxy index: those its pages list (the catalog decides, so the allow-list and the
 * private-names rule hold for files too), kept from the upstream on first request and then
 * served from the store like any file, ranges and HEAD included. The first plain GET gets the
 * bytes as they arrive from the upstream, all but the last held back until the download is
 * verified against the upstream's hashes; when it fails the response is aborted, so a client
 * never receives a whole file that was not verified.
 */
final class ProxyFiles {
    private final Catalog catalog;
    private final Proxy proxy;
    private final FileResponses files;
    private final Metrics metrics;

    ProxyFiles(Catalog catalog, Proxy proxy, FileResponses files, Metrics metrics) {
        this.catalog = catalog;
        this.proxy = proxy;
        this.files = files;
        this.metrics = metrics;
    }

    void serve(Exchange x, IndexConfig config, String project, String filename) throws IOException {
        boolean metadata = filename.endsWith(".metadata");
        String distribution = metadata ? filename.substring(0, filename.length() - ".metadata".length()) : filename;
        Optional<StoredFile> listed = catalog.project(config.name(), project).flatMap(view -> view.files().stream()
                .filter(f -> f.filename().equals(distribution) && f.index().equals(config.name())).findFirst());
        if (listed.isEmpty() || (metadata && !proxy.keepMetadata(config, listed.get()))) {
            x.text(404, "Not Found: no file '" + filename + "' of project '" + project + "' on index '"
                    + config.name() + "'");
            return;
        }
        if (metadata) {
            x.route = "metadata";
            StoredFile f = listed.get();
            files.serve(x, f.metadataBlobKey(), f.metadataSha256().orElseThrow(), "text/plain; charset=utf-8");
        } else {
            Transfer transfer = proxy.transfer(config, listed.get());
            try {
                if (!streamable(x) || !stream(x, listed.get(), transfer)) {
                    StoredFile kept = transfer.await();
                    files.serve(x, kept.blobKey(), kept.sha256(), "application/octet-stream");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted serving " + filename);
            }
        }
    }

    /** Only a plain GET streams; HEAD, ranges and conditional requests wait for the kept file. */
    private static boolean streamable(Exchange x) {
        return !x.isHead() && x.header(HttpHeader.RANGE) == null && x.header(HttpHeader.IF_NONE_MATCH) == null;
    }

    /** Streams the download in progress; false, having sent nothing, when it is already over. */
    private boolean stream(Exchange x, StoredFile listed, Transfer transfer) throws IOException, InterruptedException {
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
        if (!listed.sha256().isEmpty()) {
            x.headers().put(HttpHeader.ETAG, '"' + listed.sha256() + '"');
        }
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
                // Until verified, the last byte stays here: a client never completes an unverified file.
                long limit = progress.done() ? transfer.await().size()
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
