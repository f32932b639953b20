package dev.axle.index;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a project page lists: a wheel or sdist (or anything else an index serves), as the
 * simple API describes it in either form.
 *
 * @param filename       the file's name (in HTML, the last path segment of its URL, decoded)
 * @param url            where to download it: absolute, without a hash fragment (other fragments stay)
 * @param hashes         hash algorithm name (lower case, as in {@code hashlib}) to hex digest (lower case);
 *                       may be empty
 * @param requiresPython the file's {@code Requires-Python}, unparsed (indexes serve invalid ones)
 * @param yanked         PEP 592
 * @param coreMetadata   PEP 658/714
 * @param gpgSig         whether a {@code .asc} signature sits beside the file, if the index said
 * @param size           the size in bytes (PEP 700, JSON only)
 * @param uploadTime     when the file was uploaded (PEP 700, JSON only)
 */
public record DistributionFile(String filename, URI url, Map<String, String> hashes, Optional<String> requiresPython,
        Yanked yanked, CoreMetadata coreMetadata, Optional<Boolean> gpgSig, Optional<Long> size,
        Optional<Instant> uploadTime) {

    public DistributionFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = Map.copyOf(hashes);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yanked, "yanked");
        Objects.requireNonNull(coreMetadata, "coreMetadata");
        Objects.requireNonNull(gpgSig, "gpgSig");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(uploadTime, "uploadTime");
    }

    /** A file with only a name, URL and hashes; the other fields as for a plain PEP 503 link. */
    public static DistributionFile of(String filename, URI url, Map<String, String> hashes) {
        return new DistributionFile(filename, url, hashes, Optional.empty(), Yanked.NO, CoreMetadata.ABSENT,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The URL of the core metadata file (PEP 658): the file's URL, without fragment, with
     * {@code .metadata} appended, as the specification words it (after a query, if any).
     */
    public URI coreMetadataUrl() {
        String s = url.toString();
        int fragment = s.indexOf('#');
        return URI.create((fragment < 0 ? s : s.substring(0, fragment)) + ".metadata");
    }
}
