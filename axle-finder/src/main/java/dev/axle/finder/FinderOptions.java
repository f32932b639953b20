package dev.axle.finder;

import dev.axle.pep.tags.SupportedTags;
import dev.axle.resolver.python.Target;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link Finder} chooses and fetches.
 *
 * @param target      the interpreter: files whose Requires-Python excludes it are left out, and
 *                    dependencies' project pages are fetched ahead for its markers
 * @param tags        the wheel tags it installs, most preferred first
 * @param strategy    how several indexes combine
 * @param downloads   the folder downloaded files are kept in, by hash
 * @param parallelism how many metadata files, pages and downloads are fetched at once
 * @param anyPlatform a universal resolution's finder: wheels for any platform are candidates
 *                    (those {@code tags} names first), as the lock serves every platform
 */
public record FinderOptions(Target target, SupportedTags tags, IndexStrategy strategy, Path downloads,
        int parallelism, boolean anyPlatform) {
    /** A finder for the target's platform only. */
    public FinderOptions(Target target, SupportedTags tags, IndexStrategy strategy, Path downloads, int parallelism) {
        this(target, tags, strategy, downloads, parallelism, false);
    }

    /** These options for a universal resolution (see {@code anyPlatform}). */
    public FinderOptions forAnyPlatform() {
        return new FinderOptions(target, tags, strategy, downloads, parallelism, true);
    }

    public FinderOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(downloads, "downloads");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }
}
