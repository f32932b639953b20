package dev.axle.mirror.filter;

import dev.axle.pep.Version;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versions a requirements resolution chose ({@code --requirements}): of a project it
 * pins, only those versions; other projects are not restricted.
 *
 * @param pins normalized project name to the versions chosen for it
 */
public record PinnedFilter(Map<String, Set<Version>> pins) implements ReleaseFilter {
    public PinnedFilter {
        TreeMap<String, Set<Version>> copy = new TreeMap<>();
        pins.forEach((name, versions) -> copy.put(name, Set.copyOf(new TreeSet<>(versions))));
        pins = java.util.Collections.unmodifiableSortedMap(copy);
    }

    @Override
    public SortedSet<Version> keep(String project, SortedSet<Version> versions) {
        Set<Version> pinned = pins.get(project);
        if (pinned == null) {
            return versions;
        }
        TreeSet<Version> kept = new TreeSet<>(versions);
        kept.retainAll(pinned);
        return kept;
    }

    @Override
    public String toString() {
        return "pinned" + pins.entrySet().stream()
                .map(e -> e.getKey() + "==" + new TreeSet<>(e.getValue()).stream().map(Version::toString)
                        .collect(Collectors.joining("|")))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
