package dev.axle.cli;

import dev.axle.server.ServerConfig;
import dev.axle.server.ServerRoot;
import dev.axle.server.ServerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the index server's data is, shared by serve, token, index, yank, unyank and delete: its
 * folder, and for servers sharing one database and bucket, the settings file, the environment
 * ({@code AXLE_DATABASE_URL}, {@code AXLE_STORAGE_URL}, ...) and {@code --database}/{@code
 * --storage}, each overriding the one before.
 */
final class ServerRootOption {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "axle-index",
            description = "The server's folder: index.db, files/ and tmp/; with --database and --storage only tmp/"
                    + " (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--config", paramLabel = "FILE", description = "A TOML file of server settings ([database] url,"
            + " pool-size; [storage] url, endpoint, region, path-style, downloads, part-size).")
    Optional<Path> config;

    @Option(names = "--database", paramLabel = "URL", description = "A PostgreSQL database that several servers"
            + " share (postgresql://USER:PASSWORD@HOST:PORT/DB; also AXLE_DATABASE_URL) instead of the folder's"
            + " SQLite.")
    Optional<String> database;

    @Option(names = "--storage", paramLabel = "URL", description = "An S3 bucket that several servers share"
            + " (s3://BUCKET/PREFIX; also AXLE_STORAGE_URL, endpoint from AXLE_S3_ENDPOINT) instead of the folder's"
            + " files/.")
    Optional<String> storage;

    ServerConfig config() throws IOException {
        ServerSettings settings = new ServerSettings();
        if (config.isPresent()) {
            settings.file(config.get());
        }
        settings.environment(System.getenv());
        database.ifPresent(url -> settings.set("database.url", url));
        storage.ifPresent(url -> settings.set("storage.url", url));
        try {
            return ServerConfig.of(root.toAbsolutePath().normalize(), settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    ServerRoot open() throws IOException {
        return ServerRoot.open(config());
    }
}
