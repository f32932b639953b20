package dev.axle.mirror.filter;

import dev.axle.pep.Version;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code --latest N}: the newest {@code count} versions in PEP 440 order ({@code 1.10} after
 * {@code 1.9}, {@code 2.0rc1} before {@code 2.0}), never in string order.
 */
public record LatestFilter(int count) implements ReleaseFilter {
    public LatestFilter {
        if (count < 1) {
            throw new InvalidFilterException("--latest must keep at least 1 release, not " + count);
        }
    }

    @Override
    public SortedSet<Version> keep(String project, SortedSet<Version> versions) {
        TreeSet<Version> kept = new TreeSet<>();
        Iterator<Version> newestFirst = new TreeSet<>(versions).descendingIterator();
        while (newestFirst.hasNext() && kept.size() < count) {
            kept.add(newestFirst.next());
        }
        return kept;
    }

    @Override
    public String toString() {
        return "latest[" + count + "]";
    }
}
