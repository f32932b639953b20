package dev.axle.index;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The JDK's HTTP server on 127.0.0.1 and a free port, for what a static server cannot do:
 * chosen content types, statuses, redirects, delays, authentication, caching headers, https.
 * Records every request.
 */
final class LoopbackServer implements AutoCloseable {
    /** A request as the server saw it: the path, some headers, all headers, the request target. */
    record Request(String path, String accept, String userAgent, String authorization, Headers headers, URI target) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        this(null);
    }

    /** Serves https with {@code tls}'s key and certificate, or plain http if it is null. */
    LoopbackServer(SSLContext tls) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(threads); // handlers that sleep must not hold up the others
        server.start();
    }

    /** Answers requests under {@code path} with {@code handler}, recording them first. */
    LoopbackServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            var h = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestURI().getPath(), h.getFirst("Accept"),
                    h.getFirst("User-Agent"), h.getFirst("Authorization"), new Headers(h), exchange.getRequestURI()));
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    URI url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
