package dev.axle.lock;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Tag;
import dev.axle.pep.Version;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A PEP 751 lock file ({@code pylock.toml}).
 *
 * <p>{@link #parse(String)} accepts exactly what packaging 26.3's {@code Pylock.from_dict}
 * accepts and refuses the rest with the same problem at the same key path;
 * {@link #toToml()} writes a model the way uv does (the same model always gives the same
 * text, and parsing it gives the model back); {@link #select} picks what to install for a
 * target.
 *
 * @param lockVersion      the format version; 1.x is read (a later minor version may carry keys this reader ignores)
 * @param environments     markers of the environments the lock supports (absent: any)
 * @param requiresPython   the Python versions the lock supports
 * @param extras           the extras the lock covers (normalized names)
 * @param dependencyGroups the dependency groups the lock covers
 * @param defaultGroups    the groups installed when none are asked for
 * @param createdBy        the tool that wrote it
 * @param packages         the package entries, in file order
 * @param tool             tool-specific data
 */
public record Pylock(Version lockVersion, Optional<List<Marker>> environments, Optional<SpecifierSet> requiresPython,
        Optional<List<String>> extras, Optional<List<String>> dependencyGroups, Optional<List<String>> defaultGroups,
        String createdBy, List<Package> packages, Optional<Map<String, Object>> tool) {

    private static final Pattern FILE_NAME = Pattern.compile("pylock\\.toml|pylock\\.[^.]+\\.toml");
    private static final Version ONE = Version.release(1);
    private static final Version TWO = Version.release(2);

    public Pylock {
        Objects.requireNonNull(lockVersion, "lockVersion");
        environments = Objects.requireNonNull(environments, "environments").map(List::copyOf);
        Objects.requireNonNull(requiresPython, "requiresPython");
        extras = Objects.requireNonNull(extras, "extras").map(List::copyOf);
        dependencyGroups = Objects.requireNonNull(dependencyGroups, "dependencyGroups").map(List::copyOf);
        defaultGroups = Objects.requireNonNull(defaultGroups, "defaultGroups").map(List::copyOf);
        Objects.requireNonNull(createdBy, "createdBy");
        packages = List.copyOf(packages);
        tool = Objects.requireNonNull(tool, "tool").map(TomlValues::copyTable);
    }

    /** A version 1.0 lock with these packages and nothing optional. */
    public static Pylock of(String createdBy, List<Package> packages) {
        return new Pylock(Version.release(1, 0), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), createdBy, packages, Optional.empty());
    }

    /** Whether a file name is one PEP 751 allows: {@code pylock.toml} or {@code pylock.<name>.toml}. */
    public static boolean isLockFileName(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    /**
     * Parses and validates a lock file's text.
     *
     * @throws PylockValidationException if it is not TOML or not a valid lock file
     * @throws PylockUnsupportedVersionException if its lock-version is not 1.x
     */
    public static Pylock parse(String toml) {
        return fromMap(TomlValues.parse(toml));
    }

    /** {@link #parse(String)} from a reader (read to its end, not closed). */
    public static Pylock parse(Reader toml) throws IOException {
        StringWriter text = new StringWriter();
        toml.transferTo(text);
        return parse(text.toString());
    }

    /** Reads and parses a lock file (UTF-8). */
    public static Pylock read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * Validates a lock file already decoded from TOML (packaging's {@code from_dict}): values are
     * String, Long (or other integers), Double, Boolean, java.time values, List and Map; a null
     * value counts as absent.
     */
    public static Pylock fromMap(Map<String, ?> document) {
        TableReader t = new TableReader(document);
        Version lockVersion = t.requiredAs("lock-version", TableReader.Kind.STR, v -> Package.version((String) v));
        Optional<List<Marker>> environments = t.sequenceAs("environments", TableReader.Kind.STR,
                v -> Package.marker((String) v));
        Optional<List<String>> extras = t.sequenceAs("extras", TableReader.Kind.STR,
                v -> Package.normalizedName((String) v).toString());
        Optional<List<String>> dependencyGroups = t.strings("dependency-groups");
        Optional<List<String>> defaultGroups = t.strings("default-groups");
        String createdBy = t.requiredString("created-by");
        Optional<SpecifierSet> requiresPython = t.as("requires-python", TableReader.Kind.STR,
                v -> Package.specifiers((String) v));
        List<Package> packages = t.tables("packages", Package::read).orElseThrow(() -> TableReader.missing("packages"));
        Optional<Map<String, Object>> tool = t.freeTable("tool");
        if (lockVersion.compareTo(ONE) < 0 || lockVersion.compareTo(TWO) >= 0) {
            throw new PylockUnsupportedVersionException("pylock version " + lockVersion + " is not supported");
        }
        return new Pylock(lockVersion, environments, requiresPython, extras, dependencyGroups, defaultGroups,
                createdBy, packages, tool);
    }

    /** The document as plain values (packaging's {@code to_dict}): what {@link #toToml()} writes. */
    public Map<String, Object> toMap() {
        return PylockMaps.of(this);
    }

    /**
     * Checks a model built in code against the specification, as if it had been read from a file.
     *
     * @throws PylockValidationException for the first problem
     */
    public void validate() {
        fromMap(toMap());
    }

    /** The lock file's text: deterministic, keys in the order uv writes them. */
    public String toToml() {
        return PylockWriter.write(this);
    }

    /**
     * What to install for a target, with the lock's default groups and no extras.
     *
     * @see #select(MarkerEnvironment, List, Collection, Optional, Predicate)
     */
    public List<SelectedPackage> select(MarkerEnvironment environment, List<Tag> supportedTags) {
        return select(environment, supportedTags, Set.of(), Optional.empty(), name -> false);
    }

    /**
     * What to install for a target, following PEP 751's installation steps as packaging 26.3 does.
     *
     * @param environment      the target's marker values; must define {@code python_full_version}
     * @param supportedTags    the target's wheel tags, most preferred first
     * @param extras           the extras to install
     * @param dependencyGroups the groups to install; empty for the lock's {@code default-groups}
     * @param preferSdist      asked for each package with an sdist; true picks the sdist before any wheel
     * @throws PylockSelectException if the lock does not fit the target or a package has nothing installable
     */
    public List<SelectedPackage> select(MarkerEnvironment environment, List<Tag> supportedTags,
            Collection<String> extras, Optional<? extends Collection<String>> dependencyGroups,
            Predicate<ProjectName> preferSdist) {
        return Selection.select(this, environment, supportedTags, extras, dependencyGroups, preferSdist);
    }
}
