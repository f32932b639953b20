package dev.axle.cli;

import dev.axle.server.ServerRoot;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
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
        subcommands = {IndexCommand.Create.class, IndexCommand.ListIndexes.class})
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

        @Option(names = "--upstream", paramLabel = "URL", description = "Make it a proxy index of this simple"
                + " index (such as https://pypi.org/simple/ or another axle server's /main/simple/): pages fetched"
                + " on demand, files downloaded once and kept.")
        URI upstream;

        @Option(names = "--ttl", paramLabel = "SECONDS", description = "How long a proxy index uses an upstream"
                + " page before fetching it again (default: 600).")
        Long ttl;

        @Option(names = "--allow", paramLabel = "PATTERN", description = "A name (glob: * and ?) a proxy index takes"
                + " from its upstream; repeatable; none: every name. A name a private index of the chain has is"
                + " never taken from the upstream.")
        List<String> allow = new ArrayList<>();

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
                config = new IndexConfig(name, bases, merge, Optional.ofNullable(upstream),
                        ttl == null ? IndexConfig.DEFAULT_TTL : Duration.ofSeconds(ttl), allow);
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
            spec.commandLine().getOut().println("Index '" + name + "'" + (bases.isEmpty() ? ""
                    : " with bases " + String.join(", ", bases) + (merge ? " (merged)" : ""))
                    + (config.proxy() ? ", " + proxy(config) : ""));
            return 0;
        }
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
                    spec.commandLine().getOut().println(c.name() + (c.bases().isEmpty() ? ""
                            : "\tbases: " + String.join(", ", c.bases()) + (c.merge() ? " (merged)" : ""))
                            + (c.proxy() ? "\t" + proxy(c) : ""));
                }
            }
            return 0;
        }
    }

    /** A proxy index's settings, as create and list show them. */
    static String proxy(IndexConfig config) {
        return "proxy of " + config.shownUpstream().orElseThrow() + " (pages kept " + config.ttl().toSeconds() + " s"
                + (config.allow().isEmpty() ? "" : "; allows " + String.join(", ", config.allow())) + ")";
    }
}
