package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.mirror.target.MirrorTargets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream behind a front that answers each path's first request with 429 (Retry-After: 1),
 * then 503, then passes it through: the mirror retries politely and the sync completes.
 */
class FlakyUpstreamTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() throws Exception {
        try (UpstreamIndex upstream = UpstreamIndex.start(temp)) {
            upstream.wheel("flaky", "1.0");
            URI origin = upstream.simple().resolve("/");
            Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            HttpServer front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            front.createContext("/", exchange -> {
                int n = seen.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger())
                        .incrementAndGet();
                if (n == 1) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    send(exchange, 429, new byte[0]);
                } else if (n == 2) {
                    send(exchange, 503, new byte[0]);
                } else {
                    pass(exchange, origin);
                }
            });
            front.start();
            try {
                URI simple = URI.create("http://127.0.0.1:" + front.getAddress().getPort() + "/simple/");
                IndexOptions polite = IndexOptions.defaults().withRetries(3, Duration.ofMillis(50), Duration.ofSeconds(2));
                long start = System.nanoTime();
                SyncReport report;
                try (Index index = Index.of(simple, polite);
                        MirrorTarget target = MirrorTargets.open(new Destination.Folder(temp.resolve("mirror")))) {
                    report = new Mirror(index, target, MirrorFilters.NONE, MirrorOptions.defaults(),
                            MirrorListener.NONE).sync();
                }
                assertThat(report.failures()).isEmpty();
                assertThat(report.filesFetched()).isEqualTo(1);
                assertThat(report.metadataFetched()).isEqualTo(1);
                assertThat(seen).as("list, page, file and metadata file: three requests each").hasSize(4)
                        .allSatisfy((path, count) -> assertThat(count.get()).as(path).isEqualTo(3));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("four Retry-After waits of 1 s")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            } finally {
                front.stop(0);
            }
        }
    }

    private static void pass(HttpExchange exchange, URI origin) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve(exchange.getRequestURI().toString()));
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String header : List.of("Content-Type", "X-PyPI-Last-Serial")) {
                response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().set(header, v));
            }
            send(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
