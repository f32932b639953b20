package dev.axle.installer.db;

import dev.axle.pep.record.InvalidRecordException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which files removing installed distributions deletes (the plan of
 * {@code uninstall}); it reads the filesystem but changes nothing.
 *
 * <ul>
 *   <li>A {@code .dist-info} install: the files of its RECORD, the byte-code of each
 *       recorded {@code .py} ({@code __pycache__/<module>.<tag>.pyc} for every interpreter
 *       tag present, and legacy {@code .pyc}/{@code .pyo} beside it), launcher scripts listed
 *       in RECORD or declared as entry points, and the whole {@code .dist-info} folder. No
 *       RECORD: refused, since the files are unknown.
 *   <li>A setuptools {@code .egg-info} folder: the files of {@code installed-files.txt}, else
 *       the packages and modules of {@code top_level.txt} (namespace packages excepted), and
 *       the {@code .egg-info} folder. A distutils {@code .egg-info} file: refused.
 *   <li>A {@code setup.py develop} install: the {@code .egg-link} and its line in
 *       {@code easy-install.pth}; the project folder is left alone.
 * </ul>
 *
 * A file that another installed distribution (other than those removed in the same
 * operation) also records is kept, with its byte-code: this is how a namespace package's
 * {@code __init__.py} shared by several distributions (as {@code twisted/plugins/}) survives
 * the removal of one of them. Paths are refused when they lie outside the environment, even
 * through a symbolic link; a final symbolic link itself is removed, never its target.
 */
public final class RemovalPlanner {
    /** {@code <tag>} or {@code <tag>.opt-<n>} between a module name and {@code .pyc} in {@code __pycache__}. */
    private static final Pattern CACHE_TAG = Pattern.compile("[^.]+(\\.opt-[0-9]+)?\\.pyc");

    private final InstalledDistributions installed;
    private final Path environmentRoot;
    private final Set<Path> schemeRoots;
    private final Optional<Path> scriptsDirectory;
    private final FileTree tree;
    private Map<Path, List<InstalledDistribution>> owners;
    private final Map<Path, Path> realParents = new HashMap<>();

    private RemovalPlanner(InstalledDistributions installed, Path environmentRoot, Collection<Path> schemeRoots,
            Optional<Path> scriptsDirectory, FileTree tree) {
        this.installed = Objects.requireNonNull(installed, "installed");
        this.environmentRoot = environmentRoot.toAbsolutePath().normalize();
        Set<Path> roots = new LinkedHashSet<>();
        schemeRoots.forEach(r -> roots.add(r.toAbsolutePath().normalize()));
        this.schemeRoots = Set.copyOf(roots);
        this.scriptsDirectory = scriptsDirectory.map(p -> p.toAbsolutePath().normalize());
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /**
     * A planner for the environment at {@code environmentRoot} whose install scheme has the
     * folders {@code schemeRoots} (site-packages, scripts, headers, data...).
     */
    public static RemovalPlanner of(InstalledDistributions installed, Path environmentRoot,
            Collection<Path> schemeRoots) {
        return new RemovalPlanner(installed, environmentRoot, schemeRoots, Optional.empty(), FileTree.local());
    }

    /** The plan for removing {@code dist} alone (see {@link #plan(InstalledDistribution, Set)}). */
    public static RemovalPlan planRemoval(InstalledDistribution dist, InstalledDistributions all, Path environmentRoot,
            Collection<Path> schemeRoots) {
        return of(all, environmentRoot, schemeRoots).plan(dist);
    }

    /**
     * This planner, also removing the launchers of {@code console_scripts} and
     * {@code gui_scripts} entry points found in {@code scripts} (pip does, for installs whose
     * RECORD does not list them).
     */
    public RemovalPlanner withScriptsDirectory(Path scripts) {
        return new RemovalPlanner(installed, environmentRoot, schemeRoots, Optional.of(scripts), tree);
    }

    /** This planner, looking at {@code fileTree} instead of the local filesystem. */
    public RemovalPlanner withFileTree(FileTree fileTree) {
        return new RemovalPlanner(installed, environmentRoot, schemeRoots, scriptsDirectory, fileTree);
    }

    public RemovalPlan plan(InstalledDistribution dist) {
        return plan(dist, Set.of(dist));
    }

    /**
     * The plan for removing {@code dist} in an operation that also removes
     * {@code removedTogether} (whose claims on shared files therefore do not count).
     *
     * @throws UninstallRefusedException when the distribution cannot be removed safely
     * @throws dev.axle.pep.record.InvalidRecordException when its RECORD is malformed
     */
    public RemovalPlan plan(InstalledDistribution dist, Set<InstalledDistribution> removedTogether) {
        Path realRoot = tree.realPath(environmentRoot);
        Path installedAt = dist.installedLocation().toAbsolutePath().normalize();
        if (!installedAt.startsWith(environmentRoot) || !tree.realPath(installedAt).startsWith(realRoot)) {
            throw new UninstallRefusedException("Not uninstalling " + dist.name() + " at " + installedAt
                    + ", outside environment " + environmentRoot, installedAt);
        }
        Plan plan = new Plan(dist, removedTogether, realRoot);
        switch (dist.kind()) {
            case DIST_INFO -> {
                if (!dist.hasFileList()) {
                    throw new UninstallRefusedException(noRecordMessage(dist), dist.metadataDirectory());
                }
                dist.recordedFiles().forEach(plan::addRecorded);
                plan.addMetadataFolder();
            }
            case EGG_INFO -> {
                if (dist.metadataIsFile()) {
                    throw new UninstallRefusedException("Cannot uninstall " + dist.displayName() + " "
                            + dist.rawVersion() + ": it is a distutils installed project and thus we cannot accurately"
                            + " determine which files belong to it which would lead to only a partial uninstall",
                            dist.metadataDirectory());
                }
                if (dist.hasFileList()) {
                    dist.recordedFiles().forEach(plan::addRecorded);
                } else {
                    topLevelPaths(dist).forEach(plan::addRecorded);
                }
                plan.addMetadataFolder();
            }
            case EGG_LINK -> {
                Path link = dist.eggLink().orElseThrow();
                plan.addRecorded(link);
                Path pth = link.getParent().resolve("easy-install.pth");
                plan.pthEdits.add(new PthEdit(pth, dist.location().toString()));
            }
        }
        scriptsDirectory.ifPresent(bin -> dist.entryPoints().stream().filter(EntryPoint::isScript)
                .forEach(e -> plan.addRecorded(bin.resolve(e.name()).normalize())));
        return plan.finish();
    }

    private static String noRecordMessage(InstalledDistribution dist) {
        String installer = dist.installer().orElse("");
        String hint = installer.isEmpty() || installer.equals("pip")
                ? "Reinstall it without dependencies and over the existing files (pip install --ignore-installed"
                        + " --no-deps " + Freeze.pinned(dist) + "), or remove its files by hand"
                : "The package was installed by " + installer + ". You should check if it can uninstall the package";
        return "Cannot uninstall " + dist.displayName() + " " + dist.rawVersion()
                + ": the package's contents are unknown: no RECORD file was found for " + dist.displayName()
                + ". " + hint + ".";
    }

    /** The modules and packages {@code top_level.txt} names, without the namespace packages. */
    private static List<Path> topLevelPaths(InstalledDistribution dist) {
        Set<String> namespaces = new LinkedHashSet<>(
                dist.readText("namespace_packages.txt").map(PyText::splitLines).orElse(List.of()));
        List<Path> out = new ArrayList<>();
        for (String name : dist.readText("top_level.txt").map(PyText::splitLines).orElse(List.of())) {
            if (name.isEmpty() || namespaces.contains(name)) {
                continue;
            }
            Path base = dist.location().resolve(name).normalize();
            out.add(base);
            for (String suffix : List.of(".py", ".pyc", ".pyo")) {
                out.add(base.resolveSibling(base.getFileName() + suffix));
            }
        }
        return out;
    }

    /** Every path some installed distribution records, keyed by where it really is, with its owners. */
    private Map<Path, List<InstalledDistribution>> owners() {
        if (owners == null) {
            owners = new HashMap<>();
            for (InstalledDistribution d : installed.everything()) {
                List<Path> recorded;
                try {
                    recorded = d.recordedFiles();
                } catch (InvalidRecordException e) {
                    // Files nobody can name cannot be protected; the removal of that one is refused by its own plan.
                    continue;
                }
                for (Path p : recorded) {
                    owners.computeIfAbsent(identity(p), k -> new ArrayList<>(2)).add(d);
                }
            }
        }
        return owners;
    }

    /** Where {@code path} really is: its folder with links resolved (cached), plus its own name. */
    private Path identity(Path recorded) {
        Path path = recorded.toAbsolutePath().normalize();
        Path parent = path.getParent();
        if (parent == null) {
            return path;
        }
        Path real = realParents.computeIfAbsent(parent, p -> tree.type(p).isPresent() ? tree.realPath(p) : p);
        return real.resolve(path.getFileName());
    }

    /** The plan being built for one distribution. */
    private final class Plan {
        private final InstalledDistribution dist;
        private final Set<InstalledDistribution> removedTogether;
        private final Path realRoot;
        private final Set<Path> files = new TreeSet<>();
        private final Set<Path> shared = new TreeSet<>();
        private final Set<Path> prune = new LinkedHashSet<>();
        private final List<PthEdit> pthEdits = new ArrayList<>();

        Plan(InstalledDistribution dist, Set<InstalledDistribution> removedTogether, Path realRoot) {
            this.dist = dist;
            this.removedTogether = removedTogether;
            this.realRoot = realRoot;
        }

        /** A path the distribution's file list names: removed with its byte-code unless missing or shared. */
        void addRecorded(Path recorded) {
            Path path = recorded.toAbsolutePath().normalize();
            Optional<FileTree.Type> type = checked(path);
            if (type.isEmpty()) {
                return;
            }
            if (type.get() == FileTree.Type.DIRECTORY) {
                // A folder in a RECORD is not removed wholesale (its recorded files are); a
                // package named by top_level.txt is all its files.
                if (isTopLevelPackage(path)) {
                    tree.list(path).forEach(this::addRecorded);
                }
                return;
            }
            boolean isShared = isShared(path);
            (isShared ? shared : files).add(path);
            String name = path.getFileName().toString();
            if (name.endsWith(".py")) {
                String stem = name.substring(0, name.length() - 3);
                for (Path pyc : byteCode(path.getParent(), stem)) {
                    if (checked(pyc).isPresent()) {
                        (isShared || isShared(pyc) ? shared : files).add(pyc);
                    }
                }
            }
        }

        /** Whether {@code folder} came from {@code top_level.txt} (the only folders removed with all they hold). */
        private boolean isTopLevelPackage(Path folder) {
            return dist.kind() == InstalledDistribution.Kind.EGG_INFO && !dist.hasFileList()
                    && folder.startsWith(dist.location());
        }

        private List<Path> byteCode(Path folder, String stem) {
            List<Path> out = new ArrayList<>();
            out.add(folder.resolve(stem + ".pyc"));
            out.add(folder.resolve(stem + ".pyo"));
            for (Path cached : tree.list(folder.resolve("__pycache__"))) {
                String n = cached.getFileName().toString();
                if (n.startsWith(stem + ".") && CACHE_TAG.matcher(n.substring(stem.length() + 1)).matches()) {
                    out.add(cached);
                }
            }
            return out;
        }

        /** The metadata folder and everything in it, recorded or not. */
        void addMetadataFolder() {
            Path folder = dist.metadataDirectory().toAbsolutePath().normalize();
            if (checked(folder).orElse(null) != FileTree.Type.DIRECTORY) {
                return;
            }
            prune.add(folder);
            List<Path> pending = new ArrayList<>(List.of(folder));
            while (!pending.isEmpty()) {
                for (Path child : tree.list(pending.remove(pending.size() - 1))) {
                    if (tree.type(child).orElse(null) == FileTree.Type.DIRECTORY) {
                        prune.add(child);
                        pending.add(child);
                    } else {
                        files.add(child);
                    }
                }
            }
        }

        /**
         * The type of {@code path} after checking that it is inside the environment, directly
         * and through the links of its folders; empty when it does not exist.
         */
        private Optional<FileTree.Type> checked(Path path) {
            if (!path.startsWith(environmentRoot)) {
                throw new UninstallRefusedException("Refusing to uninstall " + dist.displayName() + " "
                        + dist.rawVersion() + ": it records " + path + ", which is outside the environment "
                        + environmentRoot, path);
            }
            Optional<FileTree.Type> type = tree.type(path);
            if (type.isPresent() && !identity(path).startsWith(realRoot)) {
                throw new UninstallRefusedException("Refusing to uninstall " + dist.displayName() + " "
                        + dist.rawVersion() + ": it records " + path + ", which a symbolic link places outside the"
                        + " environment " + environmentRoot + " (at " + identity(path) + ")", path);
            }
            return type;
        }

        private boolean isShared(Path path) {
            for (InstalledDistribution owner : owners().getOrDefault(identity(path), List.of())) {
                if (!owner.equals(dist) && !removedTogether.contains(owner)) {
                    return true;
                }
            }
            return false;
        }

        RemovalPlan finish() {
            for (Path f : files) {
                for (Path p = f.getParent(); p != null && p.startsWith(environmentRoot) && !p.equals(environmentRoot)
                        && !schemeRoots.contains(p); p = p.getParent()) {
                    prune.add(p);
                }
            }
            List<Path> directories = new ArrayList<>(prune);
            directories.sort(Comparator.comparingInt(Path::getNameCount).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            return new RemovalPlan(dist, new ArrayList<>(files), directories, new ArrayList<>(shared), pthEdits);
        }
    }
}
