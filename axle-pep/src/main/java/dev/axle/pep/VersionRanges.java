package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * {@code  | }: {@code >=1.0, <2 | >=3}. Written as the specifiers that make the set where
     * there are some: {@code ==1.0} (1.0 and its local versions, or 1.0 alone), {@code !=1.0},
     * {@code <2} (stopping before 2's pre-releases), {@code <=V} (after V's local versions),
     * {@code >V} (after V's post-releases); {@code *} is every version and {@code ∅} none.
     */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "∅";
        }
        List<VersionIntervals.Interval> all = intervals.intervals();
        if (all.size() == 2) {
            List<VersionIntervals.Interval> gap = complement().intervals.intervals();
            if (gap.size() == 1 && single(gap.get(0)) != null) {
                return "!=" + single(gap.get(0));
            }
        }
        List<String> groups = new ArrayList<>();
        for (VersionIntervals.Interval in : all) {
            Version only = single(in);
            String lower = lower(in.lower());
            String upper = upper(in.upper());
            if (only != null) {
                groups.add("==" + only);
            } else if (lower.isEmpty() && upper.isEmpty()) {
                groups.add("*");
            } else {
                groups.add(lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + ", " + upper);
            }
        }
        return String.join(" | ", groups);
    }

    /**
     * The set as specifiers that marker comparisons can write: one list per interval, each
     * list's specifiers to be joined with "and", the lists with "or". Exact except for local
     * and post-release versions at a few interval ends (an end just before or after exactly V,
     * not V's local versions; an end just after V's post-releases, written {@code <=V}), which
     * interpreter versions do not have. {@code [[]]} for every version, {@code []} for none.
     */
    List<List<String>> specifierGroups() {
        List<VersionIntervals.Interval> all = intervals.intervals();
        if (all.size() == 2) {
            List<VersionIntervals.Interval> gap = complement().intervals.intervals();
            if (gap.size() == 1 && single(gap.get(0)) != null) {
                return List.of(List.of("!=" + single(gap.get(0))));
            }
        }
        List<List<String>> groups = new ArrayList<>();
        for (VersionIntervals.Interval in : all) {
            Version only = single(in);
            if (only != null) {
                groups.add(List.of("==" + only));
                continue;
            }
            List<String> group = new ArrayList<>();
            VersionIntervals.End lo = in.lower();
            if (lo.point() != null) {
                Version v = lo.point().version();
                switch (lo.point().kind()) {
                    case AT -> {
                        group.add(">=" + v);
                        if (!lo.inclusive()) {
                            group.add("!=" + v);
                        }
                    }
                    case AFTER_LOCALS -> {
                        group.add(">=" + v);
                        group.add("!=" + v);
                    }
                    case AFTER_POSTS -> group.add(">" + v);
                }
            }
            VersionIntervals.End hi = in.upper();
            if (hi.point() != null) {
                Version v = hi.point().version();
                if (hi.point().kind() == VersionIntervals.Kind.AT && !hi.inclusive()) {
                    if (isDev0OfRelease(v)) {
                        group.add("<" + v.withoutDev()); // <V stops at V.dev0
                    } else if (v.isPrerelease()) {
                        group.add("<" + v); // no pre-release exclusion for a pre-release bound
                    } else {
                        group.add("<=" + v); // below V, V's pre-releases included
                        group.add("!=" + v);
                    }
                } else {
                    group.add("<=" + v);
                }
            }
            groups.add(group);
        }
        return groups;
    }

    /**
     * The release the set starts at: its least version's release ({@code >=3.10.dev0} and
     * {@code >=3.10} both start at 3.10; {@code >3.9} is taken to start at 3.9); empty when the
     * set has no lower bound, or is empty.
     */
    public Optional<Version> lowestRelease() {
        if (isEmpty()) {
            return Optional.empty();
        }
        VersionIntervals.End lo = intervals.intervals().getFirst().lower();
        return lo.point() == null ? Optional.empty() : Optional.of(lo.point().version().baseVersion());
    }

    /** The version an interval holds alone, or with only its local versions; else null. */
    private static Version single(VersionIntervals.Interval in) {
        VersionIntervals.End lo = in.lower();
        VersionIntervals.End hi = in.upper();
        if (lo.point() == null || hi.point() == null || !lo.inclusive()
                || lo.point().kind() != VersionIntervals.Kind.AT) {
            return null;
        }
        Version v = lo.point().version();
        boolean exact = hi.point().kind() == VersionIntervals.Kind.AT && hi.inclusive() && hi.point().version().equals(v);
        boolean withLocals = hi.point().kind() == VersionIntervals.Kind.AFTER_LOCALS && v.local().isEmpty()
                && hi.point().version().equals(v);
        return exact || withLocals ? v : null;
    }

    private static boolean isDev0OfRelease(Version v) {
        return v.dev().filter(d -> d.signum() == 0).isPresent() && !v.hasPre() && !v.isPostrelease()
                && v.local().isEmpty();
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
            // <V stops at V.dev0, before V's pre-releases: written as the specifier that makes it.
            case AT -> end.inclusive() ? "<=" + v
                    : "<" + (isDev0OfRelease(v) ? v.withoutDev() : v);
            case AFTER_LOCALS -> "<=" + v;
            case AFTER_POSTS -> "<=" + v + ".post*";
        };
    }
}
