package dev.axle.dist;

import dev.axle.pep.InvalidMetadataException;
import dev.axle.pep.Metadata;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates a distribution's METADATA or PKG-INFO with packaging 26.3's rules
 * ({@link Metadata#fromRaw}) and checks that it names the project and version the filename
 * does, with two allowances that twine 6 makes as well, so that what twine uploads is not
 * refused:
 * <ul>
 *   <li>License-File under a Metadata-Version before 2.4 is ignored: setuptools wrote it
 *       with 2.1 and 2.2 for years, with a meaning of its own;
 *   <li>Metadata-Version 2.0, which bdist_wheel wrote before 2.1 existed, is read as 2.1.
 * </ul>
 */
final class CoreMetadata {
    private CoreMetadata() {}

    /** The parsed, validated metadata of {@code entry}. */
    static Validated validate(MetadataEntry entry, DistributionFilename name) throws DistributionException {
        String filename = name.filename();
        RawMetadata raw = RawMetadata.parseEmail(entry.bytes());
        Metadata metadata;
        try {
            metadata = Metadata.fromRaw(allowances(raw));
        } catch (InvalidMetadataException e) {
            String problems = e.problems().stream().map(p -> p.message().replace('\n', ' ').replace('\r', ' '))
                    .collect(Collectors.joining("; "));
            throw new DistributionException("Invalid distribution metadata in " + entry.path() + " of '" + filename
                    + "': " + problems, filename, entry.path(), e);
        }
        ProjectName project = ProjectName.parse(metadata.name());
        if (!project.equals(name.name())) {
            throw new DistributionException("Invalid distribution metadata: " + entry.path() + " says Name: "
                    + metadata.name() + ", but the filename '" + filename + "' is for project " + name.name(),
                    filename, entry.path());
        }
        if (!metadata.version().equals(name.version())) {
            throw new DistributionException("Version in filename should be '" + metadata.version() + "' not '"
                    + name.version() + "' (" + entry.path() + " of '" + filename + "' says Version: "
                    + raw.string(MetadataField.VERSION).orElse("") + ")", filename, entry.path());
        }
        return new Validated(raw, metadata);
    }

    record Validated(RawMetadata raw, Metadata metadata) {}

    private static RawMetadata allowances(RawMetadata raw) {
        Optional<String> version = raw.string(MetadataField.METADATA_VERSION);
        boolean v20 = version.filter("2.0"::equals).isPresent();
        boolean oldLicenseFiles = raw.has(MetadataField.LICENSE_FILE)
                && version.filter(v -> List.of("1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3").contains(v))
                        .isPresent();
        if (!v20 && !oldLicenseFiles) {
            return raw;
        }
        RawMetadata.Builder b = RawMetadata.builder();
        for (MetadataField field : raw.fields()) {
            if (field == MetadataField.LICENSE_FILE && oldLicenseFiles) {
                continue;
            }
            switch (field.kind()) {
                case SINGLE -> b.set(field, raw.string(field).orElseThrow());
                case MULTI, KEYWORDS -> b.set(field, raw.list(field).orElseThrow());
                case URLS -> b.projectUrls(raw.projectUrls().orElseThrow());
            }
        }
        for (Map.Entry<String, List<String>> e : raw.unparsed().entrySet()) {
            b.unparsed(e.getKey(), e.getValue());
        }
        if (v20) {
            b.set(MetadataField.METADATA_VERSION, "2.1");
        }
        return b.build();
    }
}
