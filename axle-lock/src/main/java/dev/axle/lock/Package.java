package dev.axle.lock;

import dev.axle.pep.InvalidMarkerException;
import dev.axle.pep.InvalidSpecifierException;
import dev.axle.pep.InvalidVersionException;
import dev.axle.pep.Marker;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[packages]]} entry of a lock file.
 *
 * @param name                   the normalized project name
 * @param version                the version (may be absent for direct sources)
 * @param marker                 when the entry applies, evaluated with {@code extras} and {@code dependency_groups}
 * @param requiresPython         the Python versions the package supports
 * @param dependencies           the entries this one depends on, as written (tables of keys identifying packages)
 * @param vcs                    a VCS source
 * @param directory              a local directory source
 * @param archive                an archive source
 * @param index                  the index the distributions came from
 * @param sdist                  the sdist
 * @param wheels                 the wheels
 * @param attestationIdentities  the publishers' identities (tables with at least {@code kind})
 * @param tool                   tool-specific data
 */
public record Package(ProjectName name, Optional<Version> version, Optional<Marker> marker,
        Optional<SpecifierSet> requiresPython, Optional<List<Map<String, Object>>> dependencies,
        Optional<PackageVcs> vcs, Optional<PackageDirectory> directory, Optional<PackageArchive> archive,
        Optional<String> index, Optional<PackageSdist> sdist, Optional<List<PackageWheel>> wheels,
        Optional<List<Map<String, Object>>> attestationIdentities, Optional<Map<String, Object>> tool) {

    public Package {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(requiresPython, "requiresPython");
        dependencies = freeTables(dependencies, "dependencies");
        Objects.requireNonNull(vcs, "vcs");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(sdist, "sdist");
        wheels = Objects.requireNonNull(wheels, "wheels").map(List::copyOf);
        attestationIdentities = freeTables(attestationIdentities, "attestationIdentities");
        tool = Objects.requireNonNull(tool, "tool").map(TomlValues::copyTable);
    }

    private static Optional<List<Map<String, Object>>> freeTables(Optional<List<Map<String, Object>>> tables,
            String what) {
        return Objects.requireNonNull(tables, what)
                .map(l -> l.stream().<Map<String, Object>>map(TomlValues::copyTable).toList());
    }

    /** An entry with a name, a version and one source; every other key absent. */
    public static Package of(ProjectName name, Optional<Version> version, PackageSource source) {
        Optional<PackageWheel> wheel = source instanceof PackageWheel w ? Optional.of(w) : Optional.empty();
        return new Package(name, version, Optional.empty(), Optional.empty(), Optional.empty(),
                cast(source, PackageVcs.class), cast(source, PackageDirectory.class),
                cast(source, PackageArchive.class), Optional.empty(), cast(source, PackageSdist.class),
                wheel.map(List::of), Optional.empty(), Optional.empty());
    }

    private static <T> Optional<T> cast(PackageSource source, Class<T> type) {
        return type.isInstance(source) ? Optional.of(type.cast(source)) : Optional.empty();
    }

    /** This entry with a marker. */
    public Package withMarker(Marker m) {
        return withMarker(Optional.of(m));
    }

    /** This entry with a marker, or none. */
    public Package withMarker(Optional<Marker> m) {
        return new Package(name, version, m, requiresPython, dependencies, vcs, directory, archive,
                index, sdist, wheels, attestationIdentities, tool);
    }

    /** This entry with a Python requirement. */
    public Package withRequiresPython(SpecifierSet s) {
        return new Package(name, version, marker, Optional.of(s), dependencies, vcs, directory, archive, index,
                sdist, wheels, attestationIdentities, tool);
    }

    /** Whether the package comes from a direct source (VCS, directory, archive) rather than distributions. */
    public boolean isDirect() {
        return sdist.isEmpty() && wheels.map(List::isEmpty).orElse(true);
    }

    /** Reads and checks one entry, in the order packaging checks its keys (so the first problem reported is the same). */
    static Package read(TableReader t) {
        ProjectName name = t.requiredAs("name", TableReader.Kind.STR, v -> normalizedName((String) v));
        Optional<Version> version = t.as("version", TableReader.Kind.STR, v -> version((String) v));
        Optional<SpecifierSet> requiresPython = t.as("requires-python", TableReader.Kind.STR,
                v -> specifiers((String) v));
        Optional<List<Map<String, Object>>> dependencies = t.freeTables("dependencies");
        Optional<Marker> marker = t.as("marker", TableReader.Kind.STR, v -> marker((String) v));
        Optional<PackageVcs> vcs = t.table("vcs", PackageVcs::read);
        Optional<PackageDirectory> directory = t.table("directory", PackageDirectory::read);
        Optional<PackageArchive> archive = t.table("archive", PackageArchive::read);
        Optional<String> index = t.string("index");
        Optional<PackageSdist> sdist = t.table("sdist", PackageSdist::read);
        Optional<List<PackageWheel>> wheels = t.tables("wheels", PackageWheel::read);
        Optional<List<Map<String, Object>>> identities = t.freeTables("attestation-identities");
        Optional<Map<String, Object>> tool = t.freeTable("tool");
        Package p = new Package(name, version, marker, requiresPython, dependencies, vcs, directory, archive, index,
                sdist, wheels, identities, tool);
        p.checkSources();
        p.checkFilenames();
        for (int i = 0; i < identities.map(List::size).orElse(0); i++) {
            try {
                new TableReader(identities.get().get(i)).requiredString("kind");
            } catch (PylockValidationException e) {
                throw e.under("attestation-identities[" + i + "]");
            }
        }
        return p;
    }

    private void checkSources() {
        int distributions = (sdist.isPresent() ? 1 : 0) + wheels.map(List::size).orElse(0);
        int direct = (vcs.isPresent() ? 1 : 0) + (directory.isPresent() ? 1 : 0) + (archive.isPresent() ? 1 : 0);
        if (distributions > 0 && direct > 0) {
            throw new PylockValidationException(
                    "None of vcs, directory, archive must be set if sdist or wheels are set");
        }
        if (distributions == 0 && direct != 1) {
            throw new PylockValidationException(
                    "Exactly one of vcs, directory, archive must be set if sdist and wheels are not set");
        }
    }

    /** Every wheel's and the sdist's file name must parse and name this package (and version, if given). */
    private void checkFilenames() {
        List<PackageWheel> ws = wheels.orElse(List.of());
        for (int i = 0; i < ws.size(); i++) {
            String where = "wheels[" + i + "]";
            String filename = ws.get(i).filename();
            WheelFilename parsed;
            try {
                parsed = WheelFilename.parse(filename);
            } catch (IllegalArgumentException e) {
                throw new PylockValidationException("Invalid wheel filename " + PythonRepr.of(filename), where);
            }
            checkConsistent(filename, parsed.name(), parsed.version(), where);
        }
        if (sdist.isPresent()) {
            String filename = sdist.get().filename();
            SdistFilename parsed;
            try {
                parsed = SdistFilename.parse(filename);
            } catch (IllegalArgumentException e) {
                throw new PylockValidationException("Invalid sdist filename " + PythonRepr.of(filename), "sdist");
            }
            checkConsistent(filename, parsed.name(), parsed.version(), "sdist");
        }
    }

    private void checkConsistent(String filename, String fileProject, Version fileVersion, String where) {
        if (!fileProject.equals(name.toString())) {
            throw new PylockValidationException("Name in " + PythonRepr.of(filename)
                    + " is not consistent with package name " + PythonRepr.of(name.toString()), where);
        }
        if (version.isPresent() && !fileVersion.equals(version.get())) {
            throw new PylockValidationException("Version in " + PythonRepr.of(filename)
                    + " is not consistent with package version " + PythonRepr.of(version.get().toString()), where);
        }
    }

    static ProjectName normalizedName(String name) {
        if (!ProjectName.isNormalized(name)) {
            throw new PylockValidationException("Name " + PythonRepr.of(name) + " is not normalized");
        }
        return ProjectName.parse(name);
    }

    static Version version(String s) {
        try {
            return Version.parse(s);
        } catch (InvalidVersionException e) {
            throw new PylockValidationException(e.reason());
        }
    }

    static SpecifierSet specifiers(String s) {
        try {
            return SpecifierSet.parse(s);
        } catch (InvalidSpecifierException e) {
            throw new PylockValidationException(e.reason());
        }
    }

    static Marker marker(String s) {
        try {
            return Marker.parse(s);
        } catch (InvalidMarkerException e) {
            throw new PylockValidationException(e.getMessage());
        }
    }
}
