package dev.axle.sync;

import dev.axle.installer.DirectUrl;
import dev.axle.lock.Package;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel a lock file selects for the target: a {@code [[packages.wheels]]} entry, or a
 * {@code [packages.archive]} that is a wheel; or, where the sync builds, what builds into one:
 * the entry's {@code sdist}, an archive that is an sdist, or a {@code [packages.directory]}.
 *
 * @param entry    the package entry it belongs to
 * @param filename the wheel's or sdist's file name, as written (valid for the entry's project);
 *                 for a directory, its last part
 * @param url      where to download it
 * @param path     a local file or directory, relative to the lock file's folder or absolute
 * @param hashes   algorithm name (as in {@code hashlib}) to hex digest, as the lock gives them
 * @param size     its size in bytes, if the lock says
 * @param kind     what it is
 */
public record LockedWheel(Package entry, String filename, Optional<String> url, Optional<String> path,
        Map<String, String> hashes, Optional<Long> size, Kind kind) {

    /** A wheel, or what a wheel is built from. */
    public enum Kind {
        WHEEL, SDIST, DIRECTORY, EDITABLE;

        /** Whether it is a project folder (built each time it is installed: its files may have changed). */
        public boolean directory() {
            return this == DIRECTORY || this == EDITABLE;
        }
    }

    public LockedWheel {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(filename, "filename");
        url = Objects.requireNonNull(url, "url").filter(s -> !s.isEmpty());
        path = Objects.requireNonNull(path, "path").filter(s -> !s.isEmpty());
        hashes = Map.copyOf(hashes);
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(kind, "kind");
    }

    /** A wheel. */
    public LockedWheel(Package entry, String filename, Optional<String> url, Optional<String> path,
            Map<String, String> hashes, Optional<Long> size) {
        this(entry, filename, url, path, hashes, size, Kind.WHEEL);
    }

    public ProjectName name() {
        return entry.name();
    }

    /**
     * The version the wheel's or sdist's file name gives (the entry's, which the lock checked
     * agrees); for a directory, the entry's, if it gives one.
     */
    public Optional<Version> version() {
        return switch (kind) {
            case WHEEL -> Optional.of(WheelFilename.parse(filename).version());
            case SDIST -> entry.version().or(() -> Optional.of(SdistFilename.parse(filename).version()));
            case DIRECTORY, EDITABLE -> entry.version();
        };
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    /**
     * Whether it is a direct reference rather than a file of an index: the entry names no
     * {@code index}. Its origin is then recorded in {@code direct_url.json} (PEP 610), as for a
     * wheel installed by URL or path.
     */
    public boolean direct() {
        return entry.index().isEmpty();
    }

    /** Where the wheel comes from as a URL: its {@code url}, else its path's {@code file:} URL. */
    public String origin(Path lockFolder) {
        return url.orElseGet(() -> DirectUrl.fileUrl(lockFolder.resolve(path.orElseThrow()).toAbsolutePath().normalize()));
    }

    /** {@code name==version} (or the folder, when the lock gives no version), as the command line shows it. */
    @Override
    public String toString() {
        return name() + version().map(v -> "==" + v).orElse(" (" + path.orElse(filename) + ")");
    }

    /** Where the folder is, for a directory. */
    public Path folder(Path lockFolder) {
        return lockFolder.resolve(path.orElseThrow()).toAbsolutePath().normalize();
    }
}
