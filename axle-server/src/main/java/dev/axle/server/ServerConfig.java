package dev.axle.server;

import dev.axle.server.store.PostgresSettings;
import dev.axle.server.blob.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
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

    /**
     * The S3 settings that the {@code storage.*} settings give for the location {@code url}
     * ({@code s3://BUCKET/PREFIX}).
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static S3Settings s3(String url, Map<String, String> settings) {
        if (!url.startsWith("s3://")) {
            throw new IllegalArgumentException("storage.url '" + url + "' is not an S3 location: give"
                    + " s3://BUCKET/PREFIX, or leave it unset for the folder's files/");
        }
        S3Settings s3 = S3Settings.parse(url);
        String endpoint = settings.get("storage.endpoint");
        if (endpoint != null) {
            s3 = s3.withEndpoint(URI.create(endpoint.strip()));
        }
        String region = settings.get("storage.region");
        if (region != null) {
            s3 = s3.withRegion(region.strip());
        }
        String pathStyle = settings.get("storage.path-style");
        if (pathStyle != null) {
            s3 = s3.withAddressing(bool("storage.path-style", pathStyle) ? S3Settings.Addressing.PATH_STYLE
                    : S3Settings.Addressing.VIRTUAL_HOST);
        }
        String downloads = settings.get("storage.downloads");
        if (downloads != null) {
            s3 = s3.withDownloads(switch (downloads.strip().toLowerCase(Locale.ROOT)) {
                case "redirect" -> S3Settings.Downloads.REDIRECT;
                case "proxy" -> S3Settings.Downloads.PROXY;
                default -> throw new IllegalArgumentException("storage.downloads '" + downloads + "': give redirect"
                        + " (clients fetch from the bucket by presigned URL) or proxy (the server sends the bytes)");
            });
        }
        String partSize = settings.get("storage.part-size");
        if (partSize != null) {
            s3 = s3.withPartSize(bytes("storage.part-size", partSize));
        }
        String key = settings.get("storage.access-key-id");
        String secret = settings.get("storage.secret-access-key");
        if ((key == null) != (secret == null)) {
            throw new IllegalArgumentException("give both storage.access-key-id and storage.secret-access-key, or"
                    + " neither (then the AWS default chain: AWS_ACCESS_KEY_ID, ~/.aws, instance roles)");
        }
        if (key != null) {
            s3 = s3.withCredentials(key.strip(), secret.strip());
        }
        return s3;
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " '" + value + "' is not true or false");
        };
    }

    /** A size such as {@code 16M}, {@code 64MiB} or {@code 1048576}. */
    static long bytes(String name, String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (!v.isEmpty() && "KMG".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v.strip()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a size: give bytes, or a number with K,"
                    + " M or G (16M)", e);
        }
    }
}
