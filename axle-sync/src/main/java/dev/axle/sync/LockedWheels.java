package dev.axle.sync;

import dev.axle.lock.PackageArchive;
import dev.axle.lock.PackageDirectory;
import dev.axle.lock.PackageSdist;
import dev.axle.lock.PackageVcs;
import dev.axle.lock.PackageWheel;
import dev.axle.lock.SelectedPackage;
import dev.axle.pep.InvalidWheelFilenameException;
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
        List<LockedWheel> wheels = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (SelectedPackage s : selection) {
            String name = s.entry().name() + s.entry().version().map(v -> "==" + v).orElse("");
            switch (s.source()) {
                case PackageWheel w -> wheels.add(new LockedWheel(s.entry(), w.filename(), w.url(), w.path(),
                        w.hashes(), w.size()));
                case PackageArchive a -> {
                    Optional<String> file = archiveWheel(a, s.entry().name().toString());
                    if (file.isPresent()) {
                        wheels.add(new LockedWheel(s.entry(), file.get(), a.url(), a.path(), a.hashes(), a.size()));
                    } else {
                        refused.add(name + ": the archive " + a.url().or(a::path).orElse("") + " (not a wheel)");
                    }
                }
                case PackageSdist sdist -> refused.add(name + ": the sdist " + sdist.filename()
                        + " (no wheel of it fits this target)");
                case PackageVcs vcs -> refused.add(name + ": the " + vcs.type() + " repository "
                        + vcs.url().or(vcs::path).orElse("") + " at " + vcs.commitId());
                case PackageDirectory d -> refused.add(name + ": the directory " + d.path());
            }
        }
        if (!refused.isEmpty()) {
            throw new UnsupportedSourceException(refused);
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

    /** The archive's file name, if it is a wheel of the project (pip locks a wheel named by path so). */
    private static Optional<String> archiveWheel(PackageArchive archive, String project) {
        String file = archive.path().filter(s -> !s.isEmpty()).map(LockedWheels::lastPart)
                .or(() -> archive.url().filter(s -> !s.isEmpty()).map(LockedWheels::lastUrlPart)).orElse("");
        if (!file.endsWith(".whl") || archive.subdirectory().isPresent()) {
            return Optional.empty();
        }
        try {
            return WheelFilename.parse(file).name().equals(project) ? Optional.of(file) : Optional.empty();
        } catch (InvalidWheelFilenameException e) {
            return Optional.empty();
        }
    }

    private static String lastPart(String path) {
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
