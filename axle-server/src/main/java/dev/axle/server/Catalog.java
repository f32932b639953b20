package dev.axle.server;

import dev.axle.server.proxy.ProxiedProject;
import dev.axle.server.proxy.Proxy;
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
 *
 * <p>A proxy index of the chain (one with an upstream) has a project when its allow-list lets it
 * take the name and its upstream (or what it kept) has it, but never when a private index of
 * the chain has the project: a private name always wins, and is never merged with an upstream's
 * files of that name (no dependency confusion).
 */
public final class Catalog {
    private final Store store;
    private final Optional<Proxy> proxy;

    /** A catalog whose proxy indexes show nothing. */
    public Catalog(Store store) {
        this.store = store;
        this.proxy = Optional.empty();
    }

    public Catalog(Store store, Proxy proxy) {
        this.store = store;
        this.proxy = Optional.of(proxy);
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

    /** The projects an index shows, by normalized name (the first index of the chain spells the name). */
    public List<Project> projects(String index) {
        Map<String, Project> projects = new TreeMap<>();
        for (IndexConfig member : chain(index)) {
            for (Project p : store.projects(member.name())) {
                projects.putIfAbsent(p.name(), p);
            }
        }
        return List.copyOf(projects.values());
    }

    /** A project as {@code index} shows it, or empty when no index of the chain has it. */
    public Optional<ProjectView> project(String index, String name) {
        List<IndexConfig> chain = chain(index);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        boolean merge = chain.getFirst().merge();
        boolean privateName = chain.stream()
                .anyMatch(c -> !c.proxy() && store.project(c.name(), name).isPresent());
        Map<String, StoredFile> files = new LinkedHashMap<>();
        Map<String, Release> releases = new LinkedHashMap<>();
        ProxiedProject first = null;
        long lastSerial = 0;
        for (IndexConfig member : chain) {
            Optional<ProxiedProject> project = member.proxy()
                    ? (privateName ? Optional.empty() : proxy.flatMap(p -> p.project(member, name)))
                    : store.project(member.name(), name).map(p -> new ProxiedProject(p.displayName(),
                            p.lastSerial(), store.files(member.name(), name), store.releases(member.name(), name)));
            if (project.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = project.get();
            }
            lastSerial = Math.max(lastSerial, project.get().lastSerial());
            for (StoredFile f : project.get().files()) {
                files.putIfAbsent(f.filename(), f);
            }
            for (Release r : project.get().releases()) {
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

    /** The file named {@code filename} that {@code index} shows for {@code project}. */
    public Optional<StoredFile> file(String index, String project, String filename) {
        return project(index, project).flatMap(p -> p.files().stream()
                .filter(f -> f.filename().equals(filename)).findFirst());
    }
}
