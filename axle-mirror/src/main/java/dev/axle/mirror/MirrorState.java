package dev.axle.mirror;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last sync recorded in the destination: the upstream, the filters, and each project
 * with its serial and files. A sync compares the upstream's serials with these and fetches only
 * the projects that changed; a sync with another upstream or other filters looks at all again.
 *
 * @param upstream the upstream's simple API URL (without credentials)
 * @param filters  the filters' canonical text ({@link dev.axle.mirror.filter.MirrorFilters#toString()})
 * @param projects by normalized name
 */
public record MirrorState(String upstream, String filters, SortedMap<String, ProjectRecord> projects) {
    public MirrorState {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(filters, "filters");
        projects = Collections.unmodifiableSortedMap(new TreeMap<>(projects));
    }

    public static MirrorState empty(String upstream, String filters) {
        return new MirrorState(upstream, filters, new TreeMap<>());
    }

    public static MirrorState of(String upstream, String filters, Map<String, ProjectRecord> projects) {
        return new MirrorState(upstream, filters, new TreeMap<>(projects));
    }
}
