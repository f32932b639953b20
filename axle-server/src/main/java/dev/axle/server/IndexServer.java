package dev.axle.server;

import dev.axle.server.http.Routes;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The index server: Jetty's core handlers on virtual threads, serving one {@link ServerRoot}.
 * One server per folder ({@link ServingLock}); starting sweeps the temporary files a killed
 * server left behind.
 */
public final class IndexServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ServerRoot root;
    private final Upstreams upstreams;
    private final ServingLock lock;
    private final Routes routes;

    private IndexServer(Server server, ServerConnector connector, ServerRoot root, Upstreams upstreams,
            ServingLock lock, Routes routes) {
        this.routes = routes;
        this.lock = lock;
        this.upstreams = upstreams;
        this.server = server;
        this.connector = connector;
        this.root = root;
    }

    /** How long a proxy index keeps an upstream's listing of a project before fetching it again. */
    public static final Duration DEFAULT_PROXY_TTL = Duration.ofMinutes(10);

    /** Starts serving {@code root} on {@code host}:{@code port} (0 picks a free port). */
    public static IndexServer start(ServerRoot root, String host, int port) throws IOException {
        return start(root, host, port, DEFAULT_PROXY_TTL);
    }

    /** Starts serving, with proxy indexes keeping upstream listings for {@code proxyTtl}. */
    public static IndexServer start(ServerRoot root, String host, int port, Duration proxyTtl) throws IOException {
        ServingLock lock = ServingLock.acquire(root.root());
        try {
            return start(root, host, port, proxyTtl, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static IndexServer start(ServerRoot root, String host, int port, Duration proxyTtl, ServingLock lock)
            throws IOException {
        // Only now, with the folder ours alone: another server's uploads in progress live there.
        root.blobs().sweepTemporaries();
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName("axle-server");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Upstreams upstreams = new Upstreams(root.store(), root.blobs(), proxyTtl, Clock.systemUTC());
        // Stopping lets requests in flight finish (up to the stop timeout) before connections close.
        GracefulHandler graceful = new GracefulHandler();
        Routes routes = new Routes(root.store(), root.blobs(), upstreams, server.getByteBufferPool());
        graceful.setHandler(routes);
        server.setHandler(graceful);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new IndexServer(server, connector, root, upstreams, lock, routes);
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The server's base URL, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Answers {@code /health/ready} with 503 from now on, stops accepting connections, lets
     * requests in progress finish (up to 5 s), then stops.
     */
    @Override
    public void close() {
        routes.stopping();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server: " + e.getMessage(), e);
        } finally {
            upstreams.close();
            lock.close();
        }
    }

    public ServerRoot root() {
        return root;
    }
}
