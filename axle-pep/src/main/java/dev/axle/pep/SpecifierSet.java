package dev.axle.pep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A comma-separated set of PEP 440 specifiers, such as {@code >=1.0,!=1.3.4.*,<2.0}: a
 * version matches when it matches every specifier.
 *
 * <p>Pre-release handling follows pypa/packaging 26.3: with no policy given,
 * {@link #contains} admits a pre-release that matches (a single version has no
 * alternatives), while {@link #filter} returns pre-releases only when no final release
 * matches; a set that names a pre-release (such as {@code >=1.0b1}) admits them.
 */
public final class SpecifierSet implements Iterable<Specifier> {
    private static final SpecifierSet EMPTY = new SpecifierSet(new Specifier[0], null, true);

    /** Sorted by text, without duplicates (by {@link Specifier#equals}): packaging's canonical order. */
    private final Specifier[] items;
    private final Boolean prereleases;
    private final boolean hasArbitrary;
    private VersionIntervals intervals;

    private SpecifierSet(List<Specifier> specifiers, Boolean prereleases) {
        this(canonical(specifiers.toArray(new Specifier[0]), specifiers.size()), prereleases, true);
    }

    /** {@code items} must already be in canonical order ({@link #canonical(Specifier[], int)}). */
    private SpecifierSet(Specifier[] items, Boolean prereleases, boolean canonical) {
        this.items = items;
        this.prereleases = prereleases;
        boolean arbitrary = false;
        for (Specifier s : items) {
            arbitrary |= s.operator() == Specifier.Operator.ARBITRARY;
        }
        this.hasArbitrary = arbitrary;
    }

    /** The set that every version matches. */
    public static SpecifierSet empty() {
        return EMPTY;
    }

    /**
     * Parses a comma-separated list of specifiers; empty items and surrounding whitespace are
     * ignored, so {@code ""} is the empty set.
     *
     * @throws InvalidSpecifierException naming the first item that is not a specifier
     */
    public static SpecifierSet parse(String specifiers) {
        return parse(specifiers, null);
    }

    /** As {@link #parse(String)}, with an explicit pre-release policy (null: detect it). */
    public static SpecifierSet parse(String specifiers, Boolean prereleases) {
        if (specifiers == null) {
            throw new InvalidSpecifierException("", 0);
        }
        // Most sets have one specifier: the array is sized by counting commas.
        int commas = 0;
        for (int i = specifiers.indexOf(','); i >= 0; i = specifiers.indexOf(',', i + 1)) {
            commas++;
        }
        Specifier[] out = new Specifier[commas + 1];
        int n = 0;
        int from = 0;
        while (from <= specifiers.length()) {
            int comma = specifiers.indexOf(',', from);
            int to = comma < 0 ? specifiers.length() : comma;
            int end = Text.trimEnd(specifiers, from, to);
            int start = Text.skipSpace(specifiers, from, end);
            if (start < end) {
                out[n++] = Specifier.parse(specifiers, start, end, null);
            }
            from = to + 1;
        }
        if (n == 0 && prereleases == null) {
            return EMPTY;
        }
        return new SpecifierSet(canonical(out, n), prereleases, true);
    }

    /** A set of the given specifiers, kept as they are. */
    public static SpecifierSet of(List<Specifier> specifiers, Boolean prereleases) {
        return new SpecifierSet(specifiers, prereleases);
    }

    /** The specifiers, sorted by their text, without duplicates. */
    public List<Specifier> specifiers() {
        return List.of(items);
    }

    @Override
    public Iterator<Specifier> iterator() {
        return specifiers().iterator();
    }

    public int size() {
        return items.length;
    }

    /** Whether there are no specifiers (every version matches, subject to the pre-release policy). */
    public boolean isEmpty() {
        return items.length == 0;
    }

    /** The explicit pre-release policy given when parsing, or null. */
    public Boolean prereleasesOverride() {
        return prereleases;
    }

    /** The explicit policy, else {@code true} if any specifier names a pre-release, else null. */
    public Boolean prereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        for (Specifier s : items) {
            if (Boolean.TRUE.equals(s.prereleases())) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** This set with another explicit pre-release policy. */
    public SpecifierSet withPrereleases(Boolean policy) {
        return new SpecifierSet(items, policy, true);
    }

    /**
     * Both sets at once: a version must match every specifier of both.
     *
     * @throws IllegalArgumentException if the sets have contradicting explicit pre-release policies
     */
    public SpecifierSet and(SpecifierSet other) {
        Boolean policy;
        if (prereleases == null || Objects.equals(prereleases, other.prereleases)) {
            policy = other.prereleases;
        } else if (other.prereleases == null) {
            policy = prereleases;
        } else {
            throw new IllegalArgumentException(
                    "Cannot combine SpecifierSets with True and False prerelease overrides.");
        }
        List<Specifier> all = new ArrayList<>(items.length + other.items.length);
        all.addAll(List.of(items));
        all.addAll(List.of(other.items));
        return new SpecifierSet(all, policy);
    }

    // ---- membership -------------------------------------------------------------------

    /** Whether {@code version} matches under the default pre-release policy. */
    public boolean contains(Version version) {
        return contains(version, null, false);
    }

    /** Whether {@code version} matches; {@code prereleases} null means the set's policy or the default. */
    public boolean contains(Version version, Boolean prereleases) {
        return contains(version, prereleases, false);
    }

    /**
     * Whether {@code version} matches. An {@code installed} pre-release is admitted even when
     * the policy would refuse pre-releases (it is already there).
     */
    public boolean contains(Version version, Boolean prereleases, boolean installed) {
        if (installed && version.isPrerelease()) {
            prereleases = Boolean.TRUE;
        }
        if (items.length == 0) {
            // Every version matches; only an effective "no pre-releases" policy refuses one.
            return !(version.isPrerelease() && Boolean.FALSE.equals(effective(prereleases)));
        }
        if (hasArbitrary) {
            return !filter(List.of(version), Function.identity(), prereleases).isEmpty();
        }
        if (version.isPrerelease() && (Boolean.FALSE.equals(prereleases)
                || (prereleases == null && Boolean.FALSE.equals(this.prereleases)))) {
            return false;
        }
        for (Specifier s : items) {
            if (!s.matches(version)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the version string {@code item} matches under the default pre-release policy. */
    public boolean contains(String item) {
        return contains(item, null, false);
    }

    /** As {@link #contains(Version, Boolean, boolean)}, for a string; only {@code ===} can match a non-version. */
    public boolean contains(String item, Boolean prereleases, boolean installed) {
        Version v = Version.parseOrNull(item);
        if (v != null && !hasArbitrary) {
            return contains(v, prereleases, installed);
        }
        if (v != null && installed && v.isPrerelease()) {
            prereleases = Boolean.TRUE;
        }
        return !filterStrings(Collections.singletonList(item), prereleases).isEmpty();
    }

    /** The versions that match, in order, under the default pre-release policy. */
    public List<Version> filter(Iterable<Version> versions) {
        return filter(versions, Function.identity(), null);
    }

    /** The versions that match, in order; with no policy, pre-releases only if no final release matches. */
    public List<Version> filter(Iterable<Version> versions, Boolean prereleases) {
        return filter(versions, Function.identity(), prereleases);
    }

    /** The items whose version matches, in their order. */
    public <T> List<T> filter(Iterable<T> items, Function<? super T, Version> key, Boolean prereleases) {
        return Candidates.filter(items, t -> Candidates.of(key.apply(t)), this::matchesCandidate,
                hasArbitrary || this.items.length == 0, effective(prereleases));
    }

    /** As {@link #filter}, for version strings. */
    public List<String> filterStrings(Iterable<String> items, Boolean prereleases) {
        return Candidates.filter(items, Candidates::of, this::matchesCandidate,
                hasArbitrary || this.items.length == 0, effective(prereleases));
    }

    private Boolean effective(Boolean argument) {
        return argument != null ? argument : prereleases();
    }

    private boolean matchesCandidate(Candidates.Candidate c) {
        for (Specifier s : items) {
            boolean ok = s.operator() == Specifier.Operator.ARBITRARY
                    ? s.arbitraryMatch(c.text())
                    : c.version() != null && s.matches(c.version());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---- set questions ----------------------------------------------------------------

    /** The admitted versions as intervals, ignoring {@code ===} and the pre-release policy. */
    VersionIntervals intervals() {
        VersionIntervals i = intervals;
        if (i == null) {
            i = intersect(0, items.length);
            intervals = i;
        }
        return i;
    }

    /** Intersects specifiers [from, to) pairwise, so many {@code !=} items cost n log n rather than n squared. */
    private VersionIntervals intersect(int from, int to) {
        if (to - from == 0) {
            return VersionIntervals.FULL;
        }
        if (to - from == 1) {
            return VersionIntervals.of(items[from]);
        }
        int mid = (from + to) >>> 1;
        VersionIntervals left = intersect(from, mid);
        return left.isEmpty() ? left : left.intersect(intersect(mid, to));
    }

    /** Whether no version (or {@code ===} string) can satisfy every specifier under this set's policy. */
    public boolean isUnsatisfiable() {
        if (items.length == 0) {
            return false;
        }
        if (intervals().isEmpty() || arbitraryUnsatisfiable()) {
            return true;
        }
        return Boolean.FALSE.equals(prereleases()) && intervals().onlyPrereleases();
    }

    private boolean arbitraryUnsatisfiable() {
        String first = null;
        List<Specifier> standard = new ArrayList<>();
        for (Specifier s : items) {
            if (s.operator() != Specifier.Operator.ARBITRARY) {
                standard.add(s);
            } else if (first == null) {
                first = s.version();
            } else if (!first.toLowerCase(Locale.ROOT).equals(s.version().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (first == null) {
            return false;
        }
        Version candidate = Version.parseOrNull(first);
        if (Boolean.FALSE.equals(prereleases()) && candidate != null && candidate.isPrerelease()) {
            return true;
        }
        if (standard.isEmpty()) {
            return false;
        }
        if (candidate == null) {
            return true;
        }
        for (Specifier s : standard) {
            if (!s.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every version this set admits is also admitted by {@code other}. */
    public boolean isSubsetOf(SpecifierSet other) {
        checkRelationOperand(other);
        if (items.length == 0 && other.items.length != 0) {
            return false; // the empty set admits every string, which no specifier covers
        }
        VersionIntervals rest = intervals().intersect(other.intervals().complement());
        return isEmptyUnderPolicy(rest);
    }

    /** Whether every version {@code other} admits is also admitted by this set. */
    public boolean isSupersetOf(SpecifierSet other) {
        return other.isSubsetOf(this);
    }

    /** Whether no version is admitted by both sets. */
    public boolean isDisjointFrom(SpecifierSet other) {
        checkRelationOperand(other);
        return isEmptyUnderPolicy(intervals().intersect(other.intervals()));
    }

    private boolean isEmptyUnderPolicy(VersionIntervals rest) {
        return rest.isEmpty() || (Boolean.FALSE.equals(prereleases) && rest.onlyPrereleases());
    }

    private void checkRelationOperand(SpecifierSet other) {
        Objects.requireNonNull(other, "other");
        if (hasArbitrary || other.hasArbitrary) {
            throw new IllegalArgumentException("set relations do not support === specifiers");
        }
        if (!Objects.equals(prereleases, other.prereleases)) {
            throw new IllegalArgumentException("Cannot combine VersionRange operands with different pre-release policies: "
                    + pyBool(prereleases) + " and " + pyBool(other.prereleases));
        }
    }

    private static String pyBool(Boolean b) {
        return b == null ? "None" : b ? "True" : "False";
    }

    // ---- identity ---------------------------------------------------------------------

    /** The first {@code n} items sorted by text, later duplicates dropped; may reuse the array. */
    private static Specifier[] canonical(Specifier[] items, int n) {
        if (n == 2) {
            int c = Specifier.compareText(items[0], items[1]);
            Specifier first = c <= 0 ? items[0] : items[1];
            Specifier second = c <= 0 ? items[1] : items[0];
            return first.equals(second) ? new Specifier[] {first} : new Specifier[] {first, second};
        }
        if (n <= 1) {
            return items.length == n ? items : Arrays.copyOf(items, n);
        }
        Arrays.sort(items, 0, n, Specifier::compareText);
        if (n > 8) {
            return new LinkedHashSet<>(Arrays.asList(items).subList(0, n)).toArray(new Specifier[0]);
        }
        // Few items: drop later duplicates by pairwise comparison, without hashing.
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean duplicate = false;
            for (int j = 0; j < kept && !duplicate; j++) {
                duplicate = items[j].equals(items[i]);
            }
            if (!duplicate) {
                items[kept++] = items[i];
            }
        }
        return kept == items.length ? items : Arrays.copyOf(items, kept);
    }

    /** Equal when the canonical lists agree; the pre-release policy is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpecifierSet s && Arrays.equals(items, s.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    /** The specifiers sorted and joined by commas, e.g. {@code !=1.0.1,>=1.0.0}. */
    @Override
    public String toString() {
        if (items.length == 1) {
            return items[0].toString();
        }
        StringBuilder b = new StringBuilder();
        for (Specifier s : items) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(s);
        }
        return b.toString();
    }
}
