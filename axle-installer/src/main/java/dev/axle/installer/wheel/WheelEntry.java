package dev.axle.installer.wheel;

import dev.axle.pep.record.RecordEntry;
import dev.axle.pep.record.RecordHash;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file of a wheel whose content was checked against the wheel's RECORD.
 *
 * @param path the path inside the wheel, {@code /}-separated, as RECORD lists it
 * @param hash the RECORD hash the content matched, in its standard form (URL-safe base64)
 * @param size the content's size in bytes
 * @param executable whether the unpacked file is executable: the zip entry's mode said so,
 *     or it is a script from {@code .data/scripts/} (which always become executable)
 * @param symlinkTarget for a symbolic link, the relative path it points to (the entry's
 *     content, which is what RECORD hashes); empty for a regular file
 */
public record WheelEntry(String path, RecordHash hash, long size, boolean executable, Optional<String> symlinkTarget) {
    public WheelEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(symlinkTarget, "symlinkTarget");
    }

    /** The row RECORD has for this file. */
    public RecordEntry recordEntry() {
        return new RecordEntry(path, Optional.of(hash), OptionalLong.of(size));
    }
}
