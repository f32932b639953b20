package dev.axle.installer.db;

import dev.axle.installer.DirectUrl;
import dev.axle.pep.ProjectName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code freeze}: the installed distributions as requirements, as {@code pip freeze} prints
 * them, sorted by name without regard to case:
 *
 * <ul>
 *   <li>{@code name==version}, or {@code name===version} for a version that is not PEP 440;
 *   <li>{@code name @ url} for a distribution installed from a URL, file or directory
 *       (its {@code direct_url.json}, see {@link DirectUrl#requirementUrl()});
 *   <li>for an editable install, {@code # Editable install with no version control (name==version)}
 *       then {@code -e /project/folder}.
 * </ul>
 *
 * pip itself is left out, and on Python before 3.12 also setuptools, distribute and wheel
 * (which pip no longer adds to new environments from 3.12 on), unless {@code --all}.
 *
 * <p>Not done: pip asks git, hg, svn or bazaar whether an editable project folder is a
 * checkout and then prints {@code -e git+https://...@commit#egg=name}; here no VCS is run
 * and every editable install is printed as one without version control.
 */
public final class Freeze {
    private static final Set<String> INSTALLER_TOOLS = Set.of("pip");
    private static final Set<String> BUILD_BACKENDS = Set.of("setuptools", "distribute", "wheel");

    /**
     * @param all also list pip (and the build backends) ({@code --all})
     * @param excludeEditable leave editable installs out ({@code --exclude-editable})
     * @param exclude projects to leave out, any spelling ({@code --exclude})
     * @param skipBuildBackends leave out setuptools, distribute and wheel unless {@code all}:
     *     what pip does when it runs on Python before 3.12
     */
    public record Options(boolean all, boolean excludeEditable, Set<String> exclude, boolean skipBuildBackends) {
        public Options {
            exclude = Set.copyOf(exclude);
        }

        /**
         * {@code pip freeze} without options, run by an interpreter of {@code pythonVersion}
         * ({@code 3.11}, {@code 3.12.1}).
         */
        public static Options forPython(String pythonVersion) {
            return new Options(false, false, Set.of(), isBefore312(pythonVersion));
        }

        public Options withAll(boolean a) {
            return new Options(a, excludeEditable, exclude, skipBuildBackends);
        }

        private static boolean isBefore312(String pythonVersion) {
            String[] parts = pythonVersion.split("\\.");
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return major < 3 || (major == 3 && minor < 12);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a Python version: " + pythonVersion, e);
            }
        }
    }

    private Freeze() {}

    public static CommandOutput render(InstalledDistributions installed, Options options) {
        return CommandOutput.of(lines(installed, options), List.of(), CommandOutput.SUCCESS);
    }

    /** The output lines. */
    public static List<String> lines(InstalledDistributions installed, Options options) {
        Set<String> skip = new HashSet<>(PackageList.STANDARD_LIBRARY);
        if (!options.all()) {
            skip.addAll(INSTALLER_TOOLS);
            if (options.skipBuildBackends()) {
                skip.addAll(BUILD_BACKENDS);
            }
        }
        options.exclude().forEach(n -> skip.add(ProjectName.canonicalize(n)));
        List<InstalledDistribution> dists = new ArrayList<>(installed.inPathOrder());
        dists.removeIf(d -> skip.contains(d.name().toString()) || (options.excludeEditable() && d.editable()));
        dists.sort(Comparator.comparing(d -> PyText.lower(d.displayName()), PyText.CODE_POINT_ORDER));
        List<String> lines = new ArrayList<>();
        for (InstalledDistribution d : dists) {
            lines.addAll(requirement(d));
        }
        return lines;
    }

    /** The lines that stand for {@code dist}: comments, then the requirement. */
    static List<String> requirement(InstalledDistribution dist) {
        Optional<String> editable = dist.editableProjectLocation();
        if (editable.isPresent()) {
            String location = PurePaths.normpath(editable.get());
            return List.of("# Editable install with no version control (" + pinned(dist) + ")", "-e " + location);
        }
        Optional<DirectUrl> url = dist.directUrl();
        if (url.isPresent()) {
            return List.of(dist.displayName() + " @ " + url.get().requirementUrl());
        }
        return List.of(pinned(dist));
    }

    /** {@code name==version}, or {@code name===version} when the version is not PEP 440. */
    static String pinned(InstalledDistribution dist) {
        return dist.version().map(v -> dist.displayName() + "==" + v)
                .orElseGet(() -> dist.displayName() + "===" + dist.rawVersion());
    }
}
