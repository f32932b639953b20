package dev.axle.lock;

import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package from an archive that is not a plain sdist or wheel of an index
 * ({@code [packages.archive]}), e.g. a URL to a source tarball.
 *
 * @param url          where to download it (this or {@code path} is required)
 * @param path         a local file
 * @param size         its size in bytes
 * @param uploadTime   when it was uploaded: an OffsetDateTime, or a LocalDateTime if the file gave no offset
 * @param hashes       algorithm name to hex digest, at least one, in the order written
 * @param subdirectory where the project is inside the archive
 */
public record PackageArchive(Optional<String> url, Optional<String> path, Optional<Long> size,
        Optional<Temporal> uploadTime, Map<String, String> hashes, Optional<String> subdirectory)
        implements PackageSource {

    public PackageArchive {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(size, "size");
        Distributions.checkUploadTime(Objects.requireNonNull(uploadTime, "uploadTime"));
        hashes = TomlValues.hashes(hashes);
        Objects.requireNonNull(subdirectory, "subdirectory");
    }

    static PackageArchive read(TableReader t) {
        PackageArchive archive = new PackageArchive(t.string("url"), t.string("path"), Distributions.size(t),
                Distributions.uploadTime(t), Distributions.hashes(t), t.string("subdirectory"));
        PackageVcs.requirePathOrUrl(archive.path, archive.url);
        return archive;
    }
}
