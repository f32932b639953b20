package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.axle.server.store.IndexConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream (the JDK's HTTP server) that answers a listing once, then 503: past the TTL the
 * proxy serves the listing it kept, and asks the upstream again only after a pause, so requests
 * during an outage do not each wait on the upstream.
 */
class StaleIfErrorTest {
    private static final String WHEEL = "hello_axle-1.0-py3-none-any.whl";

    @TempDir
    Path temp;
    private HttpServer upstream;
    private final AtomicInteger pageRequests = new AtomicInteger();
    private ServerRoot root;
    private IndexServer proxy;

    @BeforeEach
    void start() throws Exception {
        byte[] page = ("<a href=\"/files/" + WHEEL + "#sha256=" + "a".repeat(64) + "\">" + WHEEL + "</a>\n")
                .getBytes(StandardCharsets.UTF_8);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/simple/hello-axle/", exchange -> {
            boolean first = pageRequests.incrementAndGet() == 1;
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(first ? 200 : 503, first ? page.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (first) {
                    out.write(page);
                }
            }
        });
        upstream.start();
        root = ServerRoot.open(temp.resolve("root"));
        root.store().saveIndex(new IndexConfig("mirror", List.of(), false, Optional.of(
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/simple/")), List.of(),
                Optional.of(Duration.ofSeconds(1))));
        proxy = IndexServer.start(root, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        proxy.close();
        root.close();
        upstream.stop(0);
    }

    @Test
    void aKeptListingAnswersWhileTheUpstreamFailsWithoutAskingItEachTime() throws Exception {
        assertThat(Http.get(proxy.uri(), "/mirror/simple/hello-axle/").body()).contains(WHEEL);
        assertThat(pageRequests).hasValue(1);
        Thread.sleep(1_200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> stale = Http.get(proxy.uri(), "/mirror/simple/hello-axle/");
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).contains(WHEEL);
        }
        // One refetch (tried twice: the client retries a 503), then the kept listing for a while.
        assertThat(pageRequests).hasValue(3);
        Thread.sleep(1_200);
        assertThat(Http.get(proxy.uri(), "/mirror/simple/hello-axle/").statusCode()).isEqualTo(200);
        assertThat(pageRequests).hasValue(5); // the pause is the TTL when shorter than 30 s
    }
}
