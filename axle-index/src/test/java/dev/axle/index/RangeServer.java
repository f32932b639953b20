package dev.axle.index;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file over loopback in one of the ways servers treat the Range header, recording
 * each request's Range header (null without one) and how many body bytes it sent.
 */
final class RangeServer implements AutoCloseable {
    /** How the server answers a Range header. */
    enum Ranges {
        /** Single ranges ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) with 206 and Content-Range. */
        HONOURED,
        /** As if there were none: 200 with the whole file. */
        IGNORED,
        /** 416 for any range; the whole file without one. */
        REFUSED
    }

    /** A request: its Range header and the body bytes sent in answer. */
    record Request(String range, int status, long sent) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final LoopbackServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    RangeServer(String path, byte[] file, Ranges ranges) throws IOException {
        server = new LoopbackServer().on(path, x -> answer(x, file, ranges));
    }

    URI url(String path) {
        return server.url(path);
    }

    long bytesSent() {
        return requests.stream().mapToLong(Request::sent).sum();
    }

    private void answer(HttpExchange x, byte[] file, Ranges ranges) throws IOException {
        String range = x.getRequestHeaders().getFirst("Range");
        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (ranges == Ranges.HONOURED) {
            x.getResponseHeaders().set("Accept-Ranges", "bytes");
        }
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (range == null || ranges == Ranges.IGNORED) {
            send(x, range, 200, file, 0, file.length);
        } else if (ranges == Ranges.REFUSED || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            x.getResponseHeaders().set("Content-Range", "bytes */" + file.length);
            send(x, range, 416, file, 0, 0);
        } else {
            long first;
            long last;
            if (m.group(1).isEmpty()) {
                first = Math.max(0, file.length - Long.parseLong(m.group(2)));
                last = file.length - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? file.length - 1 : Math.min(file.length - 1, Long.parseLong(m.group(2)));
            }
            x.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + file.length);
            send(x, range, 206, file, (int) first, (int) (last + 1));
        }
    }

    private void send(HttpExchange x, String range, int status, byte[] file, int from, int to) throws IOException {
        requests.add(new Request(range, status, to - from));
        x.sendResponseHeaders(status, to == from ? -1 : to - from);
        x.getResponseBody().write(file, from, to - from);
    }

    @Override
    public void close() {
        server.close();
    }
}
