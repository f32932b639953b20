package dev.axle.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a PostgreSQL database is and how many connections to keep: from a URL as libpq and most
 * deployment tools spell it ({@code postgresql://user:secret@host:5432/axle}) or the JDBC
 * driver's ({@code jdbc:postgresql://host:5432/axle?user=axle}).
 *
 * @param jdbcUrl the driver's URL, without the user and password when they came in the URL's authority
 * @param user the user, unless the JDBC URL or the environment ({@code PGUSER}) says
 * @param password the password, unless the JDBC URL says ({@code PGPASSWORD} is not read by the JDBC driver)
 * @param poolSize the most connections one server keeps open
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 16;

    public PostgresSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool of " + poolSize + " connections: give at least 1");
        }
    }

    /** Whether {@code url} names a PostgreSQL database (rather than, say, an SQLite file). */
    public static boolean isPostgres(String url) {
        return url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:");
    }

    /**
     * Reads a database URL.
     *
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static PostgresSettings parse(String url, int poolSize) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresSettings(url, Optional.empty(), Optional.empty(), poolSize);
        }
        if (!isPostgres(url)) {
            throw new IllegalArgumentException("'" + url + "' is not a PostgreSQL URL: give"
                    + " postgresql://USER:PASSWORD@HOST:PORT/DATABASE or jdbc:postgresql://HOST:PORT/DATABASE");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redacted(url) + "' is not a URL: " + e.getReason()
                    + " (percent-encode special characters in the password)", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + redacted(url) + "' names no host: give"
                    + " postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        }
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost().contains(":")
                ? "[" + uri.getHost() + "]" : uri.getHost());
        if (uri.getPort() >= 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(database.isEmpty() ? "/" : database);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(info.substring(colon + 1)));
            }
        }
        return new PostgresSettings(jdbc.toString(), user, password, poolSize);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String redacted(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + redacted(jdbcUrl) + ", user=" + user.orElse("(default)") + ", poolSize="
                + poolSize + "]";
    }
}
