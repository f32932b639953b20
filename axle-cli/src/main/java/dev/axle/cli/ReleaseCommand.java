package dev.axle.cli;

import dev.axle.pep.ProjectName;
import dev.axle.server.Publication;
import dev.axle.server.ServerRoot;
import dev.axle.server.store.StoredFile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code axle yank|unyank|delete}: changes a release (or one of its files) on the server's folder directly. */
abstract class ReleaseCommand implements Callable<Integer> {
    @Mixin
    ServerRootOption root;

    @Option(names = "--index", paramLabel = "INDEX", defaultValue = "main", description = "The index (default: ${DEFAULT-VALUE}).")
    String index;

    @Option(names = "--file", paramLabel = "FILENAME", description = "Only this file of the release.")
    String file;

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Spec
    CommandSpec spec;

    /** Does the change and returns how many files it touched. */
    abstract int change(ServerRoot served, String name, Optional<String> filename) throws Exception;

    abstract String done();

    @Override
    public Integer call() throws Exception {
        String name = ProjectName.canonicalize(project);
        try (ServerRoot served = root.open()) {
            if (served.store().index(index).isEmpty()) {
                throw new UsageException("there is no index '" + index + "' in " + served.root());
            }
            int changed = change(served, name, Optional.ofNullable(file));
            if (changed == 0) {
                throw new UsageException("index '" + index + "' has no file of " + name + " " + version
                        + (file == null ? "" : " named " + file));
            }
            spec.commandLine().getOut().println(done() + " " + changed + (changed == 1 ? " file" : " files") + " of "
                    + name + " " + version + " on index '" + index + "'");
        }
        return 0;
    }

    @Command(name = "yank", mixinStandardHelpOptions = true,
            description = "Yank a release (PEP 592): installers skip it unless pinned to it exactly.")
    static final class Yank extends ReleaseCommand {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, shown to whoever installs it anyway.")
        String reason;

        @Override
        int change(ServerRoot served, String name, Optional<String> filename) {
            return served.store().setYanked(index, name, version, filename, true, Optional.ofNullable(reason));
        }

        @Override
        String done() {
            return "Yanked";
        }
    }

    @Command(name = "unyank", mixinStandardHelpOptions = true, description = "Undo a yank.")
    static final class Unyank extends ReleaseCommand {
        @Override
        int change(ServerRoot served, String name, Optional<String> filename) {
            return served.store().setYanked(index, name, version, filename, false, Optional.empty());
        }

        @Override
        String done() {
            return "Unyanked";
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a release's files (or one of them) from an index, for good.")
    static final class Delete extends ReleaseCommand {
        @Override
        int change(ServerRoot served, String name, Optional<String> filename) throws Exception {
            List<StoredFile> deleted = new Publication(served.store(), served.blobs())
                    .delete(index, name, version, filename);
            return deleted.size();
        }

        @Override
        String done() {
            return "Deleted";
        }
    }
}
