package dev.axle.installer.db;

import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code tree}: the installed distributions as a dependency tree, as {@code pipdeptree} and
 * {@code uv tree} show an environment.
 *
 * <p>Dependencies are each distribution's Requires-Dist with markers evaluated in the
 * interpreter's environment; a dependency asking for extras ({@code name[extra]}) leads to
 * a node whose own dependencies include those of the extras. The roots are the distributions
 * nothing installed requires (through any edge, extras included), then, so that none is
 * left out, the first not yet reachable of those only reachable through a cycle. A subtree
 * already expanded is not expanded again but marked {@link Node#repeated()}, which also ends
 * cycles. Children are sorted by name.
 *
 * <p>Inverted, the roots are the distributions that require nothing (and dependencies that
 * are missing), and each node's children are the distributions that require it.
 */
public final class DependencyTree {

    /** How a dependency is met. */
    public enum Status {
        /** A root, or a dependency installed in a version that satisfies it. */
        OK,
        /** Nothing of that name is installed. */
        MISSING,
        /** Installed in a version outside the requirement's specifier. */
        CONFLICT
    }

    /**
     * One line of the tree.
     *
     * @param name the project
     * @param version the installed version as written; empty when missing
     * @param extras the extras asked for by the edge leading here (forward tree only)
     * @param requirement the requirement of the edge: the parent's on this node, or (inverted)
     *     this node's on the parent; empty for a root
     * @param viaExtra the parent's extra that brought the edge, when the parent has it only through an extra
     * @param status whether the requirement is met
     * @param repeated whether this node's children were already shown elsewhere and are left out
     * @param children the dependencies (inverted: the dependents), empty beyond the depth asked for
     */
    public record Node(ProjectName name, Optional<String> version, Set<String> extras, Optional<Requirement> requirement,
            Optional<String> viaExtra, Status status, boolean repeated, List<Node> children) {
        public Node {
            extras = Set.copyOf(extras);
            children = List.copyOf(children);
        }

        /** The edge's requirement without its marker (evaluated already), e.g. {@code web[socks]>=2.0}. */
        public Optional<String> requirementText() {
            return requirement.map(r -> r.name() + (r.extras().isEmpty() ? "" : "[" + String.join(",", r.extras()) + "]")
                    + r.url().map(u -> " @ " + u).orElseGet(() -> r.specifier().toString()));
        }

        /** This node as a JSON-ready map (see {@link Result#json()}). */
        private Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name.toString());
            m.put("version", version.orElse(null));
            m.put("extras", extras.stream().sorted().toList());
            m.put("requirement", requirementText().orElse(null));
            m.put("via_extra", viaExtra.orElse(null));
            m.put("status", status.name().toLowerCase(Locale.ROOT));
            m.put("repeated", repeated);
            m.put("children", children.stream().map(Node::toMap).toList());
            return m;
        }
    }

    /**
     * What to show.
     *
     * @param invert show dependents instead of dependencies
     * @param maxDepth how many levels under the roots (0: only the roots)
     * @param packages the roots to show, any spelling; empty for all
     */
    public record Options(boolean invert, int maxDepth, List<String> packages) {
        public Options {
            if (maxDepth < 0) {
                throw new IllegalArgumentException("the depth must not be negative: " + maxDepth);
            }
            packages = List.copyOf(packages);
        }

        public static Options defaults() {
            return new Options(false, Integer.MAX_VALUE, List.of());
        }
    }

    /**
     * The tree.
     *
     * @param roots the top-level nodes
     * @param notInstalled the {@link Options#packages()} that are not installed
     * @param warnings distributions whose dependencies could not be read (taken as having none)
     */
    public record Result(List<Node> roots, List<String> notInstalled, List<String> warnings) {
        public Result {
            roots = List.copyOf(roots);
            notInstalled = List.copyOf(notInstalled);
            warnings = List.copyOf(warnings);
        }

        /**
         * The tree as JSON: an array of nodes, each {@code {"name", "version", "extras",
         * "requirement", "via_extra", "status", "repeated", "children"}}, with null for what is
         * absent (a missing node's version, a root's requirement) and {@code status} one of
         * {@code ok}, {@code missing}, {@code conflict}; ends with a line break.
         */
        public String json() {
            return PyText.json(roots.stream().map(Node::toMap).toList()) + "\n";
        }
    }

    /** A dependency edge of a distribution with some extras. */
    private record Edge(Requirement requirement, ProjectName target, Optional<String> viaExtra) {}

    /** An inverted edge: {@code dependent} requires the node through {@code requirement}. */
    private record Dependent(InstalledDistribution dependent, Requirement requirement, Optional<String> viaExtra) {}

    private final InstalledDistributions installed;
    private final MarkerEnvironment environment;
    private final Options options;
    private final Map<String, List<Edge>> edges = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> expanded = new HashSet<>();

    private DependencyTree(InstalledDistributions installed, MarkerEnvironment environment, Options options) {
        this.installed = installed;
        this.environment = environment;
        this.options = options;
    }

    /** The tree of {@code installed} for an interpreter with {@code environment}. */
    public static Result of(InstalledDistributions installed, MarkerEnvironment environment, Options options) {
        Objects.requireNonNull(environment, "environment");
        return new DependencyTree(installed, environment, options).build();
    }

    private Result build() {
        Map<ProjectName, List<Dependent>> dependents = dependents();
        List<String> notInstalled = new ArrayList<>();
        List<Node> roots = new ArrayList<>();
        if (!options.packages().isEmpty()) {
            for (String p : options.packages()) {
                Optional<InstalledDistribution> d = installed.get(p);
                ProjectName missing = ProjectName.isValid(ProjectName.canonicalize(p))
                        ? ProjectName.parse(ProjectName.canonicalize(p)) : null;
                if (d.isPresent()) {
                    roots.add(root(d.get(), dependents));
                } else if (options.invert() && missing != null && dependents.containsKey(missing)) {
                    roots.add(inverted(missing, Optional.empty(), Optional.empty(), Optional.empty(), Status.MISSING,
                            0, dependents));
                } else {
                    notInstalled.add(p);
                }
            }
            return new Result(roots, notInstalled, List.copyOf(warnings));
        }
        Set<ProjectName> shown = new HashSet<>();
        List<ProjectName> candidates = new ArrayList<>();
        for (InstalledDistribution d : shownDistributions()) {
            boolean isRoot = options.invert() ? edges(d, Set.of()).isEmpty() : !dependents.containsKey(d.name());
            if (isRoot) {
                candidates.add(d.name());
            }
        }
        if (options.invert()) {
            // Missing dependencies are leaves of the graph: roots of the inverted tree.
            dependents.keySet().stream().filter(n -> !installed.contains(n)).forEach(candidates::add);
            candidates.sort(Comparator.naturalOrder());
        }
        for (ProjectName n : candidates) {
            roots.add(rootNamed(n, dependents));
            reach(n, dependents, shown);
        }
        // Distributions reachable only through a cycle: each first one not yet reached becomes a root.
        for (InstalledDistribution d : shownDistributions()) {
            if (!shown.contains(d.name())) {
                roots.add(root(d, dependents));
                reach(d.name(), dependents, shown);
            }
        }
        return new Result(roots, notInstalled, List.copyOf(warnings));
    }

    private List<InstalledDistribution> shownDistributions() {
        return installed.all().stream().filter(d -> !PackageList.STANDARD_LIBRARY.contains(d.name().toString())).toList();
    }

    private Node rootNamed(ProjectName name, Map<ProjectName, List<Dependent>> dependents) {
        Optional<InstalledDistribution> d = installed.get(name);
        return d.isPresent() ? root(d.get(), dependents)
                : inverted(name, Optional.empty(), Optional.empty(), Optional.empty(), Status.MISSING, 0, dependents);
    }

    private Node root(InstalledDistribution d, Map<ProjectName, List<Dependent>> dependents) {
        return options.invert()
                ? inverted(d.name(), Optional.of(d.versionText()), Optional.empty(), Optional.empty(), Status.OK, 0, dependents)
                : forward(d, Set.of(), Optional.empty(), Optional.empty(), Status.OK, 0);
    }

    private Node forward(InstalledDistribution d, Set<String> extras, Optional<Requirement> requirement,
            Optional<String> viaExtra, Status status, int level) {
        List<Edge> out = edges(d, extras);
        String key = d.name() + new TreeSet<>(extras).toString();
        boolean expand = !out.isEmpty() && level < options.maxDepth();
        boolean repeated = expand && !expanded.add(key);
        List<Node> children = new ArrayList<>();
        if (expand && !repeated) {
            for (Edge e : out) {
                Optional<InstalledDistribution> target = installed.get(e.target());
                if (target.isEmpty()) {
                    children.add(new Node(e.target(), Optional.empty(), e.requirement().extras(),
                            Optional.of(e.requirement()), e.viaExtra(), Status.MISSING, false, List.of()));
                } else {
                    children.add(forward(target.get(), e.requirement().extras(), Optional.of(e.requirement()),
                            e.viaExtra(), verdict(e.requirement(), target.get()), level + 1));
                }
            }
        }
        return new Node(d.name(), Optional.of(d.versionText()), extras, requirement, viaExtra, status, repeated, children);
    }

    private Node inverted(ProjectName name, Optional<String> version, Optional<Requirement> requirement,
            Optional<String> viaExtra, Status status, int level, Map<ProjectName, List<Dependent>> dependents) {
        List<Dependent> in = dependents.getOrDefault(name, List.of());
        boolean expand = !in.isEmpty() && level < options.maxDepth();
        boolean repeated = expand && !expanded.add(name.toString());
        List<Node> children = new ArrayList<>();
        if (expand && !repeated) {
            Optional<InstalledDistribution> self = installed.get(name);
            for (Dependent dep : in) {
                Status s = self.map(d -> verdict(dep.requirement(), d)).orElse(Status.MISSING);
                children.add(inverted(dep.dependent().name(), Optional.of(dep.dependent().versionText()),
                        Optional.of(dep.requirement()), dep.viaExtra(), s, level + 1, dependents));
            }
        }
        return new Node(name, version, Set.of(), requirement, viaExtra, status, repeated, children);
    }

    private static Status verdict(Requirement r, InstalledDistribution d) {
        return d.version().map(v -> DependencyCheck.satisfies(r, v)).orElse(false) ? Status.OK : Status.CONFLICT;
    }

    /** Every edge of every distribution, with the extras other edges ask for, inverted and sorted by dependent. */
    private Map<ProjectName, List<Dependent>> dependents() {
        Map<ProjectName, List<Dependent>> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Map.Entry<InstalledDistribution, Set<String>>> work = new ArrayList<>();
        shownDistributions().forEach(d -> work.add(Map.entry(d, Set.of())));
        while (!work.isEmpty()) {
            Map.Entry<InstalledDistribution, Set<String>> node = work.remove(work.size() - 1);
            if (!seen.add(node.getKey().name() + new TreeSet<>(node.getValue()).toString())) {
                continue;
            }
            for (Edge e : edges(node.getKey(), node.getValue())) {
                List<Dependent> list = out.computeIfAbsent(e.target(), k -> new ArrayList<>());
                Dependent dep = new Dependent(node.getKey(), e.requirement(), e.viaExtra());
                if (!list.contains(dep)) {
                    list.add(dep);
                }
                if (!e.requirement().extras().isEmpty()) {
                    installed.get(e.target()).ifPresent(t -> work.add(Map.entry(t, e.requirement().extras())));
                }
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparing((Dependent d) -> d.dependent().name())));
        return out;
    }

    /** Adds to {@code shown} every name reachable from {@code from} in the direction the tree is drawn. */
    private void reach(ProjectName from, Map<ProjectName, List<Dependent>> dependents, Set<ProjectName> shown) {
        List<ProjectName> work = new ArrayList<>(List.of(from));
        while (!work.isEmpty()) {
            ProjectName n = work.remove(work.size() - 1);
            if (!shown.add(n)) {
                continue;
            }
            if (options.invert()) {
                dependents.getOrDefault(n, List.of()).forEach(d -> work.add(d.dependent().name()));
            } else {
                // Extras widen the edges; any node of the distribution counts.
                installed.get(n).ifPresent(d -> edgesOfAnyExtras(d).forEach(e -> work.add(e.target())));
            }
        }
    }

    private List<Edge> edgesOfAnyExtras(InstalledDistribution d) {
        List<Edge> all = new ArrayList<>();
        edges.forEach((key, list) -> {
            if (key.startsWith(d.name() + "[")) {
                all.addAll(list);
            }
        });
        return all.isEmpty() ? edges(d, Set.of()) : all;
    }

    /** The dependencies of {@code d} with {@code extras} in the environment, sorted by name. */
    private List<Edge> edges(InstalledDistribution d, Set<String> extras) {
        String key = d.name() + new TreeSet<>(extras).toString();
        List<Edge> known = edges.get(key);
        if (known != null) {
            return known;
        }
        List<Edge> out = new ArrayList<>();
        try {
            List<Requirement> base = d.dependencies(environment);
            List<Requirement> all = extras.isEmpty() ? base : d.dependencies(environment, extras);
            for (Requirement r : all) {
                Optional<String> via = Optional.empty();
                if (!base.contains(r)) {
                    via = new TreeSet<>(extras).stream()
                            .filter(e -> d.dependencies(environment, Set.of(e)).contains(r)).findFirst();
                }
                out.add(new Edge(r, ProjectName.parse(ProjectName.canonicalize(r.name())), via));
            }
        } catch (IllegalArgumentException e) {
            warnings.add(DependencyCheck.unreadable(d, e));
        }
        out.sort(Comparator.comparing(Edge::target));
        List<Edge> result = List.copyOf(out);
        edges.put(key, result);
        return result;
    }
}
