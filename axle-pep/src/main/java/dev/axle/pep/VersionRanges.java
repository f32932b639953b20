package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions closed under intersection, union and complement: what a resolver needs
 * to reason about the versions of a package (PubGrub's terms). Built from specifier sets
 * with PEP 440's exact semantics ({@code <=1.0} holds {@code 1.0+local} but not
 * {@code 1.0.post1}, {@code >1.0} holds neither, {@code ==1.*} holds {@code 1.0.dev0}).
 *
 * <p>A set knows versions, not strings and not policies: {@code ===} admits every version
 * here (it compares strings), and pre-releases are members like any other version (whether
 * to choose one is the resolver's decision, as pip's and uv's pre-release policies are).
 * So {@link #of(SpecifierSet)} holds exactly the versions that
 * {@code set.contains(v, true)} admits, for sets without {@code ===}.
 *
 * <p>Internally: sorted intervals whose ends are versions or the boundaries just after a
 * version's local or post-release family, kept canonical (no empty interval, no empty gap
 * between neighbours), so that two sets with the same versions have the same number of
 * intervals. Equality is by membership.
 */
public final class VersionRanges {
    /** Every version. */
    public static final VersionRanges ALL = new VersionRanges(VersionIntervals.FULL);
    /** No version. */
    public static final VersionRanges NONE = new VersionRanges(VersionIntervals.EMPTY);

    private final VersionIntervals intervals;

    private VersionRanges(VersionIntervals intervals) {
        this.intervals = intervals;
    }

    /** The versions a specifier set admits, ignoring {@code ===} and the pre-release policy. */
    public static VersionRanges of(SpecifierSet specifiers) {
        return canonical(specifiers.intervals());
    }

    /** The versions {@code specifiers} (e.g. {@code >=1.0, <2}) admit; see {@link #of(SpecifierSet)}. */
    public static VersionRanges parse(String specifiers) {
        return of(SpecifierSet.parse(specifiers));
    }

    /** Exactly this version (not its local variants: {@code ==1.0} holds more, {@code 1.0+local} too). */
    public static VersionRanges exactly(Version version) {
        VersionIntervals.End at = VersionIntervals.End.at(version, true);
        return new VersionRanges(VersionIntervals.of(List.of(new VersionIntervals.Interval(at, at))));
    }

    public VersionRanges intersect(VersionRanges other) {
        return canonical(intervals.intersect(other.intervals));
    }

    public VersionRanges complement() {
        return canonical(intervals.complement());
    }

    public VersionRanges union(VersionRanges other) {
        return complement().intersect(other.complement()).complement();
    }

    public boolean contains(Version version) {
        return intervals.contains(version);
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** Whether this set holds every version. */
    public boolean isAll() {
        return complement().isEmpty();
    }

    public boolean isSubsetOf(VersionRanges other) {
        return intersect(other.complement()).isEmpty();
    }

    public boolean isDisjointFrom(VersionRanges other) {
        return intersect(other).isEmpty();
    }

    /** Drops empty intervals and joins neighbours with no version between them. */
    private static VersionRanges canonical(VersionIntervals raw) {
        List<VersionIntervals.Interval> out = new ArrayList<>(raw.intervals().size());
        for (VersionIntervals.Interval in : raw.intervals()) {
            if (VersionIntervals.isEmpty(in.lower(), in.upper())) {
                continue;
            }
            if (!out.isEmpty()) {
                VersionIntervals.Interval last = out.get(out.size() - 1);
                if (VersionIntervals.isEmpty(VersionIntervals.flip(last.upper()), VersionIntervals.flip(in.lower()))) {
                    out.set(out.size() - 1, new VersionIntervals.Interval(last.lower(), in.upper()));
                    continue;
                }
            }
            out.add(in);
        }
        return out.isEmpty() ? NONE : new VersionRanges(VersionIntervals.of(out));
    }

    /** By membership: the same versions, whatever the intervals' ends look like. */
    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRanges other && (this == other || isSubsetOf(other) && other.isSubsetOf(this));
    }

    /** The number of intervals: canonical sets with the same versions have as many. */
    @Override
    public int hashCode() {
        return intervals.intervals().size();
    }

    /**
     * Specifier-like text, one {@code , }-joined group per interval and groups joined by
     * {@code  | }: {@code >=1.0, <2.0.dev0 | >=3}. Boundaries after a family read as the
     * operator that makes them: {@code <=V} (after V's locals), {@code >V} (after V's
     * post-releases); {@code *} is every version and {@code ∅} none.
     */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "∅";
        }
        List<String> groups = new ArrayList<>();
        for (VersionIntervals.Interval in : intervals.intervals()) {
            String lower = lower(in.lower());
            String upper = upper(in.upper());
            if (in.lower().point() != null && in.upper().point() != null && in.lower().inclusive()
                    && in.upper().inclusive() && in.lower().point().equals(in.upper().point())) {
                groups.add("==" + in.lower().point().version());
            } else if (lower.isEmpty() && upper.isEmpty()) {
                groups.add("*");
            } else {
                groups.add(lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + ", " + upper);
            }
        }
        return String.join(" | ", groups);
    }

    private static String lower(VersionIntervals.End end) {
        if (end.point() == null) {
            return "";
        }
        Version v = end.point().version();
        return switch (end.point().kind()) {
            case AT -> (end.inclusive() ? ">=" : ">") + v;
            case AFTER_POSTS -> ">" + v;
            case AFTER_LOCALS -> ">" + v + "+*";
        };
    }

    private static String upper(VersionIntervals.End end) {
        if (end.point() == null) {
            return "";
        }
        Version v = end.point().version();
        return switch (end.point().kind()) {
            case AT -> (end.inclusive() ? "<=" : "<") + v;
            case AFTER_LOCALS -> "<=" + v;
            case AFTER_POSTS -> "<=" + v + ".post*";
        };
    }
}
