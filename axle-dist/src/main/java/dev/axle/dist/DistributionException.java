package dev.axle.dist;

import java.util.Objects;
import java.util.Optional;

/**
 * A distribution file that cannot be accepted: its filename does not parse, its archive is
 * broken, or its core metadata is missing, duplicated, invalid or disagrees with the
 * filename. The message is one line, fit for an HTTP status line, and starts as PyPI's do
 * ({@code Invalid distribution file: ...}, {@code Invalid distribution metadata: ...}).
 */
public final class DistributionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String filename;
    private final String entry;

    DistributionException(String message, String filename, String entry, Throwable cause) {
        super(message, cause);
        this.filename = Objects.requireNonNull(filename, "filename");
        this.entry = entry;
    }

    DistributionException(String message, String filename, String entry) {
        this(message, filename, entry, null);
    }

    /** The distribution's filename, as given to {@link Distribution#inspect}. */
    public String filename() {
        return filename;
    }

    /** The archive entry at fault (such as {@code foo-1.0.dist-info/METADATA}), if there is one. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
