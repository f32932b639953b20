package dev.axle.installer.db;

import dev.axle.installer.DirectUrl;
import dev.axle.installer.InvalidDirectUrlException;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One distribution installed in an environment, found by its metadata: a {@code .dist-info}
 * folder (the installation database of PEP 376/627), a setuptools {@code .egg-info} folder or
 * distutils {@code .egg-info} file, or a {@code setup.py develop} install linked by an
 * {@code .egg-link} file.
 *
 * <p>The name and (for {@code .dist-info}) the version come from the folder name, as pip
 * reads them; everything else is read from the metadata files on first use and kept.
 * Methods that read throw {@link UncheckedIOException} for I/O errors other than a missing
 * file.
 */
public final class InstalledDistribution {
    /** What setuptools' {@code safe_name} replaces by {@code -} in {@code .egg-link} names. */
    private static final Pattern UNSAFE_NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9.]+");

    /** How the distribution is recorded. */
    public enum Kind {
        /** A {@code {name}-{version}.dist-info} folder. */
        DIST_INFO,
        /**
         * A setuptools {@code .egg-info} folder, or a distutils {@code .egg-info} file
         * ({@link #metadataIsFile()}).
         */
        EGG_INFO,
        /**
         * A legacy editable ({@code setup.py develop}) install: an {@code .egg-link} file in
         * site-packages names a project folder that holds the {@code .egg-info}.
         */
        EGG_LINK
    }

    private final Kind kind;
    private final Path metadataDirectory;
    private final Path installedLocation;
    private final Optional<Path> eggLink;
    private final ProjectName name;
    private final Optional<String> folderVersion;
    private final boolean metadataIsFile;
    /** Whether an {@code .egg-link} file of a given name is on the scanned path (pip's editable test). */
    private final Predicate<String> eggLinkExists;

    private RawMetadata metadata;
    private Optional<DirectUrl> directUrl;
    private String directUrlProblem;
    private Optional<List<String>> declaredEntries;
    private Optional<WheelInfo> wheel;
    private List<Requirement> requires;
    private InvalidRequirementException invalidRequirement;

    InstalledDistribution(Kind kind, Path metadataDirectory, Path installedLocation, Optional<Path> eggLink,
            ProjectName name, Optional<String> folderVersion, boolean metadataIsFile, Predicate<String> eggLinkExists) {
        this.kind = kind;
        this.metadataDirectory = metadataDirectory;
        this.installedLocation = installedLocation;
        this.eggLink = eggLink;
        this.name = name;
        this.folderVersion = folderVersion;
        this.metadataIsFile = metadataIsFile;
        this.eggLinkExists = eggLinkExists;
    }

    /**
     * The distribution whose metadata is {@code metadataDirectory}, a {@code .dist-info}
     * or {@code .egg-info} folder (or distutils {@code .egg-info} file), outside of any scan;
     * for instance one just installed.
     *
     * @throws IllegalArgumentException if the name does not end in {@code .dist-info} or
     *     {@code .egg-info}, or gives no valid project name
     */
    public static InstalledDistribution at(Path metadataDirectory) {
        Path absolute = metadataDirectory.toAbsolutePath();
        Path folder = absolute.getParent();
        Set<String> none = Set.of();
        String child = absolute.getFileName().toString();
        return SitePackagesScan.entry(child, folder, folder, Optional.empty(), none::contains)
                .filter(SitePackagesScan.Entry::valid)
                .map(SitePackagesScan.Entry::distribution)
                .orElseThrow(() -> new IllegalArgumentException(
                        "not the metadata of an installed distribution with a valid name: " + metadataDirectory));
    }

    public Kind kind() {
        return kind;
    }

    /** The normalized project name. */
    public ProjectName name() {
        return name;
    }

    /**
     * The name to show: the metadata's {@code Name} as written, or the normalized name when
     * the metadata has none (pip's {@code raw_name}).
     */
    public String displayName() {
        return MetadataHeaders.first(metadata(), MetadataField.NAME).orElse(name.toString());
    }

    /**
     * The version as written in the metadata ({@code Version}); the version in the
     * {@code .dist-info} folder name when the metadata has none.
     */
    public String rawVersion() {
        return MetadataHeaders.first(metadata(), MetadataField.VERSION).or(() -> folderVersion).orElse("");
    }

    /**
     * The version text pip parses as the distribution's version: the one in the
     * {@code .dist-info} folder name, else the metadata's.
     */
    public String versionText() {
        return folderVersion.orElseGet(this::rawVersion);
    }

    /** The version, or empty when {@link #versionText()} is not a valid PEP 440 version. */
    public Optional<Version> version() {
        return Version.tryParse(versionText());
    }

    /** The {@code .dist-info} or {@code .egg-info} folder (or distutils file). */
    public Path metadataDirectory() {
        return metadataDirectory;
    }

    /** Whether the metadata is a single distutils {@code .egg-info} file rather than a folder. */
    public boolean metadataIsFile() {
        return metadataIsFile;
    }

    /**
     * The folder that holds the metadata, which RECORD paths are relative to: the
     * site-packages folder, or for {@link Kind#EGG_LINK} the linked project folder (pip's
     * {@code location}).
     */
    public Path location() {
        return metadataDirectory.getParent();
    }

    /** The site-packages folder the distribution was found through (for an egg-link, the one holding the link). */
    public Path installedLocation() {
        return installedLocation;
    }

    /** The {@code .egg-link} file of a {@link Kind#EGG_LINK} install. */
    public Optional<Path> eggLink() {
        return eggLink;
    }

    /** The core metadata from {@code METADATA} (or {@code PKG-INFO}); empty metadata when there is none. */
    public synchronized RawMetadata metadata() {
        if (metadata == null) {
            metadata = readMetadata(metadataDirectory, metadataIsFile);
        }
        return metadata;
    }

    /**
     * The metadata as {@code importlib.metadata} finds it: {@code METADATA}, else
     * {@code PKG-INFO}, else the file itself for a distutils {@code .egg-info} file.
     */
    static RawMetadata readMetadata(Path metadataDirectory, boolean metadataIsFile) {
        Optional<byte[]> data = metadataIsFile ? read(metadataDirectory)
                : read(metadataDirectory.resolve("METADATA")).filter(b -> b.length > 0)
                        .or(() -> read(metadataDirectory.resolve("PKG-INFO")));
        return data.map(RawMetadata::parseEmail).orElseGet(() -> RawMetadata.builder().build());
    }

    /**
     * The dependency strings: {@code Requires-Dist} from the metadata, or when it has none
     * the converted entries of an {@code .egg-info}'s {@code requires.txt} (extras and
     * marker sections become markers).
     */
    public List<String> requiresText() {
        List<String> declared = MetadataHeaders.all(metadata(), MetadataField.REQUIRES_DIST);
        if (!declared.isEmpty()) {
            return declared;
        }
        return readText("requires.txt").map(EggRequires::requiresDist).orElse(List.of());
    }

    /**
     * Every declared dependency, markers not evaluated.
     *
     * @throws InvalidRequirementException for the first string that is not a PEP 508 requirement
     */
    public synchronized List<Requirement> requires() {
        if (requires == null) {
            List<Requirement> out = new ArrayList<>();
            try {
                for (String r : requiresText()) {
                    out.add(Requirement.parse(PyText.strip(r)));
                }
                requires = List.copyOf(out);
            } catch (InvalidRequirementException e) {
                invalidRequirement = e;
                requires = List.of();
            }
        }
        if (invalidRequirement != null) {
            throw invalidRequirement;
        }
        return requires;
    }

    /**
     * The dependencies that apply in {@code environment} with no extra requested: those
     * without a marker and those whose marker holds with {@code extra == ""} (pip's
     * {@code iter_dependencies()}).
     *
     * @throws InvalidRequirementException for a string that is not a PEP 508 requirement
     */
    public List<Requirement> dependencies(MarkerEnvironment environment) {
        return dependencies(environment, Set.of());
    }

    /**
     * The dependencies that apply in {@code environment} with these extras: with no extras,
     * as {@link #dependencies(MarkerEnvironment)}; with extras, those without a marker and
     * those whose marker holds for one of the extras.
     */
    public List<Requirement> dependencies(MarkerEnvironment environment, Collection<String> extras) {
        List<MarkerEnvironment> contexts = new ArrayList<>();
        if (extras.isEmpty()) {
            contexts.add(environment.with("extra", ""));
        }
        for (String e : extras) {
            contexts.add(environment.with("extra", e));
        }
        List<Requirement> out = new ArrayList<>();
        for (Requirement r : requires()) {
            Optional<Marker> marker = r.marker();
            if (marker.isEmpty() || contexts.stream().anyMatch(c -> marker.get().evaluate(c))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The first line of {@code INSTALLER}: which tool installed the distribution. */
    public Optional<String> installer() {
        return readText("INSTALLER").flatMap(t -> PyText.splitLines(t).stream()
                .map(PyText::strip).filter(l -> !l.isEmpty()).findFirst());
    }

    /** Whether the user asked for this distribution (a {@code REQUESTED} file), rather than it being a dependency. */
    public boolean requested() {
        return readBytes("REQUESTED").isPresent();
    }

    /**
     * The {@code direct_url.json} record; empty when there is none or it is not valid
     * (see {@link #directUrlProblem()}).
     */
    public synchronized Optional<DirectUrl> directUrl() {
        if (directUrl == null) {
            directUrl = Optional.empty();
            Optional<String> text = readText("direct_url.json");
            if (text.isPresent()) {
                try {
                    directUrl = Optional.of(DirectUrl.parse(text.get()));
                } catch (InvalidDirectUrlException e) {
                    directUrlProblem = e.getMessage();
                }
            }
        }
        return directUrl;
    }

    /** Why {@code direct_url.json} was not read, when it exists but is invalid. */
    public synchronized Optional<String> directUrlProblem() {
        directUrl();
        return Optional.ofNullable(directUrlProblem);
    }

    /**
     * The project folder of an editable install as pip shows it: the local path of an
     * editable {@code direct_url.json}; or, with no {@code direct_url.json}, the
     * distribution's {@link #location()} when an {@code .egg-link} named after the project
     * is on the path.
     */
    public Optional<String> editableProjectLocation() {
        Optional<DirectUrl> url = directUrl();
        if (url.isPresent()) {
            return url.get().isEditable() ? url.get().localPath().filter(p -> !p.isEmpty()) : Optional.empty();
        }
        String raw = displayName();
        if (eggLinkExists.test(UNSAFE_NAME_CHARACTERS.matcher(raw).replaceAll("-") + ".egg-link")
                || eggLinkExists.test(raw + ".egg-link")) {
            return Optional.of(location().toString());
        }
        return Optional.empty();
    }

    /** Whether this is an editable install (PEP 660 or legacy {@code setup.py develop}). */
    public boolean editable() {
        return editableProjectLocation().isPresent();
    }

    /** The project folder of an editable install. */
    public Optional<Path> editableLocation() {
        return editableProjectLocation().map(Path::of);
    }

    /**
     * The files the installer recorded, as pip lists them: the paths of RECORD relative to
     * {@link #location()}, or those of an {@code .egg-info}'s {@code installed-files.txt}
     * converted to be relative to the same place; each normalized as {@code pathlib} does
     * ({@code ..} kept). Empty when there is neither file.
     *
     * @throws dev.axle.pep.record.InvalidRecordException if RECORD is malformed
     */
    public synchronized Optional<List<String>> declaredEntries() {
        if (declaredEntries == null) {
            Optional<byte[]> record = readBytes("RECORD");
            if (record.isPresent()) {
                List<String> paths = new ArrayList<>();
                for (RecordEntry e : Record.parse(record.get()).entries()) {
                    paths.add(PurePaths.pathlib(e.path()));
                }
                declaredEntries = Optional.of(List.copyOf(paths));
            } else {
                List<String> info = List.of(metadataDirectory.getFileName().toString());
                declaredEntries = readText("installed-files.txt").map(t -> PyText.splitLines(t).stream()
                        .filter(l -> !l.isEmpty())
                        .map(l -> PurePaths.installedFilesEntry(l, info))
                        .toList());
            }
        }
        return declaredEntries;
    }

    /** Whether there is a RECORD or {@code installed-files.txt} to say which files are the distribution's. */
    public boolean hasFileList() {
        return declaredEntries().isPresent();
    }

    /**
     * The recorded files as absolute paths, with {@code ..} resolved against
     * {@link #location()} (not following links); empty when there is no file list.
     */
    public List<Path> recordedFiles() {
        Path base = location();
        return declaredEntries().orElse(List.of()).stream().map(p -> base.resolve(p).normalize()).toList();
    }

    /** The {@code WHEEL} file's tags and build tag, when the distribution was installed from a wheel. */
    public synchronized Optional<WheelInfo> wheel() {
        if (wheel == null) {
            wheel = readBytes("WHEEL").map(WheelInfo::parse);
        }
        return wheel;
    }

    /** The entry points of {@code entry_points.txt}. */
    public List<EntryPoint> entryPoints() {
        return readText("entry_points.txt").map(EntryPoint::parse).orElse(List.of());
    }

    /**
     * A file of the metadata folder as UTF-8 text; empty when it does not exist (or the
     * metadata is a single file).
     */
    public Optional<String> readText(String fileName) {
        return readBytes(fileName).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** A file of the metadata folder; empty when it does not exist or is not a file. */
    public Optional<byte[]> readBytes(String fileName) {
        return metadataIsFile ? Optional.empty() : read(metadataDirectory.resolve(fileName));
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException | NotDirectoryException | AccessDeniedException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                return Optional.empty();
            }
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstalledDistribution d && metadataDirectory.equals(d.metadataDirectory)
                && eggLink.equals(d.eggLink);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadataDirectory, eggLink);
    }

    /** {@code name version (location)}, for messages. */
    @Override
    public String toString() {
        return name + " " + versionText() + " (" + location() + ")";
    }
}
