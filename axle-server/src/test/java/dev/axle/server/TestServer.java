package dev.axle.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A server folder with an upload token for index {@code main}, served on a free loopback
 * port: what the tests of uploads, installs and publishing start from.
 */
public record TestServer(ServerRoot root, IndexServer server, String token) implements AutoCloseable {
    public static TestServer start(Path folder) throws IOException {
        ServerRoot root = ServerRoot.open(folder);
        String token = new Tokens(root.store()).create("main", "ci");
        return new TestServer(root, IndexServer.start(root, "127.0.0.1", 0), token);
    }

    /** The server's base URL. */
    public URI base() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
        root.close();
    }
}
