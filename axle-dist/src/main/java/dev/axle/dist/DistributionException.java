package dev.axle.dist;

import java.util.List;
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

    /**
     * The one entry of {@code found}, the archive's metadata file ({@code what}: METADATA or
     * PKG-INFO), expected at {@code expected}.
     *
     * @throws DistributionException if there is none, or more than one
     */
    static String single(List<String> found, String what, String filename, String expected)
            throws DistributionException {
        if (found.isEmpty()) {
            throw new DistributionException("Invalid distribution file: '" + filename + "' has no " + what
                    + " (expected " + expected + ")", filename, expected);
        }
        if (found.size() > 1) {
            throw new DistributionException("Invalid distribution file: '" + filename + "' has more than one "
                    + what + ": " + String.join(", ", found), filename, found.get(1));
        }
        return found.get(0);
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
