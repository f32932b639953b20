package dev.axle.cli;

import dev.axle.server.ServerRoot;
import dev.axle.server.Tokens;
import dev.axle.server.store.Token;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axle token create|list|revoke}: the index server's API tokens, acting on its folder directly. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list or revoke the index server's API tokens (they allow uploads to one index).",
        subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class OnIndex {
        @Mixin
        ServerRootOption root;

        @Option(names = "--index", paramLabel = "INDEX", defaultValue = "main", description = "The index (default: ${DEFAULT-VALUE}).")
        String index;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token allowing uploads to an index and print it: it is shown only this once.")
    static final class Create extends OnIndex implements Callable<Integer> {
        @Option(names = "--name", paramLabel = "NAME", required = true, description = "A name to list and revoke it by.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (ServerRoot served = root.open()) {
                String secret;
                try {
                    secret = new Tokens(served.store()).create(index, name);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                out().println(secret);
                spec.commandLine().getErr().println("Token '" + name + "' allows uploads to index '" + index
                        + "'; it is shown only now. twine: --username __token__ --password <token>");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List an index's tokens (names only).")
    static final class List extends OnIndex implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (ServerRoot served = root.open()) {
                for (Token t : served.store().tokens(index)) {
                    out().println(t.name() + "\t" + t.created());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
    static final class Revoke extends OnIndex implements Callable<Integer> {
        @Option(names = "--name", paramLabel = "NAME", required = true, description = "The token's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (ServerRoot served = root.open()) {
                if (!served.store().revokeToken(index, name)) {
                    throw new UsageException("index '" + index + "' has no token named '" + name + "'");
                }
                out().println("Revoked token '" + name + "' of index '" + index + "'");
            }
            return 0;
        }
    }
}
