package dev.axle.dist;

import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A distribution file on disk, inspected: what it is and its core metadata.
 *
 * @param filename the distribution's filename (as uploaded; not necessarily the file's own name)
 * @param kind wheel or sdist
 * @param name the project, as the metadata's Name (equal to the filename's, normalized)
 * @param version the metadata's Version (equal to the filename's by PEP 440: {@code 1.0} = {@code 1.0.0})
 * @param metadataBytes the METADATA (wheel) or PKG-INFO (sdist) file, byte for byte as in
 *     the archive: what an index serves as the PEP 658 {@code .metadata} file
 * @param metadata the metadata as parsed, validated by packaging 26.3's rules
 * @param digests the file's SHA-256, MD5 and size
 */
public record Distribution(String filename, DistributionKind kind, ProjectName name, Version version,
        byte[] metadataBytes, RawMetadata metadata, Digests digests) {

    public Distribution {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        metadataBytes = metadataBytes.clone();
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(digests, "digests");
    }

    /**
     * Reads and checks {@code file}, named {@code filename} (which may differ from the file's
     * own name, e.g. for an upload's temporary file). Only the metadata entry is read from a
     * zip; a {@code .tar.gz} is read to its end, since a duplicate PKG-INFO or a truncated
     * archive only shows there.
     *
     * <p>Wheels: a zip with exactly one {@code .dist-info} folder at the top, named for the
     * filename's project and version, holding one METADATA and a WHEEL file. Sdists
     * ({@code .tar.gz} or {@code .zip}): one PKG-INFO in the top folder
     * {@code {name}-{version}/}. The metadata must validate (Metadata-Version 1.0 or newer)
     * and its Name and Version must match the filename's (normalized names, PEP 440 versions).
     * A metadata entry over 16 MiB, or an archive expanding more than 50 times its size
     * beyond 64 MiB, is refused as a decompression bomb.
     *
     * @throws DistributionException when the filename does not parse or is not a plain file
     *     name, the archive is broken, or the metadata file is missing, duplicated, in the
     *     wrong place, too large, invalid or disagrees with the filename; the message says
     *     what, in which file and entry
     * @throws IOException when {@code file} cannot be read at all
     */
    public static Distribution inspect(Path file, String filename) throws IOException, DistributionException {
        DistributionFilename parsed = DistributionFilename.parse(filename);
        Digests digests = Digests.of(file);
        MetadataEntry entry = switch (parsed.kind()) {
            case WHEEL -> WheelArchive.metadata(file, parsed, digests.size());
            case SDIST -> SdistArchive.metadata(file, parsed, digests.size());
        };
        CoreMetadata.Validated validated = CoreMetadata.validate(entry, parsed);
        return new Distribution(filename, parsed.kind(), parsed.name(), validated.metadata().version(), entry.bytes(),
                validated.raw(), digests);
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] metadataBytes() {
        return metadataBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && filename.equals(d.filename) && kind == d.kind && name.equals(d.name)
                && version.equals(d.version) && Arrays.equals(metadataBytes, d.metadataBytes)
                && metadata.equals(d.metadata) && digests.equals(d.digests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, digests);
    }

    @Override
    public String toString() {
        return "Distribution[" + filename + ", " + kind + ", " + name + " " + version + ", sha256=" + digests.sha256()
                + ", size=" + digests.size() + "]";
    }
}
