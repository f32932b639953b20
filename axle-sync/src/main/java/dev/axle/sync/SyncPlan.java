package dev.axle.sync;

import dev.axle.installer.DirectUrl;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.pep.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a sync changes: each locked wheel installed, replacing what is installed, or kept; and
 * the installed distributions the lock does not select, removed (unless the sync is inexact).
 *
 * @param steps  one per locked wheel, in the lock's order
 * @param remove the installed distributions to remove, in the environment's order
 */
public record SyncPlan(List<Step> steps, List<InstalledDistribution> remove) {
    public SyncPlan {
        steps = List.copyOf(steps);
        remove = List.copyOf(remove);
    }

    /** What happens to one locked wheel. */
    public enum Action {
        /** Nothing of the project is installed. */
        INSTALL,
        /** Another version is installed, or the same version from another origin. */
        REPLACE,
        /** The same version from the same origin is installed. */
        KEEP
    }

    /**
     * @param wheel     the locked wheel
     * @param action    what happens to it
     * @param installed what is installed of its project now
     */
    public record Step(LockedWheel wheel, Action action, Optional<InstalledDistribution> installed) {
        public Step {
            Objects.requireNonNull(wheel, "wheel");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(installed, "installed");
        }
    }

    /**
     * Compares the locked wheels with what is installed. An installed distribution matches a
     * wheel when its version is the wheel's and its origin the same: for a wheel of an index,
     * no {@code direct_url.json}; for a direct one, a {@code direct_url.json} of an archive
     * at the wheel's URL (or path), with the wheel's sha256 if it records one. An sdist
     * matches the same way (a direct one by the sdist's sha256); an editable directory when
     * the distribution is an editable install of that folder; a directory never: it is built
     * again, as its files may have changed.
     *
     * @param lockFolder the lock file's folder, against which relative paths resolve
     * @param exact      whether installed distributions the lock does not select are removed
     */
    public static SyncPlan of(List<LockedWheel> wheels, InstalledDistributions installed, Path lockFolder,
            boolean exact) {
        List<Step> steps = new ArrayList<>();
        Set<ProjectName> locked = new HashSet<>();
        for (LockedWheel w : wheels) {
            locked.add(w.name());
            Optional<InstalledDistribution> now = installed.get(w.name());
            Action action = now.isEmpty() ? Action.INSTALL
                    : matches(now.get(), w, lockFolder) ? Action.KEEP : Action.REPLACE;
            steps.add(new Step(w, action, now));
        }
        List<InstalledDistribution> remove = new ArrayList<>();
        if (exact) {
            for (InstalledDistribution d : installed) {
                if (!locked.contains(d.name())) {
                    remove.add(d);
                }
            }
        }
        return new SyncPlan(steps, remove);
    }

    private static boolean matches(InstalledDistribution d, LockedWheel w, Path lockFolder) {
        if (w.kind() == LockedWheel.Kind.DIRECTORY) {
            return false;
        }
        if (w.version().isPresent() && !d.version().equals(w.version())) {
            return false;
        }
        Optional<DirectUrl> recorded = d.directUrl();
        if (w.kind() == LockedWheel.Kind.EDITABLE) {
            return recorded.isPresent() && recorded.get().info() instanceof DirectUrl.DirInfo dir
                    && dir.editable().orElse(false) && recorded.get().url().equals(DirectUrl.fileUrl(w.folder(lockFolder)));
        }
        if (w.version().isEmpty()) {
            return false;
        }
        if (!w.direct()) {
            return recorded.isEmpty();
        }
        if (recorded.isEmpty() || !(recorded.get().info() instanceof DirectUrl.ArchiveInfo archive)
                || !recorded.get().url().equals(DirectUrl.redactCredentials(w.origin(lockFolder)))) {
            return false;
        }
        String sha256 = archive.hashes().get("sha256");
        return sha256 == null || w.sha256().isEmpty() || sha256.equalsIgnoreCase(w.sha256().get());
    }

    /** The wheels to install, installing or replacing, in the lock's order. */
    public List<LockedWheel> toInstall() {
        return steps.stream().filter(s -> s.action() != Action.KEEP).map(Step::wheel).toList();
    }

    /** Whether the environment already matches. */
    public boolean changesNothing() {
        return remove.isEmpty() && steps.stream().allMatch(s -> s.action() == Action.KEEP);
    }
}
