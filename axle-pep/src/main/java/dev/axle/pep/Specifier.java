package dev.axle.pep;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One PEP 440 version specifier, such as {@code >=1.2}, {@code ==1.4.*} or {@code ~=2.2.post3}.
 *
 * <p>Matching follows pypa/packaging 26.3: {@code ==V} and {@code !=V} ignore local labels
 * unless V has one; {@code >V} excludes V's post-releases (and {@code <V} V's pre-releases)
 * unless V is one itself; wildcards match by release prefix; {@code ===} compares the string
 * verbatim (case-insensitively). The pre-release policy is a three-valued flag:
 * {@code true} admits pre-releases, {@code false} refuses them, {@code null} applies
 * PEP 440's default (a lone version is admitted; {@link #filter} admits pre-releases only
 * when nothing else matches).
 */
public final class Specifier {

    /** The comparison operators of PEP 440. */
    public enum Operator {
        COMPATIBLE("~="),
        EQUAL("=="),
        NOT_EQUAL("!="),
        LESS_EQUAL("<="),
        GREATER_EQUAL(">="),
        LESS("<"),
        GREATER(">"),
        ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a specifier, e.g. {@code ~=}. */
        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private final Operator operator;
    /** The version part as written (whitespace stripped), e.g. {@code 1.0.*}. */
    private final String version;
    /** The parsed version (the prefix for wildcards); null for an unparsable {@code ===} operand. */
    private final Version parsed;
    private final boolean wildcard;
    private final boolean hasLocal;
    private final Boolean prereleases;
    /** Versions some operators compare against, derived on first use (see {@link #matches}). */
    private Bounds bounds;
    private String text;

    private record Bounds(Version lower, Version upper) {}

    private Specifier(Operator operator, String version, Boolean prereleases) {
        this(operator, version, parseOperand(operator,
                version.endsWith(".*") ? version.substring(0, version.length() - 2) : version), prereleases);
    }

    private Specifier(Operator operator, String version, Version parsed, Boolean prereleases) {
        this.operator = operator;
        this.version = version;
        this.prereleases = prereleases;
        this.wildcard = version.endsWith(".*");
        this.hasLocal = version.indexOf('+') >= 0;
        this.parsed = parsed;
    }

    private Bounds bounds() {
        Bounds b = bounds;
        if (b == null) {
            Version lo = null;
            Version hi = null;
            switch (operator) {
                case EQUAL, NOT_EQUAL -> {
                    if (wildcard) {
                        lo = parsed.baseDev0();
                        hi = parsed.nextPrefixDev0();
                    }
                }
                case GREATER -> {
                    if (parsed.isDevrelease()) {
                        lo = parsed.nextDev();
                    } else if (parsed.isPostrelease()) {
                        lo = parsed.nextPostDev0();
                    }
                }
                case LESS -> hi = parsed.isPrerelease() ? parsed : parsed.withDev0();
                case COMPATIBLE -> hi = parsed.releasePrefix().nextPrefixDev0();
                default -> { }
            }
            bounds = b = new Bounds(lo, hi);
        }
        return b;
    }

    private static Version parseOperand(Operator operator, String text) {
        if (operator == Operator.ARBITRARY) {
            return Version.parseOrNull(text);
        }
        if (operator == Operator.COMPATIBLE) {
            // The ~= grammar admits Unicode case variants of i and s (see SpecifierParser).
            StringBuilder b = null;
            for (int i = 0; i < text.length(); i++) {
                char f = SpecifierParser.unicodeFold(text.charAt(i));
                if (f != 0) {
                    if (b == null) {
                        b = new StringBuilder(text);
                    }
                    b.setCharAt(i, f);
                }
            }
            if (b != null) {
                text = b.toString();
            }
        }
        return Version.parse(text);
    }

    /**
     * Parses one specifier.
     *
     * @throws InvalidSpecifierException if {@code spec} is null or not a specifier
     */
    public static Specifier parse(String spec) {
        return parse(spec, null);
    }

    /**
     * Parses one specifier with an explicit pre-release policy ({@code null}: detect it from
     * the specifier, as packaging does).
     */
    public static Specifier parse(String spec, Boolean prereleases) {
        if (spec == null) {
            throw new InvalidSpecifierException("", 0);
        }
        return parse(spec, 0, spec.length(), prereleases);
    }

    /** Parses the specifier in {@code s[from, to)}; an error names that part alone. */
    static Specifier parse(String s, int from, int to, Boolean prereleases) {
        Specifier simple = simple(s, from, to, prereleases);
        if (simple != null) {
            return simple;
        }
        int error = SpecifierParser.firstError(s, from, to);
        if (error >= 0) {
            throw new InvalidSpecifierException(s.substring(from, to), error - from);
        }
        int start = Text.skipSpace(s, from, to);
        int end = Text.trimEnd(s, start, to);
        Operator op = operatorAt(s, start, end);
        int versionStart = Text.skipSpace(s, start + op.symbol.length(), end);
        return new Specifier(op, s.substring(versionStart, end), prereleases);
    }

    /** The operator that {@code s[i, end)} starts with (the longest that fits), or null. */
    private static Operator operatorAt(String s, int i, int end) {
        if (i >= end) {
            return null;
        }
        char c0 = s.charAt(i);
        if (i + 1 >= end || s.charAt(i + 1) != '=') {
            return c0 == '<' ? Operator.LESS : c0 == '>' ? Operator.GREATER : null;
        }
        return switch (c0) {
            case '=' -> i + 2 < end && s.charAt(i + 2) == '=' ? Operator.ARBITRARY : Operator.EQUAL;
            case '!' -> Operator.NOT_EQUAL;
            case '<' -> Operator.LESS_EQUAL;
            case '>' -> Operator.GREATER_EQUAL;
            case '~' -> Operator.COMPATIBLE;
            default -> null;
        };
    }

    /**
     * The common case in one pass: an operator other than {@code ===} directly followed by a
     * release of digits and dots ({@code >=1.26}, {@code ==2.*}); null for anything else,
     * which the full grammar then decides.
     */
    private static Specifier simple(String s, int from, int to, Boolean prereleases) {
        if (to - from < 2) {
            return null;
        }
        Operator op = operatorAt(s, from, to);
        if (op == null || op == Operator.ARBITRARY) {
            return null;
        }
        int start = from + op.symbol.length();
        int end = to;
        boolean wildcard = end - start >= 2 && s.charAt(end - 1) == '*' && s.charAt(end - 2) == '.';
        if (wildcard) {
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                return null;
            }
            end -= 2;
        }
        int parts = 1;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && digits < 18) {
                digits++;
            } else if (c == '.' && digits > 0) {
                digits = 0;
                parts++;
            } else {
                return null;
            }
        }
        if (digits == 0 || (op == Operator.COMPATIBLE && parts < 2)) {
            return null;
        }
        // The release is read here directly: it is digits and dots, each number short.
        long[] release = new long[parts];
        int k = 0;
        long n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                release[k++] = n;
                n = 0;
            } else {
                n = n * 10 + (c - '0');
            }
        }
        release[k] = n;
        return new Specifier(op, s.substring(start, to), Version.ofRelease(release), prereleases);
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The version part as written, e.g. {@code 1.0.*} or the string of a {@code ===}. */
    public String version() {
        return version;
    }

    /** The version part parsed (the prefix for wildcards); null for an unparsable {@code ===} operand. */
    public Version parsedVersion() {
        return parsed;
    }

    /** Whether the version part has a local label ({@code ==1.0+abc}), which {@code ==}/{@code !=} then compare too. */
    boolean hasLocal() {
        return hasLocal;
    }

    /** Whether this is a prefix match ({@code ==1.2.*} or {@code !=1.2.*}). */
    public boolean isWildcard() {
        return wildcard;
    }

    /** The explicit pre-release policy given when parsing, or null. */
    public Boolean prereleasesOverride() {
        return prereleases;
    }

    /**
     * Whether this specifier admits pre-releases: the explicit policy if one was given, else
     * whether it names a pre-release ({@code false} for {@code !=} and {@code ==V.*}; null for a
     * {@code ===} operand that is no version).
     */
    public Boolean prereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        if (operator == Operator.NOT_EQUAL || (operator == Operator.EQUAL && wildcard)) {
            return Boolean.FALSE;
        }
        if (parsed == null) {
            return null;
        }
        return parsed.isPrerelease();
    }

    /** This specifier with another explicit pre-release policy. */
    public Specifier withPrereleases(Boolean policy) {
        return new Specifier(operator, version, policy);
    }

    // ---- matching ---------------------------------------------------------------------

    /**
     * Whether {@code v} lies in the versions this operator describes, before any pre-release
     * policy. Not meaningful for {@code ===}, which matches strings.
     */
    boolean matches(Version v) {
        return switch (operator) {
            case GREATER_EQUAL -> v.compareTo(parsed) >= 0;
            case LESS_EQUAL -> v.comparePublic(parsed) <= 0;
            case GREATER -> {
                Version lower = bounds().lower;
                yield lower != null
                        ? v.compareTo(lower) >= 0
                        : v.compareTo(parsed) > 0 && !parsed.samePreFamily(v);
            }
            case LESS -> v.compareTo(bounds().upper) < 0;
            case EQUAL -> equalMatch(v);
            case NOT_EQUAL -> !equalMatch(v);
            case COMPATIBLE -> v.compareTo(parsed) >= 0 && v.compareTo(bounds().upper) < 0;
            case ARBITRARY -> arbitraryMatch(v.toString());
        };
    }

    private boolean equalMatch(Version v) {
        if (wildcard) {
            Bounds b = bounds();
            return v.compareTo(b.lower) >= 0 && v.compareTo(b.upper) < 0;
        }
        return hasLocal ? v.compareTo(parsed) == 0 : v.comparePublic(parsed) == 0;
    }

    boolean arbitraryMatch(String text) {
        return text.toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
    }

    /** The policy a call applies: its own argument, else the explicit one, else an autodetected {@code true}. */
    private Boolean effectivePrereleases(Boolean argument) {
        if (argument != null) {
            return argument;
        }
        if (prereleases != null) {
            return prereleases;
        }
        return Boolean.TRUE.equals(prereleases()) ? Boolean.TRUE : null;
    }

    /** Whether {@code version} satisfies this specifier under the default pre-release policy. */
    public boolean contains(Version version) {
        return contains(version, null);
    }

    /** Whether {@code version} satisfies this specifier; {@code prereleases} null means the default policy. */
    public boolean contains(Version version, Boolean prereleases) {
        if (operator == Operator.ARBITRARY) {
            return arbitraryMatch(version.toString())
                    && !(Boolean.FALSE.equals(effectivePrereleases(prereleases)) && version.isPrerelease());
        }
        if (Boolean.FALSE.equals(effectivePrereleases(prereleases)) && version.isPrerelease()) {
            return false;
        }
        return matches(version);
    }

    /** Whether the version string {@code item} satisfies this specifier (an unparsable one only matches {@code ===}). */
    public boolean contains(String item) {
        return contains(item, null);
    }

    /** As {@link #contains(Version, Boolean)}, for a version string. */
    public boolean contains(String item, Boolean prereleases) {
        Version v = Version.parseOrNull(item);
        if (operator == Operator.ARBITRARY) {
            return item != null && arbitraryMatch(item)
                    && !(Boolean.FALSE.equals(effectivePrereleases(prereleases)) && v != null && v.isPrerelease());
        }
        return v != null && contains(v, prereleases);
    }

    /** The versions that satisfy this specifier, in order, under the default pre-release policy. */
    public List<Version> filter(Iterable<Version> versions) {
        return filter(versions, Function.identity(), null);
    }

    /**
     * The items whose version satisfies this specifier, in their order. With a null policy,
     * pre-releases are returned only if no final release matches (PEP 440).
     */
    public <T> List<T> filter(Iterable<T> items, Function<? super T, Version> key, Boolean prereleases) {
        return Candidates.filter(items, t -> Candidates.of(key.apply(t)), this::matchesCandidate,
                operator == Operator.ARBITRARY, effectivePrereleases(prereleases));
    }

    /** As {@link #filter}, for version strings: unparsable strings can only match {@code ===}. */
    public List<String> filterStrings(Iterable<String> items, Boolean prereleases) {
        return Candidates.filter(items, Candidates::of, this::matchesCandidate,
                operator == Operator.ARBITRARY, effectivePrereleases(prereleases));
    }

    private boolean matchesCandidate(Candidates.Candidate c) {
        if (operator == Operator.ARBITRARY) {
            return arbitraryMatch(c.text());
        }
        return c.version() != null && matches(c.version());
    }

    // ---- identity ---------------------------------------------------------------------

    /**
     * Equal when operator and canonical version agree, as packaging compares them: the
     * version as written for {@code ===} and wildcards, the normalized version for
     * {@code ~=} (whose trailing zeros matter), else the version by value
     * ({@code ==1.2.3} equals {@code ==1.2.3.0}). The pre-release policy is ignored.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Specifier s) || operator != s.operator || wildcard != s.wildcard) {
            return false;
        }
        if (operator == Operator.ARBITRARY || wildcard) {
            return version.equals(s.version);
        }
        if (operator == Operator.COMPATIBLE) {
            return parsed.toString().equals(s.parsed.toString());
        }
        return parsed.equals(s.parsed);
    }

    @Override
    public int hashCode() {
        int h = operator.hashCode() * 31;
        if (operator == Operator.ARBITRARY || wildcard) {
            return h + version.hashCode();
        }
        return h + (operator == Operator.COMPATIBLE ? parsed.toString().hashCode() : parsed.hashCode());
    }

    /** Orders specifiers by their text ({@link #toString()}), without building it. */
    static int compareText(Specifier a, Specifier b) {
        String x = a.operator.symbol;
        String y = b.operator.symbol;
        int nx = x.length() + a.version.length();
        int ny = y.length() + b.version.length();
        int n = Math.min(nx, ny);
        for (int i = 0; i < n; i++) {
            char cx = i < x.length() ? x.charAt(i) : a.version.charAt(i - x.length());
            char cy = i < y.length() ? y.charAt(i) : b.version.charAt(i - y.length());
            if (cx != cy) {
                return cx - cy;
            }
        }
        return nx - ny;
    }

    /** The operator and the version as written, e.g. {@code >=1.0}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            text = t = operator.symbol + version;
        }
        return t;
    }
}
