package dev.axle.cli;

import dev.axle.env.CacheDir;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --cache-dir}, for the commands that use axle's cache. */
final class CacheDirOption {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "axle's cache folder (default: $AXLE_CACHE_DIR, else $XDG_CACHE_HOME/axle, else ~/.cache/axle)")
    Path cacheDir;

    /** The cache folder for this run. */
    CacheDir resolve(Map<String, String> environment) {
        return CacheDir.resolve(cacheDir, environment);
    }
}
