package dev.axle.installer.db;

import dev.axle.pep.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The distributions installed in one environment: what {@code importlib.metadata} and pip
 * find on its path (the site-packages folders, in {@code sys.path} order).
 *
 * <p>Each folder is listed once; names and {@code .dist-info} versions come from the entry
 * names, metadata is read when asked for. When a project is found more than once, the first
 * one in path order (and, within a folder, in directory order) is the installed one, as for
 * Python's import system; the others are kept as {@link #shadowed()}. Legacy editable
 * installs ({@code .egg-link} files) count as found in the folder that holds the link,
 * after that folder's own entries.
 *
 * <p>Iteration is in normalized-name order, as {@code pip list} sorts.
 */
public final class InstalledDistributions implements Iterable<InstalledDistribution> {
    private final List<Path> sitePackages;
    private final List<InstalledDistribution> inPathOrder;
    private final List<InstalledDistribution> byNameOrder;
    private final Map<ProjectName, InstalledDistribution> byName;
    private final List<InstalledDistribution> shadowed;
    private final List<String> warnings;

    private InstalledDistributions(List<Path> sitePackages, List<InstalledDistribution> inPathOrder,
            List<InstalledDistribution> shadowed, List<String> warnings) {
        this.sitePackages = List.copyOf(sitePackages);
        this.inPathOrder = List.copyOf(inPathOrder);
        this.shadowed = List.copyOf(shadowed);
        this.warnings = List.copyOf(warnings);
        this.byName = new HashMap<>();
        for (InstalledDistribution d : inPathOrder) {
            byName.put(d.name(), d);
        }
        List<InstalledDistribution> sorted = new ArrayList<>(inPathOrder);
        sorted.sort(Comparator.comparing(InstalledDistribution::name));
        this.byNameOrder = List.copyOf(sorted);
    }

    /**
     * Scans {@code sitePackages} (missing folders are skipped).
     *
     * @throws java.io.UncheckedIOException if a folder cannot be listed
     */
    public static InstalledDistributions read(List<Path> sitePackages) {
        Set<String> eggLinkNames = new HashSet<>();
        Set<ProjectName> seen = new HashSet<>();
        List<InstalledDistribution> found = new ArrayList<>();
        List<InstalledDistribution> shadowed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path folder : sitePackages) {
            List<String> names = SitePackagesScan.list(folder);
            List<Path> eggLinks = new ArrayList<>();
            for (String child : names) {
                if (child.endsWith(SitePackagesScan.EGG_LINK)) {
                    eggLinkNames.add(child);
                    eggLinks.add(folder.resolve(child));
                }
                SitePackagesScan.entry(child, folder, folder, Optional.empty(), eggLinkNames::contains)
                        .ifPresent(e -> add(e, seen, found, shadowed, warnings));
            }
            for (Path link : eggLinks) {
                Optional<Path> target = SitePackagesScan.eggLinkTarget(link);
                if (target.isEmpty()) {
                    continue;
                }
                for (String child : SitePackagesScan.list(target.get())) {
                    SitePackagesScan.entry(child, target.get(), folder, Optional.of(link), eggLinkNames::contains)
                            .ifPresent(e -> add(e, seen, found, shadowed, warnings));
                }
            }
        }
        return new InstalledDistributions(sitePackages, found, shadowed, warnings);
    }

    private static void add(SitePackagesScan.Entry entry, Set<ProjectName> seen, List<InstalledDistribution> found,
            List<InstalledDistribution> shadowed, List<String> warnings) {
        if (!entry.valid()) {
            warnings.add(entry.problem());
        } else if (seen.add(entry.distribution().name())) {
            found.add(entry.distribution());
        } else {
            shadowed.add(entry.distribution());
        }
    }

    /** The folders scanned, in path order. */
    public List<Path> sitePackages() {
        return sitePackages;
    }

    /** The installed distribution of project {@code name} (any spelling). */
    public Optional<InstalledDistribution> get(String name) {
        String canonical = ProjectName.canonicalize(name);
        return ProjectName.isValid(canonical) ? get(ProjectName.parse(canonical)) : Optional.empty();
    }

    public Optional<InstalledDistribution> get(ProjectName name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether project {@code name} is installed. */
    public boolean contains(ProjectName name) {
        return byName.containsKey(name);
    }

    /** The installed distributions, sorted by normalized name. */
    public List<InstalledDistribution> all() {
        return byNameOrder;
    }

    /** The installed distributions in the order they were found (path order, then directory order). */
    public List<InstalledDistribution> inPathOrder() {
        return inPathOrder;
    }

    /** Distributions of projects found again later on the path, hidden by the first ones. */
    public List<InstalledDistribution> shadowed() {
        return shadowed;
    }

    /** Installed and shadowed distributions: everything that has files in the environment. */
    public List<InstalledDistribution> everything() {
        List<InstalledDistribution> all = new ArrayList<>(inPathOrder);
        all.addAll(shadowed);
        return all;
    }

    /**
     * What was left out, as pip words it: entries whose name is not a valid project name
     * (such as {@code ~ip-21.0.dist-info} left by an interrupted uninstall), entries without
     * a name.
     */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return inPathOrder.size();
    }

    @Override
    public Iterator<InstalledDistribution> iterator() {
        return byNameOrder.iterator();
    }
}
