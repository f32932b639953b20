package dev.axle.lock;

import dev.axle.pep.SdistFilename;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A source distribution of the package ({@code [packages.sdist]}).
 *
 * @param name       its file name, if written (else taken from {@code path} or {@code url})
 * @param uploadTime when it was uploaded: an OffsetDateTime, or a LocalDateTime if the file gave no offset
 * @param url        where to download it (this or {@code path} is required)
 * @param path       a local file, relative to the lock file or absolute
 * @param size       its size in bytes
 * @param hashes     algorithm name to hex digest, at least one, in the order written
 */
public record PackageSdist(Optional<String> name, Optional<Temporal> uploadTime, Optional<String> url,
        Optional<String> path, Optional<Long> size, Map<String, String> hashes) implements PackageSource {

    public PackageSdist {
        Objects.requireNonNull(name, "name");
        Distributions.checkUploadTime(Objects.requireNonNull(uploadTime, "uploadTime"));
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(size, "size");
        hashes = TomlValues.hashes(hashes);
    }

    /** A sdist known by its URL and hashes only. */
    public static PackageSdist ofUrl(String url, Map<String, String> hashes) {
        return new PackageSdist(Optional.empty(), Optional.empty(), Optional.of(url), Optional.empty(),
                Optional.empty(), hashes);
    }

    /**
     * The file name: {@code name}, else the last part of {@code path}, else of {@code url}.
     *
     * @throws PylockValidationException if none of them gives one
     */
    public String filename() {
        return FileName.of(name, path, url)
                .orElseThrow(() -> new PylockValidationException("Cannot determine sdist filename"));
    }

    /** The parsed {@link #filename()}. */
    public SdistFilename parsedFilename() {
        return SdistFilename.parse(filename());
    }

    static PackageSdist read(TableReader t) {
        PackageSdist sdist = new PackageSdist(t.string("name"), Distributions.uploadTime(t), t.string("url"),
                t.string("path"), Distributions.size(t), Distributions.hashes(t));
        PackageVcs.requirePathOrUrl(sdist.path, sdist.url);
        return sdist;
    }
}
