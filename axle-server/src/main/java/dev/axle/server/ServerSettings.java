package dev.axle.server;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A server's settings as {@code section.key} strings, from a TOML file, the environment and the
 * command line, each overriding the one before; {@link ServerConfig#of} makes them a config.
 *
 * <pre>{@code
 * [database]
 * url = "postgresql://axle@db.internal:5432/axle"   # AXLE_DATABASE_URL
 * pool-size = 16                                    # AXLE_DATABASE_POOL_SIZE
 *
 * [storage]
 * url = "s3://bucket/prefix"                        # AXLE_STORAGE_URL
 * endpoint = "https://s3.example.com"               # AXLE_S3_ENDPOINT
 * region = "us-east-1"                              # AXLE_S3_REGION
 * path-style = true                                 # AXLE_S3_PATH_STYLE
 * downloads = "redirect"                            # AXLE_S3_DOWNLOADS: redirect (presigned) or proxy
 * }</pre>
 */
public final class ServerSettings {
    /** Every setting there is, and the environment variable that sets it. */
    static final Map<String, String> KEYS = Map.of(
            "database.url", "AXLE_DATABASE_URL",
            "database.pool-size", "AXLE_DATABASE_POOL_SIZE",
            "storage.url", "AXLE_STORAGE_URL",
            "storage.endpoint", "AXLE_S3_ENDPOINT",
            "storage.region", "AXLE_S3_REGION",
            "storage.path-style", "AXLE_S3_PATH_STYLE",
            "storage.downloads", "AXLE_S3_DOWNLOADS",
            "storage.part-size", "AXLE_S3_PART_SIZE",
            "storage.access-key-id", "AXLE_S3_ACCESS_KEY_ID",
            "storage.secret-access-key", "AXLE_S3_SECRET_ACCESS_KEY");

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Settings with nothing set: a folder's files and SQLite. */
    public ServerSettings() {}

    /** The settings so far. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /**
     * Sets {@code key} (one of {@link #KEYS}) to {@code value}.
     *
     * @throws IllegalArgumentException naming the unknown key and the known ones
     */
    public ServerSettings set(String key, String value) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("no server setting '" + key + "': the settings are "
                    + String.join(", ", new TreeSet<>(KEYS.keySet())));
        }
        values.put(key, value);
        return this;
    }

    /** Sets what the environment sets ({@code AXLE_DATABASE_URL}, ...). */
    public ServerSettings environment(Map<String, String> environment) {
        KEYS.forEach((key, variable) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        });
        return this;
    }

    /**
     * Sets what a TOML file sets.
     *
     * @throws IOException naming the file when it cannot be read, is not TOML, or sets an unknown key
     */
    public ServerSettings file(Path file) throws IOException {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no server settings file " + file, e);
        }
        if (toml.hasErrors()) {
            throw new IOException(file + " is not valid TOML: " + toml.errors().getFirst());
        }
        for (String dotted : flatten(toml, "", new TreeSet<>())) {
            Object value = toml.get(dotted);
            if (!KEYS.containsKey(dotted)) {
                throw new IOException(file + " sets '" + dotted + "', which is no server setting: the settings are "
                        + String.join(", ", new TreeSet<>(KEYS.keySet())));
            }
            values.put(dotted, String.valueOf(value));
        }
        return this;
    }

    private static Set<String> flatten(TomlTable table, String prefix, Set<String> into) {
        for (String key : table.keySet()) {
            Object value = table.get(java.util.List.of(key));
            String dotted = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof TomlTable inner) {
                flatten(inner, dotted, into);
            } else {
                into.add(dotted);
            }
        }
        return into;
    }
}
