package dev.axle.sync;

import dev.axle.lock.PackageArchive;
import dev.axle.lock.PackageDirectory;
import dev.axle.lock.PackageSdist;
import dev.axle.lock.PackageVcs;
import dev.axle.lock.PackageWheel;
import dev.axle.lock.SelectedPackage;
import dev.axle.pep.InvalidSdistFilenameException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.WheelFilename;
import java.net.URI;
import dev.axle.pep.ProjectName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/** The wheels of a lock's selection, or the entries that would need a build. */
public final class LockedWheels {
    private LockedWheels() {}

    /**
     * The selected packages' wheels, in the selection's order.
     *
     * @throws UnsupportedSourceException naming every entry whose source is an sdist, a VCS
     *                                    checkout, a directory or an archive that is no wheel
     */
    public static List<LockedWheel> of(List<SelectedPackage> selection) {
        return of(selection, false);
    }

    /**
     * The selected packages' wheels, in the selection's order; with {@code building}, also
     * the sdists (the entry's, or an archive that is one) and directories to build wheels from.
     *
     * @throws UnsupportedSourceException naming every entry whose source cannot be had: a VCS
     *                                    checkout, an archive that is neither wheel nor sdist,
     *                                    and without {@code building}, every sdist and directory
     */
    public static List<LockedWheel> of(List<SelectedPackage> selection, boolean building) {
        List<LockedWheel> wheels = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (SelectedPackage s : selection) {
            String name = s.entry().name() + s.entry().version().map(v -> "==" + v).orElse("");
            String project = s.entry().name().toString();
            switch (s.source()) {
                case PackageWheel w -> wheels.add(new LockedWheel(s.entry(), w.filename(), w.url(), w.path(),
                        w.hashes(), w.size()));
                case PackageArchive a -> {
                    Optional<String> file = archiveFile(a, project, ".whl");
                    Optional<String> sdist = building ? archiveFile(a, project, "sdist") : Optional.empty();
                    if (file.isPresent()) {
                        wheels.add(new LockedWheel(s.entry(), file.get(), a.url(), a.path(), a.hashes(), a.size()));
                    } else if (sdist.isPresent()) {
                        wheels.add(new LockedWheel(s.entry(), sdist.get(), a.url(), a.path(), a.hashes(), a.size(),
                                LockedWheel.Kind.SDIST));
                    } else {
                        refused.add(name + ": the archive " + a.url().or(a::path).orElse("")
                                + (building ? " (neither a wheel nor an sdist of " + project + ")" : " (not a wheel)"));
                    }
                }
                case PackageSdist sdist -> {
                    if (building) {
                        wheels.add(new LockedWheel(s.entry(), sdist.filename(), sdist.url(), sdist.path(),
                                sdist.hashes(), sdist.size(), LockedWheel.Kind.SDIST));
                    } else {
                        refused.add(name + ": the sdist " + sdist.filename() + " (no wheel of it fits this target)");
                    }
                }
                case PackageVcs vcs -> refused.add(name + ": the " + vcs.type() + " repository "
                        + vcs.url().or(vcs::path).orElse("") + " at " + vcs.commitId());
                case PackageDirectory d -> {
                    if (building && d.subdirectory().isEmpty()) {
                        wheels.add(new LockedWheel(s.entry(), lastPart(d.path()), Optional.empty(), Optional.of(d.path()),
                                Map.of(), Optional.empty(), d.editable().orElse(false) ? LockedWheel.Kind.EDITABLE
                                        : LockedWheel.Kind.DIRECTORY));
                    } else {
                        refused.add(name + ": the directory " + d.path()
                                + d.subdirectory().map(sub -> " (subdirectory " + sub + ")").orElse(""));
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new UnsupportedSourceException(refused, building);
        }
        return List.copyOf(wheels);
    }

    /**
     * The wheels a user asked for, as far as the lock tells: those no other selected entry
     * lists among its {@code dependencies}; all of them when no entry lists any (pip writes
     * none). Their distributions get a {@code REQUESTED} file, as the requirements named on a
     * command line do.
     */
    public static Set<ProjectName> requested(List<LockedWheel> wheels) {
        Set<ProjectName> all = new LinkedHashSet<>();
        Set<ProjectName> depended = new HashSet<>();
        for (LockedWheel w : wheels) {
            all.add(w.name());
            for (Map<String, Object> dependency : w.entry().dependencies().orElse(List.of())) {
                if (dependency.get("name") instanceof String name && ProjectName.isValid(name)) {
                    depended.add(ProjectName.parse(name));
                }
            }
        }
        if (depended.isEmpty()) {
            return all;
        }
        all.removeAll(depended);
        return all;
    }

    /**
     * The archive's file name, if it is a wheel ({@code suffix} {@code .whl}) or an sdist
     * ({@code sdist}) of the project (pip locks a file named by path so).
     */
    private static Optional<String> archiveFile(PackageArchive archive, String project, String suffix) {
        String file = archive.path().filter(s -> !s.isEmpty()).map(LockedWheels::lastPart)
                .or(() -> archive.url().filter(s -> !s.isEmpty()).map(LockedWheels::lastUrlPart)).orElse("");
        if (archive.subdirectory().isPresent()) {
            return Optional.empty();
        }
        try {
            String name = suffix.equals(".whl") ? (file.endsWith(".whl") ? WheelFilename.parse(file).name() : "")
                    : SdistFilename.parse(file).name();
            return name.equals(project) ? Optional.of(file) : Optional.empty();
        } catch (InvalidWheelFilenameException | InvalidSdistFilenameException e) {
            return Optional.empty();
        }
    }

    private static String lastPart(String path) {
        path = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String lastUrlPart(String url) {
        try {
            String path = URI.create(url).getPath(); // decoded; '+' stays (local versions)
            return path == null ? "" : lastPart(path);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
