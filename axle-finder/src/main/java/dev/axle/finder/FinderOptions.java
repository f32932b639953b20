package dev.axle.finder;

import dev.axle.pep.ProjectName;
import dev.axle.pep.tags.SupportedTags;
import dev.axle.resolver.python.Target;
import dev.axle.resolver.requirements.FormatControl;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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
 * @param formats     {@code --no-binary} and {@code --only-binary}: the wheels or sdists of which
 *                    projects are left out (not offered, nor listed by {@link Finder#files})
 * @param noBuild     install's {@code --no-build}: no sdist is offered, whatever {@code formats} says
 */
public record FinderOptions(Target target, SupportedTags tags, IndexStrategy strategy, Path downloads,
        int parallelism, boolean anyPlatform, FormatControl formats, boolean noBuild) {
    /** A finder for the target's platform only, wheels and sdists of every project. */
    public FinderOptions(Target target, SupportedTags tags, IndexStrategy strategy, Path downloads, int parallelism) {
        this(target, tags, strategy, downloads, parallelism, false, FormatControl.unrestricted(), false);
    }

    /** These options for a universal resolution (see {@code anyPlatform}). */
    public FinderOptions forAnyPlatform() {
        return new FinderOptions(target, tags, strategy, downloads, parallelism, true, formats, noBuild);
    }

    /** These options with {@code --no-binary} and {@code --only-binary} as {@code formats} says. */
    public FinderOptions withFormats(FormatControl formats) {
        return new FinderOptions(target, tags, strategy, downloads, parallelism, anyPlatform, formats, noBuild);
    }

    /** These options for an install that builds nothing ({@code --no-build}): wheels only. */
    public FinderOptions withoutBuilds() {
        return new FinderOptions(target, tags, strategy, downloads, parallelism, anyPlatform, formats, true);
    }

    public FinderOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(formats, "formats");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /**
     * The option that leaves out the project's wheels (or, without {@code wheel}, its sdists),
     * as the user spelled it; empty if they may be used.
     */
    Optional<String> excluding(ProjectName project, boolean wheel) {
        if (wheel) {
            return formats.allowsWheels(project) ? Optional.empty() : Optional.of("--no-binary");
        }
        if (noBuild) {
            return Optional.of("--no-build");
        }
        return formats.allowsSdists(project) ? Optional.empty() : Optional.of("--only-binary");
    }
}
