package dev.axle.resolver.requirements;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where a requirements file is: a local file, or a URL (recorded; only a fetching reader reads it). */
public sealed interface Location {

    /** A requirements file on the local file system; shown as the path was given. */
    record LocalFile(Path path) implements Location {
        @Override
        public Optional<Path> folder() {
            Path parent = path.getParent();
            return Optional.of(parent == null ? Path.of("") : parent);
        }

        @Override
        public Object identity() {
            return path.toAbsolutePath().normalize();
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A requirements file at an {@code http}, {@code https} URL. */
    record Url(String url) implements Location {
        @Override
        public Optional<Path> folder() {
            return Optional.empty();
        }

        @Override
        public Object identity() {
            return url;
        }

        @Override
        public String toString() {
            return url;
        }
    }

    static Location of(Path path) {
        return new LocalFile(path);
    }

    /**
     * The location of a file as written on the command line: a URL (pip reads {@code http:},
     * {@code https:} and {@code file:} ones) or a path.
     */
    static Location of(String written) {
        if (!isUrl(written)) {
            return new LocalFile(Path.of(written));
        }
        if (written.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return new LocalFile(Path.of(URI.create(written)));
        }
        return new Url(written);
    }

    /**
     * The location of a file named inside this one ({@code -r}, {@code -c}): pip takes a
     * relative path from the including file's folder, or joins it to the including URL.
     */
    default Location resolve(String written) {
        if (isUrl(written)) {
            return of(written);
        }
        if (this instanceof Url(String url)) {
            return new Url(URI.create(url).resolve(written.replace(" ", "%20")).toString());
        }
        Path path = Path.of(written);
        return new LocalFile(path.isAbsolute() ? path : folder().orElseThrow().resolve(path));
    }

    /** The folder that relative paths in this file are taken from; none for a URL. */
    Optional<Path> folder();

    /** What makes two locations the same file, for finding cycles. */
    Object identity();

    /** Whether pip would read {@code -r}/{@code -c} text as a URL rather than a path. */
    static boolean isUrl(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("file:");
    }
}
