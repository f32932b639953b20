package dev.axle.finder;

import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.pep440.PythonPackages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Core metadata read for the resolver, from a metadata file's bytes or a wheel on disk. */
final class CoreMetadataReader {
    private CoreMetadataReader() {}

    /** The fields whose being dynamic in an sdist's PKG-INFO makes it useless before a build. */
    private static final Set<String> NEEDED = Set.of("requires-dist", "requires-python", "provides-extra");

    /**
     * The resolver's view of {@code raw}, a METADATA (or, for an sdist, PKG-INFO) file of
     * {@code candidate}, checked to be the candidate's own.
     */
    static CandidateMetadata read(RawMetadata raw, FoundCandidate candidate) throws CandidateUnavailableException {
        return read(raw, candidate, false);
    }

    /**
     * {@link #read(RawMetadata, FoundCandidate)}; {@code built} when the metadata of an sdist
     * came from building it (PEP 517's prepare_metadata_for_build_wheel), which makes it the
     * wheel's and final, dynamic fields or not.
     */
    static CandidateMetadata read(RawMetadata raw, FoundCandidate candidate, boolean built)
            throws CandidateUnavailableException {
        String name = raw.string(MetadataField.NAME).orElse("");
        String version = raw.string(MetadataField.VERSION).orElse("");
        if (!ProjectName.isValid(name) || !ProjectName.parse(name).equals(candidate.project())
                || Version.tryParse(version).filter(candidate.version()::equals).isEmpty()) {
            throw new CandidateUnavailableException("its metadata names " + name + " " + version
                    + ", not " + candidate.project() + " " + candidate.version() + " (" + candidate.file().filename() + ")");
        }
        if (!candidate.wheel() && !built) {
            staticSdist(raw, candidate);
        }
        List<Requirement> requires = new ArrayList<>();
        for (String line : raw.list(MetadataField.REQUIRES_DIST).orElse(List.of())) {
            try {
                requires.add(Requirement.parse(line));
            } catch (InvalidRequirementException e) {
                throw new CandidateUnavailableException("its metadata has an invalid Requires-Dist: " + line
                        + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        Set<String> extras = new HashSet<>();
        raw.list(MetadataField.PROVIDES_EXTRA).orElse(List.of()).forEach(e -> extras.add(PythonPackages.normalizeExtra(e)));
        return new CandidateMetadata(requires, extras, raw.string(MetadataField.REQUIRES_PYTHON));
    }

    /** PEP 643: an sdist's metadata counts only from version 2.2 on, and only where not Dynamic. */
    private static void staticSdist(RawMetadata raw, FoundCandidate candidate) throws CandidateUnavailableException {
        Version metadataVersion = Version.tryParse(raw.string(MetadataField.METADATA_VERSION).orElse("1.0"))
                .orElse(Version.parse("1.0"));
        List<String> dynamic = raw.list(MetadataField.DYNAMIC).orElse(List.of()).stream()
                .map(d -> d.toLowerCase(Locale.ROOT)).filter(NEEDED::contains).toList();
        if (metadataVersion.compareTo(Version.parse("2.2")) < 0 || !dynamic.isEmpty()) {
            throw new CandidateUnavailableException(sdistOnly(candidate) + (dynamic.isEmpty()
                    ? "; its metadata (version " + metadataVersion + ") predates PEP 643, so it may change when built"
                    : "; its metadata declares " + String.join(", ", dynamic) + " dynamic (PEP 643)"));
        }
    }

    /** The start of every message about a version that only an sdist offers. */
    static String sdistOnly(FoundCandidate candidate) {
        return "only a source distribution (" + candidate.file().filename() + ") is available for "
                + candidate.project() + " " + candidate.version();
    }
}
