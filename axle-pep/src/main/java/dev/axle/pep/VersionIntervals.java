package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of versions a specifier set admits, as sorted, disjoint intervals; used to decide
 * whether a set can be satisfied at all and how two sets relate (subset, disjoint).
 *
 * <p>Interval ends are versions or two kinds of boundary between versions, as in packaging
 * 26.3's range engine: {@code AFTER_LOCALS(V)} lies after V and every {@code V+local} but
 * before {@code V.post0} (the upper end of {@code <=V}); {@code AFTER_POSTS(V)} lies after
 * every post-release of V (the lower end of {@code >V}). Emptiness is exact: an interval
 * between a boundary and the least version above it holds nothing.
 */
final class VersionIntervals {
    private static final Version MIN_VERSION = Version.parse("0.dev0");
    private static final Version MIN_RELEASE = Version.parse("0");

    enum Kind { AT, AFTER_LOCALS, AFTER_POSTS }

    /** A point on the version line: a version, or the boundary just after one of its families. */
    record Point(Version version, Kind kind) {
        /** Whether {@code v} lies at or below this point. */
        boolean covers(Version v) {
            return switch (kind) {
                case AT -> v.compareTo(version) <= 0;
                case AFTER_LOCALS -> v.comparePublic(version) <= 0;
                case AFTER_POSTS -> v.compareTo(version) <= 0 || version.samePreFamily(v);
            };
        }

        /** Order of two points; a version never equals a boundary. */
        int compareTo(Point o) {
            if (kind == Kind.AT && o.kind == Kind.AT) {
                return version.compareTo(o.version);
            }
            if (kind == Kind.AT) {
                return o.covers(version) ? -1 : 1;
            }
            if (o.kind == Kind.AT) {
                return covers(o.version) ? 1 : -1;
            }
            if (kind == Kind.AFTER_LOCALS && o.kind == Kind.AFTER_LOCALS) {
                return version.comparePublic(o.version);
            }
            // AFTER_POSTS(V) keeps V's release and pre-release; everything after sorts at infinity.
            int c = version.compareReleaseAndPre(o.version);
            if (c != 0) {
                return c;
            }
            return kind == o.kind ? 0 : kind == Kind.AFTER_POSTS ? 1 : -1;
        }
    }

    /** One end of an interval; a null point is infinity. */
    record End(Point point, boolean inclusive) {
        static final End NEG_INF = new End(null, false);
        static final End POS_INF = new End(null, false);

        static End at(Version v, boolean inclusive) {
            return new End(new Point(v, Kind.AT), inclusive);
        }

        static End after(Version v, Kind kind, boolean inclusive) {
            return new End(new Point(v, kind), inclusive);
        }

        /** Whether {@code v} is at or above this lower end. */
        boolean admitsAbove(Version v) {
            if (point == null) {
                return true;
            }
            if (point.kind == Kind.AT) {
                int c = v.compareTo(point.version);
                return inclusive ? c >= 0 : c > 0;
            }
            return !point.covers(v);
        }

        /** Whether {@code v} is at or below this upper end. */
        boolean admitsBelow(Version v) {
            if (point == null) {
                return true;
            }
            if (point.kind == Kind.AT) {
                int c = v.compareTo(point.version);
                return inclusive ? c <= 0 : c < 0;
            }
            return point.covers(v);
        }
    }

    record Interval(End lower, End upper) {
        boolean contains(Version v) {
            return lower.admitsAbove(v) && upper.admitsBelow(v);
        }
    }

    private final List<Interval> intervals;

    private VersionIntervals(List<Interval> intervals) {
        this.intervals = intervals;
    }

    static final VersionIntervals FULL = new VersionIntervals(List.of(new Interval(End.NEG_INF, End.POS_INF)));
    static final VersionIntervals EMPTY = new VersionIntervals(List.of());

    /** Intervals as given: sorted, disjoint (the caller's promise). */
    static VersionIntervals of(List<Interval> sorted) {
        return new VersionIntervals(List.copyOf(sorted));
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    List<Interval> intervals() {
        return intervals;
    }

    boolean contains(Version v) {
        for (Interval i : intervals) {
            if (i.contains(v)) {
                return true;
            }
        }
        return false;
    }

    // ---- construction from a specifier ------------------------------------------------

    /** The intervals of one specifier (not {@code ===}, which matches strings, not versions). */
    static VersionIntervals of(Specifier spec) {
        Version v = spec.parsedVersion();
        List<Interval> out = new ArrayList<>(2);
        switch (spec.operator()) {
            case ARBITRARY -> {
                return FULL;
            }
            case GREATER_EQUAL -> out.add(new Interval(End.at(v, true), End.POS_INF));
            case LESS_EQUAL -> out.add(new Interval(End.NEG_INF, End.after(v, Kind.AFTER_LOCALS, true)));
            case GREATER -> {
                if (v.isDevrelease()) {
                    out.add(new Interval(End.at(v.nextDev(), true), End.POS_INF));
                } else if (v.isPostrelease()) {
                    out.add(new Interval(End.at(v.nextPostDev0(), true), End.POS_INF));
                } else {
                    out.add(new Interval(End.after(v, Kind.AFTER_POSTS, false), End.POS_INF));
                }
            }
            case LESS -> {
                Version bound = v.isPrerelease() ? v : v.withDev0();
                if (bound.compareTo(MIN_VERSION) > 0) {
                    out.add(new Interval(End.NEG_INF, End.at(bound, false)));
                }
            }
            case COMPATIBLE -> out.add(new Interval(End.at(v, true), End.at(v.releasePrefix().nextPrefixDev0(), false)));
            case EQUAL, NOT_EQUAL -> {
                End lo;
                End hi;
                if (spec.isWildcard()) {
                    lo = End.at(v.baseDev0(), true);
                    hi = End.at(v.nextPrefixDev0(), false);
                } else {
                    lo = End.at(v, true);
                    hi = spec.hasLocal() ? End.at(v, true) : End.after(v, Kind.AFTER_LOCALS, true);
                }
                if (spec.operator() == Specifier.Operator.EQUAL) {
                    out.add(new Interval(lo, hi));
                } else {
                    out.add(new Interval(End.NEG_INF, flip(lo)));
                    out.add(new Interval(flip(hi), End.POS_INF));
                }
            }
        }
        return new VersionIntervals(out);
    }

    /** The other side of the same point: a lower end becomes the upper end of the gap before it. */
    static End flip(End e) {
        return new End(e.point, !e.inclusive);
    }

    // ---- algebra ----------------------------------------------------------------------

    private static int compareLower(End a, End b) {
        if (a.point == null || b.point == null) {
            return a.point == null ? (b.point == null ? 0 : -1) : 1;
        }
        int c = a.point.compareTo(b.point);
        if (c != 0) {
            return c;
        }
        return a.inclusive == b.inclusive ? 0 : a.inclusive ? -1 : 1;
    }

    private static int compareUpper(End a, End b) {
        if (a.point == null || b.point == null) {
            return a.point == null ? (b.point == null ? 0 : 1) : -1;
        }
        int c = a.point.compareTo(b.point);
        if (c != 0) {
            return c;
        }
        return a.inclusive == b.inclusive ? 0 : a.inclusive ? 1 : -1;
    }

    VersionIntervals intersect(VersionIntervals other) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<Interval> left = intervals;
        List<Interval> right = other.intervals;
        while (i < left.size() && j < right.size()) {
            Interval a = left.get(i);
            Interval b = right.get(j);
            End lo = compareLower(a.lower, b.lower) >= 0 ? a.lower : b.lower;
            End hi = compareUpper(a.upper, b.upper) <= 0 ? a.upper : b.upper;
            if (!isEmpty(lo, hi)) {
                out.add(new Interval(lo, hi));
            }
            if (compareUpper(a.upper, b.upper) < 0) {
                i++;
            } else {
                j++;
            }
        }
        return new VersionIntervals(out);
    }

    VersionIntervals complement() {
        if (intervals.isEmpty()) {
            return FULL;
        }
        List<Interval> out = new ArrayList<>();
        End previousUpper = null;
        for (Interval in : intervals) {
            if (previousUpper == null) {
                if (in.lower.point != null) {
                    Interval gap = new Interval(End.NEG_INF, flip(in.lower));
                    if (!isEmpty(gap.lower, gap.upper)) {
                        out.add(gap);
                    }
                }
            } else {
                out.add(new Interval(flip(previousUpper), flip(in.lower)));
            }
            previousUpper = in.upper;
        }
        if (previousUpper.point != null) {
            out.add(new Interval(flip(previousUpper), End.POS_INF));
        }
        return new VersionIntervals(out);
    }

    /** The least version strictly above a boundary, or null where none exists. */
    private static Version leastVersionAbove(Point p) {
        Version v = p.version;
        if (p.kind == Kind.AFTER_LOCALS) {
            return v.isDevrelease() ? v.nextDev() : v.nextPostDev0();
        }
        return v.hasPre() ? v.nextPreDev0() : null;
    }

    /** Whether no version lies between {@code lower} and {@code upper}. */
    static boolean isEmpty(End lower, End upper) {
        if (upper.point == null) {
            return false;
        }
        if (lower.point == null) {
            return !upper.inclusive && upper.point.kind == Kind.AT && upper.point.version.compareTo(MIN_VERSION) <= 0;
        }
        if (lower.point.kind != Kind.AT) {
            Version successor = leastVersionAbove(lower.point);
            if (successor != null) {
                if (upper.point.kind == Kind.AT && upper.point.version.equals(successor)) {
                    return !upper.inclusive;
                }
                return upper.point.compareTo(new Point(successor, Kind.AT)) < 0;
            }
        }
        int c = lower.point.compareTo(upper.point);
        if (c == 0) {
            return !(lower.inclusive && upper.inclusive);
        }
        return c > 0;
    }

    /** Whether every version these intervals hold is a pre-release (vacuously true when empty). */
    boolean onlyPrereleases() {
        for (Interval in : intervals) {
            Version nearest = lowestReleaseAtOrAbove(in.lower.point);
            if (in.upper.point == null) {
                return false;
            }
            Point n = new Point(nearest, Kind.AT);
            int c = n.compareTo(in.upper.point);
            if (c < 0 || (c == 0 && in.upper.inclusive)) {
                return false;
            }
        }
        return true;
    }

    private static Version lowestReleaseAtOrAbove(Point p) {
        if (p == null) {
            return MIN_RELEASE;
        }
        Version v = p.version;
        if (p.kind != Kind.AT) {
            return v.isPrerelease() ? nearestReleaseAbovePrerelease(v) : v.nextPost();
        }
        return v.isPrerelease() ? nearestReleaseAbovePrerelease(v) : v;
    }

    private static Version nearestReleaseAbovePrerelease(Version v) {
        return v.hasPre() ? v.baseVersion() : v.withoutDev();
    }
}
