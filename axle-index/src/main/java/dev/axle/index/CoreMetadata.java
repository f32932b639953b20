package dev.axle.index;

import java.util.Map;
import java.util.Objects;

/**
 * Whether the index serves a file's core metadata on its own (PEP 658, renamed by PEP 714),
 * at the file's URL plus {@code .metadata}, and the hashes of that metadata file if given.
 */
public record CoreMetadata(boolean available, Map<String, String> hashes) {
    /** The index offers no metadata file: read METADATA from the distribution itself. */
    public static final CoreMetadata ABSENT = new CoreMetadata(false, Map.of());

    public CoreMetadata {
        hashes = Map.copyOf(Objects.requireNonNull(hashes, "hashes"));
        if (!available && !hashes.isEmpty()) {
            throw new IllegalArgumentException("an absent metadata file has no hashes");
        }
    }

    /** Available, with these hashes (algorithm name to hex digest; may be empty). */
    public static CoreMetadata available(Map<String, String> hashes) {
        return new CoreMetadata(true, hashes);
    }
}
