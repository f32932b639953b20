package dev.axle.pep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 440 version: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}.
 *
 * <p>Parsing is as lenient as pypa/packaging's {@code Version} (case, a leading {@code v},
 * {@code .}/{@code -}/{@code _} separators, alternative spellings such as {@code alpha},
 * {@code preview}, {@code rev}, implicit numbers, surrounding whitespace), and
 * {@link #toString()} gives the normalized form. Ordering follows PEP 440, with equality
 * consistent with it: {@code 1.0 == 1.0.0}, {@code 1.0+ABC == 1.0+abc}.
 *
 * <p>Numbers may be of any size: components beyond {@code long} are kept as
 * {@link BigInteger}s (date stamps and 20-digit build numbers occur on PyPI).
 */
public final class Version implements Comparable<Version> {

    // A number is stored as a long: >= 0 is the value itself, ABSENT marks a missing
    // optional segment, and HUGE_BASE - i refers to huge[i] for values beyond a long.
    private static final long ABSENT = -1;
    private static final long HUGE_BASE = -2;

    static final int PRE_ALPHA = 0;
    static final int PRE_BETA = 1;
    static final int PRE_RC = 2;
    private static final int PRE_NONE = -1;
    private static final String[] PRE_LETTERS = {"a", "b", "rc"};

    private final long epoch;
    private final long[] release;
    private final int preKind;
    private final long pre;
    private final long post;
    private final long dev;
    /** Local segments: lower-case {@code String}s, {@code Long}s or {@link Digits}; null if none. */
    private final Object[] local;
    private final Digits[] huge;

    private int hash;
    private String text;

    private Version(long epoch, long[] release, int preKind, long pre, long post, long dev,
            Object[] local, Digits[] huge) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.huge = huge;
        this.releaseKey = releaseKey(epoch, release);
    }

    /** Bits per release component in {@link #releaseKey}. */
    private static final int KEY_BITS = 15;

    /**
     * The first four release components packed into one number that orders like them
     * ({@code 1.26.4 -> 1|26|4|0}), so most comparisons decide on one long; -1 when the
     * epoch is not zero or a component does not fit.
     */
    private final long releaseKey;

    private static long releaseKey(long epoch, long[] release) {
        if (epoch != 0) {
            return -1;
        }
        long key = 0;
        for (int i = 0; i < 4; i++) {
            long c = i < release.length ? release[i] : 0;
            if (c < 0 || c >= 1L << KEY_BITS) {
                return -1;
            }
            key = (key << KEY_BITS) | c;
        }
        return key;
    }

    /**
     * Parses a version string the way pypa/packaging does.
     *
     * @throws InvalidVersionException if {@code version} is null or not a PEP 440 version
     */
    public static Version parse(String version) {
        if (version == null) {
            throw new InvalidVersionException(null, 0);
        }
        Version v = simple(version);
        return v != null ? v : new VersionParser(version).parse();
    }

    /** Parses a version, or returns null for invalid input. */
    static Version parseOrNull(String version) {
        if (version == null) {
            return null;
        }
        Version v = simple(version);
        return v != null ? v : new VersionParser(version).parseOrNull();
    }

    /**
     * The common case, digits and dots only with short numbers ({@code 1.26.4}), parsed in one
     * pass; null when the input is anything else (the general parser then decides).
     */
    private static Version simple(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return null;
        }
        int parts = 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                parts++;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        long[] release = new long[parts];
        boolean normalized = true;
        int k = 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '.') {
                int len = i - start;
                if (len == 0 || len > 18) {
                    return null;
                }
                normalized &= len == 1 || s.charAt(start) != '0';
                long v = 0;
                for (int j = start; j < i; j++) {
                    v = v * 10 + (s.charAt(j) - '0');
                }
                release[k++] = v;
                start = i + 1;
            }
        }
        Version v = new Version(0, release, PRE_NONE, 0, ABSENT, ABSENT, null, null);
        if (normalized) {
            v.text = s;
        }
        return v;
    }

    /**
     * Parses a version, returning empty instead of throwing for invalid input.
     */
    public static Optional<Version> tryParse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(parseOrNull(version));
    }

    /** Builds a version from its parts, as packaging's {@code Version.from_parts}. */
    public static Version of(BigInteger epoch, List<BigInteger> release, PreRelease pre,
            BigInteger post, BigInteger dev, String local) {
        Builder b = new Builder();
        b.epoch = b.num(epoch == null ? BigInteger.ZERO : epoch, "epoch");
        if (release == null || release.isEmpty()) {
            throw new InvalidVersionException("release must be a non-empty list of non-negative integers, got "
                    + release);
        }
        long[] rel = new long[release.size()];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = b.num(release.get(i), "release");
        }
        b.release = rel;
        if (pre != null) {
            b.preKind = pre.kindIndex();
            b.pre = b.num(pre.number(), "pre");
        }
        if (post != null) {
            b.post = b.num(post, "post");
        }
        if (dev != null) {
            b.dev = b.num(dev, "dev");
        }
        if (local != null) {
            b.local = VersionParser.parseLocalOrNull(local);
            if (b.local == null) {
                throw new InvalidVersionException("local must be a valid version string, got " + Text.pyRepr(local));
            }
        }
        return b.build();
    }

    /** A final release over {@code release}, which the caller hands over (non-negative, not empty). */
    static Version ofRelease(long[] release) {
        return new Version(0, release, PRE_NONE, 0, ABSENT, ABSENT, null, null);
    }

    /** Convenience for {@link #of}: a final release from plain numbers, such as {@code release(3, 12)}. */
    public static Version release(long... components) {
        if (components.length == 0) {
            throw new InvalidVersionException("release must be a non-empty list of non-negative integers, got ()");
        }
        for (long c : components) {
            if (c < 0) {
                throw new InvalidVersionException("release must be non-negative integers, got " + c);
            }
        }
        return new Version(0, components.clone(), PRE_NONE, 0, ABSENT, ABSENT, null, null);
    }

    // ---- accessors --------------------------------------------------------------------

    /** The epoch ({@code 0} when absent). */
    public BigInteger epoch() {
        return big(epoch);
    }

    /** The release segment, including trailing zeros, e.g. {@code [1, 2, 0]}. */
    public List<BigInteger> release() {
        List<BigInteger> out = new ArrayList<>(release.length);
        for (long r : release) {
            out.add(big(r));
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of components in the release segment. */
    public int releaseSize() {
        return release.length;
    }

    /** The {@code i}-th release component; zero beyond the end, as in PEP 440 comparison. */
    public BigInteger releaseComponent(int i) {
        return i < release.length ? big(release[i]) : BigInteger.ZERO;
    }

    /** The first release component ({@code major} in packaging). */
    public BigInteger major() {
        return releaseComponent(0);
    }

    /** The second release component, or zero. */
    public BigInteger minor() {
        return releaseComponent(1);
    }

    /** The third release component, or zero. */
    public BigInteger micro() {
        return releaseComponent(2);
    }

    /** The pre-release segment ({@code a}, {@code b} or {@code rc} and its number). */
    public Optional<PreRelease> pre() {
        return preKind == PRE_NONE ? Optional.empty() : Optional.of(new PreRelease(PRE_LETTERS[preKind], big(pre)));
    }

    /** The post-release number. */
    public Optional<BigInteger> post() {
        return post == ABSENT ? Optional.empty() : Optional.of(big(post));
    }

    /** The development release number. */
    public Optional<BigInteger> dev() {
        return dev == ABSENT ? Optional.empty() : Optional.of(big(dev));
    }

    /** The normalized local version label, e.g. {@code ubuntu.1}. */
    public Optional<String> local() {
        if (local == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        appendLocal(b);
        return Optional.of(b.toString());
    }

    /** No pre-release, post-release or development segment. */
    private boolean isFinal() {
        return preKind == PRE_NONE && post == ABSENT && dev == ABSENT;
    }

    /** Whether this is a pre-release: it has a pre-release or a development segment. */
    public boolean isPrerelease() {
        return preKind != PRE_NONE || dev != ABSENT;
    }

    /** Whether this has a post-release segment. */
    public boolean isPostrelease() {
        return post != ABSENT;
    }

    /** Whether this has a development release segment. */
    public boolean isDevrelease() {
        return dev != ABSENT;
    }

    /** Whether this has a local version label. */
    public boolean hasLocal() {
        return local != null;
    }

    /** Whether this has a pre-release segment (a, b, rc); dev releases alone do not count. */
    public boolean hasPre() {
        return preKind != PRE_NONE;
    }

    /** This version without its local label: {@code 1.0+abc -> 1.0}. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release, preKind, pre, post, dev, null, huge);
    }

    /** Epoch and release only: {@code 1!1.2.3rc1.post2+abc -> 1!1.2.3}. */
    public Version baseVersion() {
        if (preKind == PRE_NONE && post == ABSENT && dev == ABSENT && local == null) {
            return this;
        }
        return new Version(epoch, release, PRE_NONE, 0, ABSENT, ABSENT, null, huge);
    }

    // ---- derived versions used by the specifier and range code ------------------------

    /** Same epoch and release, with {@code .dev0} and nothing else: {@code 1.2 -> 1.2.dev0}. */
    Version baseDev0() {
        return new Version(epoch, release, PRE_NONE, 0, ABSENT, 0, null, huge);
    }

    /** The next release prefix at {@code .dev0}: {@code 1.2 -> 1.3.dev0}. */
    Version nextPrefixDev0() {
        long[] rel = release.clone();
        Builder b = new Builder(huge);
        rel[rel.length - 1] = b.add(rel[rel.length - 1], 1);
        b.epoch = epoch;
        b.release = rel;
        b.dev = 0;
        return b.build();
    }

    /** Drops the last release component: {@code 1.4.5 -> 1.4} (keeps nothing else). */
    Version releasePrefix() {
        return new Version(epoch, Arrays.copyOf(release, release.length - 1), PRE_NONE, 0, ABSENT, ABSENT, null,
                huge);
    }

    /** {@code V.dev(N+1)} for a dev release V, dropping the local label. */
    Version nextDev() {
        Builder b = new Builder(huge);
        b.copyPublic(this);
        b.dev = b.add(dev, 1);
        return b.build();
    }

    /** {@code V.post(N+1).dev0}, or {@code V.post0.dev0} if V is no post-release; drops the local label. */
    Version nextPostDev0() {
        Builder b = new Builder(huge);
        b.copyPublic(this);
        b.post = post == ABSENT ? 0 : b.add(post, 1);
        b.dev = 0;
        return b.build();
    }

    /** {@code V.post0} (or {@code V.post(N+1)} if V is a post-release), without dev or local. */
    Version nextPost() {
        Builder b = new Builder(huge);
        b.copyPublic(this);
        b.post = post == ABSENT ? 0 : b.add(post, 1);
        b.dev = ABSENT;
        return b.build();
    }

    /** The next pre-release's {@code .dev0}: {@code 1.0a1 -> 1.0a2.dev0}. */
    Version nextPreDev0() {
        Builder b = new Builder(huge);
        b.copyPublic(this);
        b.pre = b.add(pre, 1);
        b.post = ABSENT;
        b.dev = 0;
        return b.build();
    }

    /** {@code V.dev0} for a final V, dropping the local label. */
    Version withDev0() {
        return new Version(epoch, release, preKind, pre, post, 0, null, huge);
    }

    /** This version without its dev segment and local label. */
    Version withoutDev() {
        return new Version(epoch, release, preKind, pre, post, ABSENT, null, huge);
    }

    // ---- comparison -------------------------------------------------------------------

    private BigInteger big(long n) {
        return n >= 0 ? BigInteger.valueOf(n) : huge(n).toBigInteger();
    }

    private Digits huge(long n) {
        return huge[(int) (HUGE_BASE - n)];
    }

    private static int compareNum(long a, Version va, long b, Version vb) {
        if (a >= 0 && b >= 0) {
            return Long.compare(a, b);
        }
        if (a >= 0) {
            return -1; // a huge number is always beyond a long
        }
        if (b >= 0) {
            return 1;
        }
        return va.huge(a).compareTo(vb.huge(b));
    }

    private static boolean equalNum(long a, Version va, long b, Version vb) {
        if (a >= 0 || b >= 0) {
            return a == b;
        }
        return va.huge(a).equals(vb.huge(b));
    }

    private int trimmedReleaseLength() {
        int n = release.length;
        while (n > 0 && release[n - 1] == 0) {
            n--;
        }
        return n;
    }

    /** Compares epochs and release segments (with trailing zeros ignored). */
    int compareRelease(Version o) {
        long k = releaseKey;
        long ok = o.releaseKey;
        if (k != ok && k >= 0 && ok >= 0) {
            return k < ok ? -1 : 1;
        }
        if (epoch != o.epoch || epoch < 0) {
            int c = compareNum(epoch, this, o.epoch, o);
            if (c != 0) {
                return c;
            }
        }
        long[] a = release;
        long[] b = o.release;
        int n = Math.min(a.length, b.length);
        if (huge == null && o.huge == null) {
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i]) {
                    return a[i] < b[i] ? -1 : 1;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i] || a[i] < 0) {
                    int c = compareNum(a[i], this, b[i], o);
                    if (c != 0) {
                        return c;
                    }
                }
            }
        }
        // A longer release is greater unless it only adds zeros (1.0 == 1.0.0).
        for (int i = n; i < a.length; i++) {
            if (a[i] != 0) {
                return 1;
            }
        }
        for (int i = n; i < b.length; i++) {
            if (b[i] != 0) {
                return -1;
            }
        }
        return 0;
    }

    // Sort ranks from packaging's _cmpkey: dev-only < a < b < rc < final.
    private int preRank() {
        if (preKind != PRE_NONE) {
            return preKind;
        }
        return post == ABSENT && dev != ABSENT ? -1 : 3;
    }

    /** Compares epoch, release and pre-release rank and number (packaging's key up to the post segment). */
    int compareReleaseAndPre(Version o) {
        int c = compareRelease(o);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0 || preKind == PRE_NONE) {
            return c;
        }
        return compareNum(pre, this, o.pre, o);
    }

    /** PEP 440 order of the public version (local labels ignored). */
    int comparePublic(Version o) {
        int c = compareRelease(o);
        if (c != 0 || (isFinal() && o.isFinal())) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preKind != PRE_NONE) {
            c = compareNum(pre, this, o.pre, o);
            if (c != 0) {
                return c;
            }
        }
        if (post != o.post || post < ABSENT) {
            if (post == ABSENT) {
                return -1;
            }
            if (o.post == ABSENT) {
                return 1;
            }
            c = compareNum(post, this, o.post, o);
            if (c != 0) {
                return c;
            }
        }
        if (dev != o.dev || dev < ABSENT) {
            if (dev == ABSENT) {
                return 1;
            }
            if (o.dev == ABSENT) {
                return -1;
            }
            return compareNum(dev, this, o.dev, o);
        }
        return 0;
    }

    @Override
    public int compareTo(Version o) {
        if (this == o) {
            return 0;
        }
        int c = comparePublic(o);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    private static int compareLocal(Object[] a, Object[] b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            Object x = a[i];
            Object y = b[i];
            int c;
            if (x instanceof String sx) {
                c = y instanceof String sy ? sx.compareTo(sy) : -1; // strings sort before numbers
            } else if (y instanceof String) {
                c = 1;
            } else {
                c = compareLocalNumber(x, y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareLocalNumber(Object x, Object y) {
        if (x instanceof Long lx && y instanceof Long ly) {
            return Long.compare(lx, ly);
        }
        if (x instanceof Long) {
            return -1;
        }
        if (y instanceof Long) {
            return 1;
        }
        return ((Digits) x).compareTo((Digits) y);
    }

    /** True if {@code this < other}. */
    public boolean isLessThan(Version other) {
        return compareTo(other) < 0;
    }

    /** True if {@code this > other}. */
    public boolean isGreaterThan(Version other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether {@code other} has the same epoch, release (ignoring trailing zeros) and
     * pre-release segment: the family that {@code >V} excludes.
     */
    boolean samePreFamily(Version other) {
        return compareRelease(other) == 0 && preKind == other.preKind
                && (preKind == PRE_NONE || equalNum(pre, this, other.pre, other));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = computeHash();
            h = h == 0 ? 1 : h;
            hash = h;
        }
        return h;
    }

    private int computeHash() {
        int h = numHash(epoch);
        int n = trimmedReleaseLength();
        for (int i = 0; i < n; i++) {
            long r = release[i];
            h = 31 * h + numHash(r);
        }
        h = 31 * h + preRank();
        if (preKind != PRE_NONE) {
            h = 31 * h + numHash(pre);
        }
        h = 31 * h + (post == ABSENT ? -7 : numHash(post));
        h = 31 * h + (dev == ABSENT ? -11 : numHash(dev));
        if (local != null) {
            h = 31 * h + Arrays.hashCode(local);
        }
        return h;
    }

    // ---- text -------------------------------------------------------------------------

    /** The normalized form, e.g. {@code 1.0.0-ALPHA.1 -> 1.0.0a1}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder b = new StringBuilder(16);
            if (epoch != 0) {
                appendNum(b, epoch).append('!');
            }
            appendRelease(b);
            if (preKind != PRE_NONE) {
                appendNum(b.append(PRE_LETTERS[preKind]), pre);
            }
            if (post != ABSENT) {
                appendNum(b.append(".post"), post);
            }
            if (dev != ABSENT) {
                appendNum(b.append(".dev"), dev);
            }
            if (local != null) {
                appendLocal(b.append('+'));
            }
            text = t = b.toString();
        }
        return t;
    }

    private int numHash(long n) {
        return n >= 0 ? Long.hashCode(n) : huge(n).hashCode();
    }

    private StringBuilder appendNum(StringBuilder b, long n) {
        return n >= 0 ? b.append(n) : b.append(huge(n).value());
    }

    private void appendRelease(StringBuilder b) {
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            appendNum(b, release[i]);
        }
    }

    private void appendLocal(StringBuilder b) {
        for (int i = 0; i < local.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(local[i]);
        }
    }

    /**
     * The canonical form used by packaging's {@code canonicalize_version}: the normalized
     * string, with trailing zeros of the release removed (keeping at least one component)
     * when {@code stripTrailingZero} is set.
     */
    public String canonical(boolean stripTrailingZero) {
        if (!stripTrailingZero) {
            return toString();
        }
        int n = Math.max(1, trimmedReleaseLength());
        if (n == release.length) {
            return toString();
        }
        return new Version(epoch, Arrays.copyOf(release, n), preKind, pre, post, dev, local, huge).toString();
    }

    /**
     * Packaging's {@code canonicalize_version(version, strip_trailing_zero=...)} on a string:
     * the canonical form of a valid version, or {@code version} itself, unaltered, when it
     * is not a valid version.
     */
    public static String canonicalize(String version, boolean stripTrailingZero) {
        return tryParse(version).map(v -> v.canonical(stripTrailingZero)).orElse(version);
    }

    /** The pre-release segment of a version: its kind ({@code a}, {@code b}, {@code rc}) and number. */
    public record PreRelease(String kind, BigInteger number) {
        public PreRelease {
            String k = kind == null ? null : kind.toLowerCase(java.util.Locale.ROOT);
            kind = switch (k == null ? "" : k) {
                case "a", "alpha" -> "a";
                case "b", "beta" -> "b";
                case "rc", "c", "pre", "preview" -> "rc";
                default -> throw new InvalidVersionException(
                        "pre must be a tuple of ('a'|'b'|'rc', non-negative int), got " + kind);
            };
            if (number == null || number.signum() < 0) {
                throw new InvalidVersionException("pre-release number must be a non-negative integer, got " + number);
            }
        }

        int kindIndex() {
            return switch (kind) {
                case "a" -> PRE_ALPHA;
                case "b" -> PRE_BETA;
                default -> PRE_RC;
            };
        }

        @Override
        public String toString() {
            return kind + number;
        }
    }

    /** Assembles a version, moving numbers beyond a long into the side table. */
    static class Builder {
        long epoch;
        long[] release;
        int preKind = PRE_NONE;
        long pre;
        long post = ABSENT;
        long dev = ABSENT;
        Object[] local;
        private ArrayList<Digits> huge;

        Builder() {}

        Builder(Digits[] existing) {
            if (existing != null) {
                huge = new ArrayList<>(Arrays.asList(existing));
            }
        }

        void copyPublic(Version v) {
            epoch = v.epoch;
            release = v.release;
            preKind = v.preKind;
            pre = v.pre;
            post = v.post;
            dev = v.dev;
        }

        /** Stores a number given as ASCII digits {@code s[from, to)}. */
        long digits(String s, int from, int to) {
            // Up to 18 digits always fit in a long.
            if (to - from <= 18) {
                long n = 0;
                for (int i = from; i < to; i++) {
                    n = n * 10 + (s.charAt(i) - '0');
                }
                return n;
            }
            Object n = Digits.parse(s, from, to);
            return n instanceof Long l ? l : store((Digits) n);
        }

        private long store(Digits n) {
            if (huge == null) {
                huge = new ArrayList<>(2);
            }
            huge.add(n);
            return HUGE_BASE - (huge.size() - 1);
        }

        long num(BigInteger n, String what) {
            if (n == null || n.signum() < 0) {
                throw new InvalidVersionException(what + " must be a non-negative integer, got " + n);
            }
            if (n.bitLength() < 63) {
                return n.longValue();
            }
            return store(new Digits(n.toString()));
        }

        long add(long n, long k) {
            if (n >= 0 && n <= Long.MAX_VALUE - k) {
                return n + k;
            }
            BigInteger b = n >= 0 ? BigInteger.valueOf(n) : huge.get((int) (HUGE_BASE - n)).toBigInteger();
            return num(b.add(BigInteger.valueOf(k)), "number");
        }

        Version build() {
            return new Version(epoch, release, preKind, pre, post, dev, local,
                    huge == null ? null : huge.toArray(new Digits[0]));
        }
    }
}
