package dev.axle.server;

import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Project;
import dev.axle.server.store.Release;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an index shows, its bases included (devpi's inheritance): the chain is the index, then
 * each base's chain in the order listed, each index once. A project's files come from the first
 * index of the chain that has the project, or, on an index configured to merge, from every
 * index of the chain (the first file of a name wins).
 */
public final class Catalog {
    private final Store store;
    private final Upstreams upstreams;

    /** A catalog of {@code store}'s indexes; proxy indexes fetch through {@code upstreams}. */
    public Catalog(Store store, Upstreams upstreams) {
        this.store = store;
        this.upstreams = upstreams;
    }

    /** A project as an index shows it. {@code lastSerial} is the latest of the indexes it comes from. */
    public record ProjectView(String name, String displayName, long lastSerial, List<StoredFile> files,
            List<Release> releases) {}

    /** The index and its bases, in lookup order; empty when there is no such index. */
    public List<IndexConfig> chain(String index) {
        List<IndexConfig> chain = new ArrayList<>();
        collect(index, new LinkedHashSet<>(), chain);
        return chain;
    }

    private void collect(String index, Set<String> seen, List<IndexConfig> chain) {
        if (!seen.add(index)) {
            return;
        }
        Optional<IndexConfig> config = store.index(index);
        if (config.isEmpty()) {
            return;
        }
        chain.add(config.get());
        for (String base : config.get().bases()) {
            collect(base, seen, chain);
        }
    }

    /**
     * The projects an index shows, by normalized name (the first index of the chain spells the
     * name); of a proxy index, those fetched so far.
     */
    public List<Project> projects(String index) {
        Map<String, Project> projects = new TreeMap<>();
        for (IndexConfig member : chain(index)) {
            for (Project p : store.projects(member.name())) {
                projects.putIfAbsent(p.name(), p);
            }
        }
        return List.copyOf(projects.values());
    }

    /**
     * A project as {@code index} shows it, or empty when no index of the chain has it. A proxy
     * index of the chain is asked only for names it allows, and never for a name that a
     * private index of the chain has (no dependency confusion).
     *
     * @throws Upstreams.UpstreamException when a proxy's upstream fails and nothing is kept
     */
    public Optional<ProjectView> project(String index, String name) throws Upstreams.UpstreamException {
        List<IndexConfig> chain = chain(index);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        boolean merge = chain.getFirst().merge();
        boolean privateName = chain.stream().filter(m -> m.upstream().isEmpty())
                .anyMatch(m -> store.project(m.name(), name).isPresent());
        Map<String, StoredFile> files = new LinkedHashMap<>();
        Map<String, Release> releases = new LinkedHashMap<>();
        Project first = null;
        long lastSerial = 0;
        for (IndexConfig member : chain) {
            if (member.upstream().isPresent()) {
                if (privateName || !member.allows(name)) {
                    continue;
                }
                upstreams.refresh(member, name);
            }
            Optional<Project> project = store.project(member.name(), name);
            if (project.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = project.get();
            }
            lastSerial = Math.max(lastSerial, project.get().lastSerial());
            for (StoredFile f : store.files(member.name(), name)) {
                files.putIfAbsent(f.filename(), f);
            }
            for (Release r : store.releases(member.name(), name)) {
                releases.putIfAbsent(r.version(), r);
            }
            if (!merge) {
                break;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        List<StoredFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Versions.FILE_ORDER);
        return Optional.of(new ProjectView(name, first.displayName(), lastSerial, sorted,
                List.copyOf(releases.values())));
    }

}
