package dev.axle.cli;

import dev.axle.server.IndexServer;
import dev.axle.server.OrphanSweeper;
import dev.axle.server.ServerConfig;
import dev.axle.server.ServerRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axle serve}: runs the index server until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a PyPI-compatible package index from a folder (files plus SQLite), or from a"
                + " PostgreSQL database and an S3 bucket that several servers share (--database, --storage): the"
                + " simple API at /{index}/simple/ (the index main also at /simple/), uploads at /{index}/ for twine"
                + " with an API token (axle token create); /health/live and /health/ready for load balancers.")
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
        if (config.database().isPresent() && config.storage().isEmpty()) {
            // A valid single server, but not a replica: the others could list files they cannot send.
            spec.commandLine().getErr().println("axle serve: warning: files are kept in " + config.root().resolve(
                    "files") + ", which other servers on the same database cannot send; give --storage s3://... to"
                    + " run replicas");
            spec.commandLine().getErr().flush();
        }
        ServerRoot served = ServerRoot.open(config);
        IndexServer server;
        try {
            server = IndexServer.start(served, host, port);
        } catch (Exception e) {
            served.close();
            throw e;
        }
        ScheduledExecutorService sweeper = sweepOrphans(served, spec.commandLine().getErr());
        Thread stop = new Thread(() -> {
            sweeper.shutdownNow();
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

    /**
     * Sweeps the stored files no index lists (see {@code axle index sweep}) a minute after start
     * and every hour after, keeping those stored in the last hour.
     */
    private static ScheduledExecutorService sweepOrphans(ServerRoot served, PrintWriter err) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual()
                .name("axle-serve-sweep").factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                OrphanSweeper.Report report = new OrphanSweeper(served.store(), served.blobs()).sweep();
                if (report.deleted() > 0) {
                    err.println(IndexCommand.describe(report));
                    err.flush();
                }
            } catch (IOException | RuntimeException e) {
                err.println("axle serve: the orphan sweep failed, next in an hour: " + e.getMessage());
                err.flush();
            }
        }, 1, 60, TimeUnit.MINUTES);
        return sweeper;
    }
}
