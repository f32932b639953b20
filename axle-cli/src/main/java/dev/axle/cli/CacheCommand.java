package dev.axle.cli;

import dev.axle.installer.cache.WheelCache;
import dev.axle.installer.removal.Removal;
import dev.axle.installer.removal.RemovalListener;
import dev.axle.installer.removal.RemovalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code axle cache dir|clean|prune}. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Show or clean axle's cache of unpacked wheels and interpreter answers.",
        subcommands = {CacheCommand.Dir.class, CacheCommand.Clean.class, CacheCommand.Prune.class})
final class CacheCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "dir", mixinStandardHelpOptions = true, description = "Print the cache folder.")
    static final class Dir extends CacheUsingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Session session = session();
            session.out.println(session.cache.root());
            return 0;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Remove everything in the cache. Installed environments keep working: their files are"
                    + " links or copies, not references.")
    static final class Clean extends CacheUsingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            Session session = session();
            Path root = session.cache.root();
            if (!Files.exists(root)) {
                session.out.println("No cache at " + root);
                return 0;
            }
            RemovalResult result = Removal.deleteTree(root, RemovalListener.NONE);
            session.out.println("Removed " + result.removed() + " files and folders from " + root);
            return reportLeftovers(session, result);
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove what no run can use: unfinished entries left by interrupted runs.")
    static final class Prune extends CacheUsingCommand implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            Session session = session();
            WheelCache wheels = new WheelCache(session.cache.root().resolve("wheels-v1"));
            int removed = wheels.removeStaleTemporaries(Duration.ofHours(1));
            session.out.println("Removed " + removed + " unfinished " + (removed == 1 ? "entry" : "entries")
                    + " from " + session.cache.root());
            return 0;
        }
    }

    static int reportLeftovers(Session session, RemovalResult result) {
        for (RemovalResult.Leftover left : result.left()) {
            session.err.println("warning: could not remove " + left);
        }
        return 0;
    }
}
