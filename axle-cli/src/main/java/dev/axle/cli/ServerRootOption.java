package dev.axle.cli;

import dev.axle.server.ServerRoot;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --root DIR}: the index server's folder, shared by serve, token, index, yank, unyank and delete. */
final class ServerRootOption {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "axle-index",
            description = "The server's folder: index.db, files/ and tmp/ (default: ${DEFAULT-VALUE}).")
    Path root;

    ServerRoot open() throws IOException {
        return ServerRoot.open(root.toAbsolutePath().normalize());
    }
}
