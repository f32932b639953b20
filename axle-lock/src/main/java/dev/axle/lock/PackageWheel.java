package dev.axle.lock;

import dev.axle.pep.WheelFilename;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One wheel of the package (an entry of {@code [[packages.wheels]]}).
 *
 * @param name       its file name, if written (else taken from {@code path} or {@code url})
 * @param uploadTime when it was uploaded: an OffsetDateTime, or a LocalDateTime if the file gave no offset
 * @param url        where to download it (this or {@code path} is required)
 * @param path       a local file, relative to the lock file or absolute
 * @param size       its size in bytes
 * @param hashes     algorithm name to hex digest, at least one, in the order written
 */
public record PackageWheel(Optional<String> name, Optional<Temporal> uploadTime, Optional<String> url,
        Optional<String> path, Optional<Long> size, Map<String, String> hashes) implements PackageSource {

    public PackageWheel {
        Objects.requireNonNull(name, "name");
        Distributions.checkUploadTime(Objects.requireNonNull(uploadTime, "uploadTime"));
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(size, "size");
        hashes = TomlValues.hashes(hashes);
    }

    /** A wheel known by its URL and hashes only. */
    public static PackageWheel ofUrl(String url, Map<String, String> hashes) {
        return new PackageWheel(Optional.empty(), Optional.empty(), Optional.of(url), Optional.empty(),
                Optional.empty(), hashes);
    }

    /**
     * The file name: {@code name}, else the last part of {@code path}, else of {@code url}.
     *
     * @throws PylockValidationException if none of them gives one
     */
    public String filename() {
        return FileName.of(name, path, url)
                .orElseThrow(() -> new PylockValidationException("Cannot determine wheel filename"));
    }

    /** The parsed {@link #filename()}. */
    public WheelFilename parsedFilename() {
        return WheelFilename.parse(filename());
    }

    static PackageWheel read(TableReader t) {
        PackageWheel wheel = new PackageWheel(t.string("name"), Distributions.uploadTime(t), t.string("url"),
                t.string("path"), Distributions.size(t), Distributions.hashes(t));
        PackageVcs.requirePathOrUrl(wheel.path, wheel.url);
        return wheel;
    }
}
