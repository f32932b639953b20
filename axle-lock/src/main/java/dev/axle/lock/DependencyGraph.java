package dev.axle.lock;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Why each package of a single-target lock is in it: which of the lock's roots (the project's
 * dependencies, each extra, each dependency group) reach it through the resolved packages'
 * dependencies. Every environment marker is fixed by the target, so each dependency edge is
 * there or not; what is left open is only which extras and groups get installed. A package's
 * marker is therefore the {@code or} of the roots that reach it ({@code 'x' in extras},
 * {@code 'g' in dependency_groups}), and none when the project's own dependencies reach it.
 *
 * <p>A package's extra is a node of its own (as the resolver models it): reached when
 * something requires {@code name[extra]}, it brings the package and what the package
 * requires for that extra.
 */
public final class DependencyGraph {

    /** Where a lock's requirements start. */
    public sealed interface Root extends Comparable<Root> permits Root.Base, Root.Extra, Root.Group {
        /** The project's own dependencies, or the requirements of a lock made without a project. */
        record Base() implements Root {}

        /** An extra of the project (normalized name). */
        record Extra(String name) implements Root {}

        /** A dependency group (normalized name). */
        record Group(String name) implements Root {}

        /** The marker that holds when this root is installed; empty for the base (always). */
        default Optional<String> condition() {
            return switch (this) {
                case Base b -> Optional.empty();
                case Extra e -> Optional.of("'" + e.name() + "' in extras");
                case Group g -> Optional.of("'" + g.name() + "' in dependency_groups");
            };
        }

        /** Base, then extras, then groups, each by name. */
        @Override
        default int compareTo(Root o) {
            return Comparator.<Root>comparingInt(r -> switch (r) {
                case Base b -> 0;
                case Extra e -> 1;
                case Group g -> 2;
            }).thenComparing(r -> switch (r) {
                case Base b -> "";
                case Extra e -> e.name();
                case Group g -> g.name();
            }).compare(this, o);
        }
    }

    /** A package, or one of its extras ({@code extra} empty for the package itself). */
    private record Node(String project, String extra) {}

    private final Map<ProjectName, Set<Root>> reachedBy;
    private final Map<ProjectName, Set<ProjectName>> dependencies;

    private DependencyGraph(Map<ProjectName, Set<Root>> reachedBy, Map<ProjectName, Set<ProjectName>> dependencies) {
        this.reachedBy = reachedBy;
        this.dependencies = dependencies;
    }

    /**
     * Walks the graph from each root.
     *
     * @param roots       each root's requirements (markers not yet evaluated); a requirement on
     *                    {@code self} with extras stands for those extras of the project
     * @param self        the project's own name, if it has one
     * @param requires    the resolved packages' declared dependencies (their Requires-Dist)
     * @param overrides   requirements that replace every declared one on their project
     * @param target      the environment the lock is for
     */
    public static DependencyGraph walk(Map<Root, List<Requirement>> roots, Optional<ProjectName> self,
            Map<ProjectName, List<Requirement>> requires, List<Requirement> overrides, MarkerEnvironment target) {
        Map<String, List<Requirement>> overriding = new LinkedHashMap<>();
        for (Requirement r : overrides) {
            if (applies(r.marker(), target, "")) {
                overriding.computeIfAbsent(ProjectName.canonicalize(r.name()), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Requirement>> declared = new LinkedHashMap<>();
        requires.forEach((project, list) -> declared.put(project.toString(), list));
        Map<ProjectName, Set<Root>> reachedBy = new TreeMap<>(Comparator.comparing(ProjectName::toString));
        Map<ProjectName, Set<ProjectName>> dependencies = new TreeMap<>(Comparator.comparing(ProjectName::toString));
        String selfName = self.map(ProjectName::toString).orElse(null);
        for (Root root : new TreeSet<>(roots.keySet())) {
            Set<Node> seen = new HashSet<>();
            Deque<Node> todo = new ArrayDeque<>();
            for (Root reached : rootsReached(root, roots, selfName, target)) {
                for (Requirement r : roots.get(reached)) {
                    if (applies(r.marker(), target, "") && !ProjectName.canonicalize(r.name()).equals(selfName)) {
                        targets(r, overriding).forEach(todo::add);
                    }
                }
            }
            while (!todo.isEmpty()) {
                Node node = todo.removeFirst();
                if (!seen.add(node)) {
                    continue;
                }
                ProjectName project = ProjectName.parse(node.project());
                reachedBy.computeIfAbsent(project, k -> new TreeSet<>()).add(root);
                Set<ProjectName> edges = dependencies.computeIfAbsent(project, k -> new TreeSet<>(
                        Comparator.comparing(ProjectName::toString)));
                if (!node.extra().isEmpty()) {
                    todo.add(new Node(node.project(), ""));
                }
                for (Requirement r : declared.getOrDefault(node.project(), List.of())) {
                    // An extra's node adds what the extra adds; the rest comes with the package itself.
                    boolean always = applies(r.marker(), target, "");
                    if (node.extra().isEmpty() ? always : !always && applies(r.marker(), target, node.extra())) {
                        for (Node next : targets(r, overriding)) {
                            todo.add(next);
                            edges.add(ProjectName.parse(next.project()));
                        }
                    }
                }
            }
        }
        reachedBy.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        dependencies.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return new DependencyGraph(Collections.unmodifiableMap(reachedBy), Collections.unmodifiableMap(dependencies));
    }

    /** The root and the project's extras it names with a requirement on the project itself, transitively. */
    private static Set<Root> rootsReached(Root root, Map<Root, List<Requirement>> roots, String self,
            MarkerEnvironment target) {
        Set<Root> out = new TreeSet<>();
        Deque<Root> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Root r = todo.removeFirst();
            if (!roots.containsKey(r) || !out.add(r)) {
                continue;
            }
            for (Requirement q : roots.get(r)) {
                if (self != null && ProjectName.canonicalize(q.name()).equals(self) && applies(q.marker(), target, "")) {
                    todo.add(new Root.Base());
                    q.extras().forEach(e -> todo.add(new Root.Extra(ProjectName.canonicalize(e))));
                }
            }
        }
        return out;
    }

    /** The nodes a requirement points at: its project and each extra it asks for (through the overrides). */
    private static List<Node> targets(Requirement declared, Map<String, List<Requirement>> overriding) {
        List<Node> out = new ArrayList<>();
        for (Requirement r : overriding.getOrDefault(ProjectName.canonicalize(declared.name()), List.of(declared))) {
            String project = ProjectName.canonicalize(r.name());
            out.add(new Node(project, ""));
            r.extras().forEach(e -> out.add(new Node(project, ProjectName.canonicalize(e))));
        }
        return out;
    }

    private static boolean applies(Optional<Marker> marker, MarkerEnvironment target, String extra) {
        return marker.isEmpty() || marker.get().evaluate(target.with("extra", extra));
    }

    /** The packages reached, by name. */
    public Set<ProjectName> packages() {
        return reachedBy.keySet();
    }

    /** The roots that reach {@code project} (empty if none does). */
    public Set<Root> reachedBy(ProjectName project) {
        return reachedBy.getOrDefault(project, Set.of());
    }

    /**
     * When {@code project} is needed: empty if the base reaches it (always), else the
     * {@code or} of the conditions of the extras and groups that reach it.
     *
     * @throws IllegalArgumentException if no root reaches it
     */
    public Optional<Marker> marker(ProjectName project) {
        Set<Root> roots = reachedBy(project);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException(project + " is not reached from any root");
        }
        if (roots.contains(new Root.Base())) {
            return Optional.empty();
        }
        return Optional.of(Marker.parse(String.join(" or ", roots.stream().map(r -> r.condition().orElseThrow()).toList())));
    }

    /** The packages {@code project} depends on where the lock needs them (through its requested extras too), by name. */
    public Set<ProjectName> dependencies(ProjectName project) {
        return dependencies.getOrDefault(project, Set.of());
    }
}
