package dev.axle.installer.removal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a deletion did: how many entries it removed and what it had to leave.
 *
 * @param path the file or folder that was to be deleted
 * @param removed the number of files, links and folders removed
 * @param left the entries that are still there, each with the last error; an entry's parent
 *     folders are not listed again (they stay because the entry does)
 */
public record RemovalResult(Path path, int removed, List<Leftover> left) {
    public RemovalResult {
        Objects.requireNonNull(path, "path");
        left = List.copyOf(left);
    }

    /** Whether {@link #path()} is gone. */
    public boolean complete() {
        return left.isEmpty();
    }

    /** An entry that could not be removed, and why. */
    public record Leftover(Path path, IOException cause) {
        public Leftover {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String toString() {
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return path + " (" + reason + ")";
        }
    }
}
