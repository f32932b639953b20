package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.axle.server.store.IndexConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first download of a file is streamed to the client while the proxy writes it: an upstream
 * (the JDK's HTTP server) sends half a file and waits; the client already has that half. A file
 * whose bytes do not match the upstream's sha256 is cut short and not kept.
 */
class StreamingProxyTest {
    private static final String WHEEL = "hello_axle-1.0-py3-none-any.whl";
    private static final int SIZE = 4 * 1024 * 1024;

    @TempDir
    Path temp;
    private HttpServer upstream;
    private final CountDownLatch rest = new CountDownLatch(1);
    private final AtomicInteger fileRequests = new AtomicInteger();
    private final byte[] bytes = new byte[SIZE];
    private ServerRoot root;
    private IndexServer proxy;

    @BeforeEach
    void start() throws Exception {
        new Random(42).nextBytes(bytes);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/files/", exchange -> {
            fileRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes, 0, SIZE / 2);
                out.flush();
                if (!rest.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never let the rest go");
                }
                out.write(bytes, SIZE / 2, SIZE - SIZE / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
        root = ServerRoot.open(temp.resolve("root"));
        root.store().saveIndex(new IndexConfig("mirror", List.of(), false, Optional.of(
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/simple/")), List.of()));
        proxy = IndexServer.start(root, "127.0.0.1", 0);
    }

    private void page(String sha256) {
        byte[] page = ("<a href=\"/files/" + WHEEL + "#sha256=" + sha256 + "\">" + WHEEL + "</a>\n")
                .getBytes(StandardCharsets.UTF_8);
        upstream.createContext("/simple/hello-axle/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
    }

    @AfterEach
    void stop() {
        rest.countDown();
        proxy.close();
        root.close();
        upstream.stop(0);
    }

    private InputStream download() throws Exception {
        // A proxy index's files are those of the listings it fetched, as a client's page request fetches them.
        assertThat(Http.get(proxy.uri(), "/mirror/simple/hello-axle/").statusCode()).isEqualTo(200);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                proxy.uri().resolve("/mirror/files/hello-axle/" + WHEEL)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theFirstDownloadIsStreamedWhileTheProxyWritesIt() throws Exception {
        page(Published.hex("SHA-256", bytes));
        try (InputStream in = download()) {
            byte[] half = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readNBytes(SIZE / 2);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(20, TimeUnit.SECONDS); // while the upstream still holds the second half back
            rest.countDown();
            byte[] second = in.readAllBytes();
            assertThat(half.length + second.length).isEqualTo(SIZE);
            assertThat(Published.hex("SHA-256", concat(half, second))).isEqualTo(Published.hex("SHA-256", bytes));
        }
        try (InputStream again = download()) {
            assertThat(again.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(fileRequests).hasValue(1);
    }

    @Test
    void bytesThatDoNotMatchTheUpstreamsHashAreCutShortAndNotKept() throws Exception {
        page("0".repeat(64));
        rest.countDown();
        Throwable failure = catchThrowable(() -> {
            try (InputStream in = download()) {
                assertThat(in.readAllBytes().length).isLessThan(SIZE);
            }
        });
        if (failure != null) {
            assertThat(failure).isInstanceOf(IOException.class);
        }
        assertThat(Http.get(proxy.uri(), "/mirror/simple/hello-axle/").statusCode()).isEqualTo(200);
        HttpResponse<String> again = Http.get(proxy.uri(), "/mirror/files/hello-axle/" + WHEEL, "Range", "bytes=0-1");
        assertThat(again.statusCode()).isEqualTo(502);
        assertThat(again.body()).contains("Hash mismatch").contains("nothing was kept");
        assertThat(root.blobs().size(root.store().file("mirror", WHEEL).orElseThrow().blobKey())).isEmpty();
        assertThat(fileRequests).hasValue(2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
