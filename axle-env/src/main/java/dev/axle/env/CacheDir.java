package dev.axle.env;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * axle's cache folder and the parts kept in it. Chosen, in order, by {@code --cache-dir},
 * {@code AXLE_CACHE_DIR}, {@code $XDG_CACHE_HOME/axle} (when that is an absolute path, as the
 * XDG spec requires), {@code ~/.cache/axle}.
 *
 * @param root the cache folder, absolute
 */
public record CacheDir(Path root) {
    public CacheDir {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The cache folder for this run.
     *
     * @param option the {@code --cache-dir} value, or null when not given
     * @param environment the process environment ({@code AXLE_CACHE_DIR}, {@code XDG_CACHE_HOME}, {@code HOME})
     */
    public static CacheDir resolve(Path option, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        if (option != null) {
            return new CacheDir(option);
        }
        String axle = environment.get("AXLE_CACHE_DIR");
        if (axle != null && !axle.isEmpty()) {
            return new CacheDir(Path.of(axle));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return new CacheDir(Path.of(xdg, "axle"));
        }
        String home = environment.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return new CacheDir(Path.of(home, ".cache", "axle"));
    }

    /** Interpreters' cached answers ({@link Interpreters}). */
    public Path interpreters() {
        return root.resolve("interpreters-v1");
    }
}
