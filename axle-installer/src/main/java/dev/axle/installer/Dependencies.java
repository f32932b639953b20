package dev.axle.installer;

import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency check of an install without an index: every requirement of every wheel
 * (with markers evaluated for the target interpreter) must be met by the wheels given or
 * by what stays installed. Resolution from indexes replaces this later; until then a
 * missing dependency stops the install before anything changes, as pip does with
 * {@code --no-index} and nothing to find.
 */
final class Dependencies {
    private Dependencies() {}

    static void check(Collection<UnpackedWheel> wheels, InstalledDistributions installed, Set<ProjectName> replaced,
            MarkerEnvironment markers) {
        Map<ProjectName, Version> available = new HashMap<>();
        Set<ProjectName> present = new HashSet<>();
        for (InstalledDistribution d : installed) {
            // One with an unreadable version counts as present but meets no version range.
            if (!replaced.contains(d.name())) {
                available.put(d.name(), d.version().orElse(null));
                present.add(d.name());
            }
        }
        for (UnpackedWheel w : wheels) {
            available.put(w.name(), w.version());
            present.add(w.name());
        }
        MarkerEnvironment noExtra = markers.with("extra", "");
        List<String> problems = new ArrayList<>();
        for (UnpackedWheel w : wheels) {
            for (String line : w.rawMetadata().list(MetadataField.REQUIRES_DIST).orElse(List.of())) {
                Requirement r;
                try {
                    r = Requirement.parse(line);
                } catch (InvalidRequirementException e) {
                    problems.add(w.displayName() + " " + w.version() + " has an invalid requirement " + line.strip()
                            + ": " + e.getMessage());
                    continue;
                }
                if (r.marker().isPresent() && !r.marker().get().evaluate(noExtra)) {
                    continue;
                }
                ProjectName dep = ProjectName.parse(r.name());
                Version have = available.get(dep);
                if (!present.contains(dep)) {
                    problems.add(w.displayName() + " " + w.version() + " requires " + r + ", which is neither installed nor given");
                } else if (have == null ? !r.specifier().isEmpty() : !r.specifier().contains(have, true)) {
                    problems.add(w.displayName() + " " + w.version() + " requires " + r + ", but " + dep + " " + have
                            + " would be installed");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InstallException(String.join("\n", problems)
                    + "\nnothing was installed: pass the wheels these need too, or --no-deps to install without them");
        }
    }
}
