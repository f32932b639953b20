package dev.axle.lock;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerSet;
import dev.axle.pep.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A lock file as a pip requirements file: one pinned line per package entry, sorted by name,
 * version and marker, so the same lock always gives the same text.
 *
 * <ul>
 *   <li>An entry of distributions is {@code name==version}; pip finds the files on its index
 *       or find-links. One that has a single local file (a {@code path}, no {@code url}) is a
 *       direct reference to that file instead, since no index has it.
 *   <li>VCS, directory and archive entries are direct references ({@code name @ URL});
 *       an editable directory is {@code -e PATH}.
 *   <li>The entry's marker follows {@code ; }; with hashes, every sha256, sha384 and sha512 of
 *       its wheels, sdist or archive follows as {@code --hash=} (the algorithms pip accepts).
 * </ul>
 *
 * <p>Markers that use {@code extras} or {@code dependency_groups} (lock-file markers) are
 * decided for the extras and groups asked for: pip evaluates requirement markers without them.
 */
public final class RequirementsExport {
    private static final List<String> PIP_HASHES = List.of("sha256", "sha384", "sha512");

    private RequirementsExport() {}

    /**
     * The requirements file's text.
     *
     * @param lock       the lock
     * @param lockFolder the folder the lock file is in, against which its relative paths resolve
     * @param hashes     whether to write {@code --hash} options
     * @throws PylockSelectException if an entry cannot be written as a requirement (its marker
     *                               uses extras or dependency groups, or it has no version)
     */
    public static String of(Pylock lock, Path lockFolder, boolean hashes) {
        return of(lock, lockFolder, hashes, Set.of(), Set.copyOf(lock.defaultGroups().orElse(List.of())));
    }

    /**
     * The requirements file's text for an install that asks for {@code extras} and
     * {@code groups}: entries whose markers need other extras or groups are left out, and the
     * rest of their markers written (a requirements file has no {@code extras} or
     * {@code dependency_groups} to evaluate).
     *
     * @throws PylockSelectException if an entry cannot be written as a requirement
     */
    public static String of(Pylock lock, Path lockFolder, boolean hashes, Set<String> extras, Set<String> groups) {
        List<Package> entries = new ArrayList<>();
        for (Package p : lock.packages()) {
            if (p.marker().isPresent() && usesSets(p.marker().get())) {
                MarkerSet decided = MarkerSet.of(p.marker().get()).assumingSets(extras, groups);
                if (!decided.isEmpty()) {
                    entries.add(p.withMarker(decided.toMarker()));
                }
            } else {
                entries.add(p);
            }
        }
        entries.sort(Comparator.comparing((Package p) -> p.name().toString())
                .thenComparing(p -> p.version().orElse(null), Comparator.nullsFirst(Comparator.<Version>naturalOrder()))
                .thenComparing(p -> p.marker().map(Object::toString).orElse("")));
        StringBuilder out = new StringBuilder();
        out.append("# Exported by axle from a PEP 751 lock file (created by ").append(lock.createdBy()).append(")\n");
        for (Package p : entries) {
            out.append(line(p, lockFolder, hashes)).append('\n');
        }
        return out.toString();
    }

    private static String line(Package p, Path lockFolder, boolean withHashes) {
        StringBuilder line = new StringBuilder(requirement(p, lockFolder));
        if (p.marker().isPresent()) {
            String marker = p.marker().get().toString();
            if (usesSets(p.marker().get())) {
                throw new PylockSelectException("the marker of " + p.name() + " (" + marker + ") uses extras or"
                        + " dependency groups, which a requirements file cannot express");
            }
            line.append(" ; ").append(marker);
        }
        if (withHashes) {
            for (String hash : hashes(p)) {
                line.append(" \\\n    --hash=").append(hash);
            }
        }
        return line.toString();
    }

    private static boolean usesSets(Marker marker) {
        String text = marker.toString();
        return text.contains("extras") || text.contains("dependency_groups");
    }

    private static String requirement(Package p, Path lockFolder) {
        String name = p.name().toString();
        if (p.vcs().isPresent()) {
            PackageVcs vcs = p.vcs().get();
            String url = vcs.url().filter(s -> !s.isEmpty()).orElseGet(() -> fileUrl(lockFolder, vcs.path().get()));
            String prefixed = url.startsWith(vcs.type() + "+") ? url : vcs.type() + "+" + url;
            return name + " @ " + prefixed + "@" + vcs.commitId() + subdirectory(vcs.subdirectory());
        }
        if (p.directory().isPresent()) {
            PackageDirectory directory = p.directory().get();
            if (directory.editable().orElse(false)) {
                return "-e " + lockFolder.resolve(directory.path()).normalize();
            }
            return name + " @ " + fileUrl(lockFolder, directory.path()) + subdirectory(directory.subdirectory());
        }
        if (p.archive().isPresent()) {
            PackageArchive archive = p.archive().get();
            String url = archive.url().filter(s -> !s.isEmpty()).orElseGet(() -> fileUrl(lockFolder, archive.path().get()));
            return name + " @ " + url + subdirectory(archive.subdirectory());
        }
        Optional<String> onlyLocal = onlyLocalFile(p);
        if (onlyLocal.isPresent()) {
            return name + " @ " + fileUrl(lockFolder, onlyLocal.get());
        }
        return name + "==" + p.version().orElseThrow(() -> new PylockSelectException(
                "package " + name + " has no version: a requirements file cannot pin it"));
    }

    /** The path of the entry's one distribution when it has only one and no URL for it. */
    private static Optional<String> onlyLocalFile(Package p) {
        List<Optional<String>> paths = new ArrayList<>();
        List<Optional<String>> urls = new ArrayList<>();
        p.sdist().ifPresent(s -> {
            paths.add(s.path());
            urls.add(s.url());
        });
        p.wheels().orElse(List.of()).forEach(w -> {
            paths.add(w.path());
            urls.add(w.url());
        });
        if (paths.size() == 1 && urls.getFirst().filter(s -> !s.isEmpty()).isEmpty()) {
            return paths.getFirst().filter(s -> !s.isEmpty());
        }
        return Optional.empty();
    }

    private static List<String> hashes(Package p) {
        TreeSet<String> out = new TreeSet<>();
        List<Map<String, String>> all = new ArrayList<>();
        p.sdist().ifPresent(s -> all.add(s.hashes()));
        p.wheels().orElse(List.of()).forEach(w -> all.add(w.hashes()));
        p.archive().ifPresent(a -> all.add(a.hashes()));
        for (Map<String, String> hashes : all) {
            hashes.forEach((algorithm, digest) -> {
                if (PIP_HASHES.contains(algorithm)) {
                    out.add(algorithm + ":" + digest);
                }
            });
        }
        return List.copyOf(out);
    }

    private static String subdirectory(Optional<String> subdirectory) {
        return subdirectory.filter(s -> !s.isEmpty()).map(s -> "#subdirectory=" + s).orElse("");
    }

    /** A path of the lock (relative to its folder, or absolute) as a {@code file:} URL. */
    private static String fileUrl(Path lockFolder, String path) {
        return lockFolder.resolve(path).toAbsolutePath().normalize().toUri().toString();
    }
}
