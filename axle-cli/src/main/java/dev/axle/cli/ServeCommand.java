package dev.axle.cli;

import dev.axle.server.IndexServer;
import dev.axle.server.ServerConfig;
import dev.axle.server.ServerRoot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axle serve}: runs the index server until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a PyPI-compatible package index from a folder (files plus SQLite): the simple API at"
                + " /{index}/simple/ (the index main also at /simple/), uploads at /{index}/ for twine with an"
                + " API token (axle token create).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerRootOption root;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "The address to listen on"
            + " (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a"
            + " free one, which is printed).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + " is not a port: give 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = root.config();
        ServerRoot served = ServerRoot.open(config);
        IndexServer server;
        try {
            server = IndexServer.start(served, host, port);
        } catch (Exception e) {
            served.close();
            throw e;
        }
        Thread stop = new Thread(() -> {
            server.close();
            served.close();
        }, "axle-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("Serving " + config.describe() + " at " + server.uri() + " (pip: --index-url " + server.uri()
                + "simple/; twine: --repository-url " + server.uri() + "main/)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        server.join();
        return 0;
    }
}
