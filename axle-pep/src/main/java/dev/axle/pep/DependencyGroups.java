package dev.axle.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pyproject.toml {@code [dependency-groups]} table (PEP 735): named lists of dependency
 * specifiers and {@code {include-group = "other"}} tables, group names compared normalized.
 * Problems are reported as packaging 26.3 reports them: all found while resolving a group at
 * once, in one {@link DependencyGroupsException}; a group that has a problem resolves to
 * nothing and is looked at again when asked for again.
 *
 * <pre>
 * DependencyGroups groups = DependencyGroups.of(Map.of(
 *         "test", List.of("pytest", Map.of("include-group", "runtime")),
 *         "runtime", List.of("click")));
 * groups.resolve("test"); // [pytest, click]
 * </pre>
 */
public final class DependencyGroups {

    /** One entry of a group, parsed: a requirement or an include. */
    public sealed interface Item permits Item.Dependency, Item.Include {
        /** A dependency specifier. */
        record Dependency(Requirement requirement) implements Item {}

        /** {@code {include-group = "name"}}: every requirement of that group; {@code group} as written. */
        record Include(String group) implements Item {
            @Override
            public String toString() {
                return "DependencyGroupInclude(" + Text.pyRepr(group) + ")";
            }
        }
    }

    private final Map<String, Object> groups;
    private final Map<String, List<Item>> parsed = new LinkedHashMap<>();
    private final Map<String, List<Requirement>> resolved = new LinkedHashMap<>();

    private DependencyGroups(Map<String, Object> groups) {
        this.groups = groups;
    }

    /**
     * The groups of a decoded {@code [dependency-groups]} table: each value should be a list
     * of strings and maps (as a TOML parser gives them); what else it holds is reported when
     * the group is looked up.
     *
     * @throws DependencyGroupsException if two names normalize to the same one
     */
    public static DependencyGroups of(Map<String, ?> table) {
        Map<String, Object> byName = new LinkedHashMap<>();
        Map<String, List<String>> written = new LinkedHashMap<>();
        table.forEach((name, value) -> {
            String normalized = normalize(name);
            written.computeIfAbsent(normalized, k -> new ArrayList<>()).add(name);
            byName.put(normalized, value);
        });
        List<DependencyGroupsException.Problem> problems = new ArrayList<>();
        written.forEach((normalized, names) -> {
            if (names.size() > 1) {
                problems.add(new DependencyGroupsException.Problem(DependencyGroupsException.Kind.DUPLICATE_NAMES,
                        "Duplicate dependency group names: " + normalized + " (" + String.join(", ", names) + ")"));
            }
        });
        if (!problems.isEmpty()) {
            throw new DependencyGroupsException("[dependency-groups] data was invalid", problems);
        }
        return new DependencyGroups(byName);
    }

    /**
     * The requirements of the named groups, in order, includes expanded, as strings:
     * packaging's {@code resolve_dependency_groups}.
     */
    public static List<String> resolve(Map<String, ?> table, String... groups) {
        DependencyGroups all = of(table);
        List<String> out = new ArrayList<>();
        for (String group : groups) {
            all.resolve(group).forEach(r -> out.add(r.toString()));
        }
        return out;
    }

    /** A group name normalized as project names are ({@code Test_Group} is {@code test-group}). */
    public static String normalize(String name) {
        return ProjectName.canonicalize(name, false);
    }

    /** The normalized names of the groups, in table order. */
    public List<String> names() {
        return List.copyOf(groups.keySet());
    }

    /**
     * A group's own items, includes not followed.
     *
     * @throws DependencyGroupsException if it does not exist or is malformed
     */
    public synchronized List<Item> lookup(String group) {
        String name = normalize(group);
        List<DependencyGroupsException.Problem> problems = new ArrayList<>();
        List<Item> items = parse(name, problems);
        failIfAny(name, problems);
        return items;
    }

    /**
     * A group's requirements, every include replaced by its group's requirements (recursively).
     *
     * @throws DependencyGroupsException with every problem met: missing groups, cycles, bad items
     */
    public synchronized List<Requirement> resolve(String group) {
        String name = normalize(group);
        List<DependencyGroupsException.Problem> problems = new ArrayList<>();
        List<Requirement> out = resolve(name, name, new ArrayList<>(), problems);
        failIfAny(name, problems);
        return out;
    }

    private static void failIfAny(String group, List<DependencyGroupsException.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new DependencyGroupsException("[dependency-groups] data for " + Text.pyRepr(group) + " was malformed",
                    problems);
        }
    }

    /**
     * {@code group}'s requirements; {@code path} holds the groups being resolved that led here,
     * so an include of one of them is a cycle. Once a problem is known, nothing more is kept:
     * a later request meets (and reports) the problem again.
     */
    private List<Requirement> resolve(String group, String requested, List<String> path,
            List<DependencyGroupsException.Problem> problems) {
        List<Requirement> done = resolved.get(group);
        if (done != null) {
            return done;
        }
        List<Requirement> out = new ArrayList<>();
        path.add(group);
        for (Item item : parse(group, problems)) {
            switch (item) {
                case Item.Dependency d -> out.add(d.requirement());
                case Item.Include include -> {
                    String target = normalize(include.group());
                    if (path.contains(target)) {
                        String reason = include.group().equals(group) ? group + " includes itself"
                                : include.group() + " -> " + group + ", " + group + " -> " + include.group();
                        problems.add(new DependencyGroupsException.Problem(DependencyGroupsException.Kind.CYCLIC_INCLUDE,
                                "Cyclic dependency group include while resolving " + requested + ": " + reason));
                    } else {
                        out.addAll(resolve(target, requested, path, problems));
                    }
                }
            }
        }
        path.removeLast();
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Requirement> result = Collections.unmodifiableList(out);
        resolved.put(group, result);
        return result;
    }

    private List<Item> parse(String group, List<DependencyGroupsException.Problem> problems) {
        List<Item> done = parsed.get(group);
        if (done != null) {
            return done;
        }
        if (!groups.containsKey(group)) {
            problems.add(problem(DependencyGroupsException.Kind.MISSING_GROUP,
                    "Dependency group '" + group + "' not found"));
            return List.of();
        }
        Object raw = groups.get(group);
        if (raw instanceof String) {
            problems.add(problem(DependencyGroupsException.Kind.WRONG_TYPE,
                    "Dependency group " + Text.pyRepr(group) + " contained a string rather than a list."));
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(problem(DependencyGroupsException.Kind.WRONG_TYPE,
                    "Dependency group " + Text.pyRepr(group) + " is not a sequence type."));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (Object entry : list) {
            item(entry, problems).ifPresent(items::add);
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Item> result = List.copyOf(items);
        parsed.put(group, result);
        return result;
    }

    private static Optional<Item> item(Object entry, List<DependencyGroupsException.Problem> problems) {
        switch (entry) {
            case String s -> {
                try {
                    return Optional.of(new Item.Dependency(Requirement.parse(s)));
                } catch (InvalidRequirementException e) {
                    problems.add(problem(DependencyGroupsException.Kind.INVALID_REQUIREMENT, e.getMessage()));
                }
            }
            case Map<?, ?> table -> {
                if (table.size() != 1 || !table.containsKey("include-group")) {
                    problems.add(problem(DependencyGroupsException.Kind.INVALID_OBJECT,
                            "Invalid dependency group item: " + repr(table)));
                } else if (table.get("include-group") instanceof String name) {
                    return Optional.of(new Item.Include(name));
                } else {
                    problems.add(problem(DependencyGroupsException.Kind.WRONG_TYPE,
                            "Dependency group include-group value is not a string: " + repr(table)));
                }
            }
            case null, default -> problems.add(problem(DependencyGroupsException.Kind.WRONG_TYPE,
                    "Invalid dependency group item: " + repr(entry)));
        }
        return Optional.empty();
    }

    private static DependencyGroupsException.Problem problem(DependencyGroupsException.Kind kind, String message) {
        return new DependencyGroupsException.Problem(kind, message);
    }

    /** Python's repr of a decoded TOML value, for messages that quote an item. */
    private static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> Text.pyRepr(s);
            case Boolean b -> b ? "True" : "False";
            case Map<?, ?> m -> {
                List<String> entries = new ArrayList<>();
                m.forEach((k, v) -> entries.add(repr(k) + ": " + repr(v)));
                yield "{" + String.join(", ", entries) + "}";
            }
            case List<?> l -> "[" + String.join(", ", l.stream().map(DependencyGroups::repr).toList()) + "]";
            default -> Objects.toString(value);
        };
    }
}
