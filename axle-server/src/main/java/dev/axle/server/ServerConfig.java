package dev.axle.server;

import dev.axle.server.store.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a server keeps its data. By default everything is in its folder: {@code index.db}
 * (SQLite) and {@code files/}. For several servers behind a load balancer, the database is a
 * shared PostgreSQL and the files a shared S3 bucket; the folder then holds only uploads in
 * progress ({@code tmp/}), so each server needs its own.
 *
 * @param root the server's own folder
 * @param database the shared database; empty for the folder's SQLite
 * @param storage where files are kept, as a URL ({@code s3://bucket/prefix}); empty for the folder
 * @param settings every setting given, for the storage's own options
 */
public record ServerConfig(Path root, Optional<PostgresSettings> database, Optional<String> storage,
        Map<String, String> settings) {
    public ServerConfig {
        settings = Map.copyOf(settings);
    }

    /** Everything in {@code root}. */
    public static ServerConfig folder(Path root) {
        return new ServerConfig(root, Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * The config that {@code settings} describe.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and how to put it right
     */
    public static ServerConfig of(Path root, ServerSettings settings) {
        Map<String, String> values = settings.values();
        Optional<PostgresSettings> database = Optional.empty();
        String url = values.get("database.url");
        if (url != null && !url.isBlank()) {
            int pool = PostgresSettings.DEFAULT_POOL_SIZE;
            String size = values.get("database.pool-size");
            if (size != null) {
                try {
                    pool = Integer.parseInt(size.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("database.pool-size '" + size + "' is not a number of"
                            + " connections", e);
                }
            }
            if (!PostgresSettings.isPostgres(url)) {
                throw new IllegalArgumentException("database.url '" + PostgresSettings.redacted(url) + "' is not a"
                        + " PostgreSQL URL: give postgresql://USER:PASSWORD@HOST:PORT/DATABASE, or leave it unset for"
                        + " the folder's SQLite");
            }
            database = Optional.of(PostgresSettings.parse(url, pool));
        }
        Optional<String> storage = Optional.ofNullable(values.get("storage.url")).filter(s -> !s.isBlank());
        return new ServerConfig(root, database, storage, values);
    }

    /** What the server keeps where, for its start-up line. */
    public String describe() {
        return "database " + database.map(d -> PostgresSettings.redacted(d.jdbcUrl()))
                .orElse(root.resolve("index.db").toString()) + ", files " + storage.orElse(root.resolve("files")
                        .toString());
    }
}
