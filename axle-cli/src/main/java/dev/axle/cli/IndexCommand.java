package dev.axle.cli;

import dev.axle.server.OrphanSweeper;
import dev.axle.server.ServerRoot;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code axle index create|list}: the index server's indexes and their bases. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Create or list the index server's indexes.",
        subcommands = {IndexCommand.Create.class, IndexCommand.ListIndexes.class, IndexCommand.Sweep.class})
final class IndexCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create (or reconfigure) an index, served at /NAME/simple/.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ServerRootOption root;

        @Parameters(paramLabel = "NAME", description = "The index's name.")
        String name;

        @Option(names = {"--base", "--bases"}, split = ",", paramLabel = "INDEX", description = "Indexes whose"
                + " projects this one shows too, looked up in the order given; repeatable or comma-separated.")
        List<String> bases = new ArrayList<>();

        @Option(names = "--merge", description = "Merge a project's files from every index of the chain instead of"
                + " taking them from the first that has the project.")
        boolean merge;

        @Option(names = "--upstream", paramLabel = "URL", description = "Make it a proxy index of this simple API"
                + " (such as https://pypi.org/simple/): listings fetched on demand and kept a while, files kept.")
        URI upstream;

        @Option(names = "--allow", paramLabel = "PATTERN", description = "Projects a proxy index may take from its"
                + " upstream (a glob on normalized names: * any run of characters, ? one); repeatable; none allows"
                + " all. A name on a private index of the same chain is never taken from upstream.")
        List<String> allow = new ArrayList<>();

        @Option(names = "--ttl", paramLabel = "SECONDS", description = "How long a proxy index keeps an upstream's"
                + " listing of a project before fetching it again (default: the server's, 600).")
        Long ttl;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (upstream == null && (ttl != null || !allow.isEmpty())) {
                throw new UsageException("--ttl and --allow configure a proxy index: give its --upstream URL");
            }
            if (ttl != null && ttl < 0) {
                throw new UsageException("--ttl " + ttl + " is negative: give seconds, 0 to always ask the upstream");
            }
            IndexConfig config;
            try {
                if (upstream != null && !List.of("http", "https").contains(String.valueOf(upstream.getScheme()))) {
                    throw new IllegalArgumentException("--upstream " + upstream + " is not an http(s) URL");
                }
                config = new IndexConfig(name, bases, merge, Optional.ofNullable(upstream), allow,
                        Optional.ofNullable(ttl).map(Duration::ofSeconds));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (ServerRoot served = root.open()) {
                for (String base : bases) {
                    if (served.store().index(base).isEmpty()) {
                        throw new UsageException("there is no index '" + base + "' to use as a base");
                    }
                }
                served.store().saveIndex(config);
            }
            spec.commandLine().getOut().println("Index '" + name + "'" + describe(config));
            return 0;
        }
    }

    static String describe(IndexConfig c) {
        if (c.upstream().isPresent()) {
            return ": proxy of " + c.shownUpstream().orElseThrow() + (c.allow().isEmpty() ? "" : ", allowing "
                    + String.join(", ", c.allow())) + c.ttl().map(t -> ", listings kept " + t.toSeconds() + " s")
                    .orElse("");
        }
        return c.bases().isEmpty() ? "" : ": bases " + String.join(", ", c.bases()) + (c.merge() ? " (merged)" : "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the indexes and their bases.")
    static final class ListIndexes implements Callable<Integer> {
        @Mixin
        ServerRootOption root;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ServerRoot served = root.open()) {
                for (IndexConfig c : served.store().indexes()) {
                    spec.commandLine().getOut().println(c.name() + describe(c));
                }
            }
            return 0;
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true, description = "Delete the stored files no index lists:"
            + " what a server killed between storing a file and recording it left behind. Files stored less than"
            + " --grace ago are kept (an upload in flight on some server). axle serve sweeps every hour too.")
    static final class Sweep implements Callable<Integer> {
        @Mixin
        ServerRootOption root;

        @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "3600", description = "Keep files stored"
                + " less than this many seconds ago (default: ${DEFAULT-VALUE}).")
        long grace;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (grace < 0) {
                throw new UsageException("--grace " + grace + " is negative: give seconds");
            }
            try (ServerRoot served = root.open()) {
                OrphanSweeper.Report report = new OrphanSweeper(served.store(), served.blobs(),
                        Duration.ofSeconds(grace), Clock.systemUTC()).sweep();
                spec.commandLine().getOut().println(describe(report));
            }
            return 0;
        }
    }

    static String describe(OrphanSweeper.Report r) {
        return "Swept " + r.blobs() + " stored file" + (r.blobs() == 1 ? "" : "s") + ": deleted " + r.deleted()
                + " no index lists (" + r.deletedBytes() + " bytes), kept " + r.recent() + " too recent to judge";
    }
}
