package dev.axle.pep;

import dev.axle.pep.MarkerNode.Bool;
import dev.axle.pep.MarkerNode.Group;
import dev.axle.pep.MarkerNode.Item;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environments a marker matches, as a set closed under {@link #and}, {@link #or} and
 * {@link #not}, in a canonical form: so that a resolver can ask whether two markers can hold
 * together ({@link #isDisjointFrom}), whether one implies another ({@link #implies}), and a
 * lock file can carry a marker without redundancy ({@link #toMarker}).
 *
 * <p>The form is a disjunction of clauses; a clause constrains each variable it names:
 * <ul>
 *   <li>{@code python_full_version} and {@code implementation_version} to a {@link VersionRanges}
 *       ({@code python_version OP "X.Y"} is read as the {@code python_full_version} range it
 *       means: {@code python_version > "3.10"} is {@code python_full_version >= "3.11"});
 *   <li>{@code sys_platform}, {@code os_name}, {@code platform_system}, {@code platform_machine},
 *       {@code platform_python_implementation}, {@code implementation_name},
 *       {@code platform_version} and {@code extra} to a finite set of values or all values but
 *       a finite set ({@code ==}, {@code !=}, and {@code <=}/{@code >=}, which compare strings
 *       for equality in packaging; {@code <} and {@code >} on strings are never true);
 *   <li>every other comparison (substring tests with {@code in}, {@code platform_release},
 *       {@code "x" in extras}, a literal on the left, ...) is an opaque atom, required true or
 *       false: two atoms are related only when their normalized text is the same.
 * </ul>
 * Sets are therefore exact for the first two kinds and conservative for atoms: a marker set
 * reported disjoint from another is disjoint, but two sets whose atoms exclude each other in
 * fact may be reported as overlapping. One approximation: {@code python_version} is mapped
 * onto final releases, so a pre-release interpreter (3.11.0rc1, whose python_version is
 * "3.11") falls just below the range of its python_version.
 */
public final class MarkerSet {
    /** Every environment: the set of no marker. */
    public static final MarkerSet ALL = new MarkerSet(List.of(Clause.EMPTY));
    /** No environment. */
    public static final MarkerSet NONE = new MarkerSet(List.of());

    private static final String PYTHON_FULL_VERSION = "python_full_version";
    private static final Set<String> VERSIONS = Set.of(PYTHON_FULL_VERSION, "implementation_version");
    private static final Set<String> STRINGS = Set.of("sys_platform", "os_name", "platform_system",
            "platform_machine", "platform_python_implementation", "implementation_name", "platform_version", "extra");

    private final List<Clause> clauses;
    /** {@link #isAll()}, once asked: it takes a negation. */
    private Boolean all;

    private MarkerSet(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /** The environments {@code marker} matches. */
    public static MarkerSet of(Marker marker) {
        return of(marker.root());
    }

    /** The environments a marker matches; {@link #ALL} for none. */
    public static MarkerSet of(Optional<Marker> marker) {
        return marker.map(MarkerSet::of).orElse(ALL);
    }

    /** {@code Marker.parse(text)}'s set. */
    public static MarkerSet parse(String marker) {
        return of(Marker.parse(marker));
    }

    // Markers nest at most as deep as people write them; unlike evaluation, which must survive
    // hostile input, building a set recurses.
    private static MarkerSet of(Group group) {
        MarkerSet result = NONE;
        MarkerSet run = ALL;
        for (MarkerNode e : group.elements()) {
            if (e instanceof Group g) {
                run = run.and(of(g));
            } else if (e instanceof Item item) {
                run = run.and(of(item));
            } else if (e == Bool.OR) {
                result = result.or(run);
                run = ALL;
            }
        }
        return result.or(run);
    }

    private static MarkerSet of(Item item) {
        if (item.lhs().isVariable() && !item.rhs().isVariable()) {
            String variable = item.lhs().value();
            String value = item.rhs().value();
            Optional<VersionRanges> versions = versions(variable, item.op(), value, item.versionSpecifier());
            if (versions.isPresent()) {
                return single(Clause.EMPTY.withVersions(PYTHON_VERSION_NAMES.contains(variable) ? PYTHON_FULL_VERSION
                        : variable, versions.get()));
            }
            if (STRINGS.contains(variable) && !isVersionComparison(item)) {
                String v = variable.equals("extra") ? ProjectName.canonicalize(value) : value;
                Strings one = Strings.of(v);
                return switch (item.op()) {
                    case "==", "<=", ">=" -> single(Clause.EMPTY.withStrings(variable, one));
                    case "!=" -> single(Clause.EMPTY.withStrings(variable, one.complement()));
                    case "<", ">" -> NONE;
                    default -> atom(item);
                };
            }
        }
        return atom(item);
    }

    private static final Set<String> PYTHON_VERSION_NAMES = Set.of("python_version", PYTHON_FULL_VERSION);

    /** A version comparison on a string variable cannot happen: only version variables form specifiers. */
    private static boolean isVersionComparison(Item item) {
        return item.versionSpecifier() != null;
    }

    /** The range a version comparison admits, if it is one this form holds exactly. */
    private static Optional<VersionRanges> versions(String variable, String op, String value, Specifier spec) {
        if (spec == null || spec.operator() == Specifier.Operator.ARBITRARY) {
            return Optional.empty();
        }
        if (variable.equals("python_version")) {
            return pythonVersion(op, value);
        }
        if (VERSIONS.contains(variable)) {
            return Optional.of(VersionRanges.parse(op + value));
        }
        return Optional.empty();
    }

    /**
     * {@code python_version OP "X.Y"} as the python_full_version range it means; empty for
     * other forms. Bounds sit at {@code X.Y.dev0}, below every release of X.Y, pre-releases
     * included (3.11.0rc1's python_version is "3.11"), so the mapping is exact; such bounds are
     * written back as python_version.
     */
    private static Optional<VersionRanges> pythonVersion(String op, String value) {
        Version v = Version.parseOrNull(value);
        if (v == null || v.releaseSize() != 2 || v.epoch().signum() != 0 || v.pre().isPresent()
                || v.post().isPresent() || v.dev().isPresent() || v.local().isPresent()) {
            return Optional.empty();
        }
        BigInteger major = v.major();
        String here = major + "." + v.minor() + ".dev0";
        String next = major + "." + v.minor().add(BigInteger.ONE) + ".dev0";
        String spec = switch (op) {
            case "==", "!=" -> ">=" + here + ", <" + next;
            case "<" -> "<" + here;
            case "<=" -> "<" + next;
            case ">" -> ">=" + next;
            case ">=" -> ">=" + here;
            case "~=" -> ">=" + here + ", <" + major.add(BigInteger.ONE) + ".dev0";
            default -> null;
        };
        if (spec == null) {
            return Optional.empty();
        }
        VersionRanges ranges = VersionRanges.parse(spec);
        return Optional.of(op.equals("!=") ? ranges.complement() : ranges);
    }

    private static MarkerSet atom(Item item) {
        Atom atom = Atom.of(item);
        return single(Clause.EMPTY.withAtom(atom, atom.text().equals(Atom.text(item))));
    }

    private static MarkerSet single(Clause clause) {
        return clause.isEmpty() ? NONE : new MarkerSet(List.of(clause));
    }

    /** The environments both sets hold. */
    public MarkerSet and(MarkerSet other) {
        if (isTrivial() || other.isEmpty()) {
            return other;
        }
        if (other.isTrivial() || isEmpty()) {
            return this;
        }
        List<Clause> out = new ArrayList<>();
        for (Clause a : clauses) {
            for (Clause b : other.clauses) {
                Clause both = a.and(b);
                if (!both.isEmpty()) {
                    out.add(both);
                }
            }
        }
        return simplified(out);
    }

    /** The environments either set holds. */
    public MarkerSet or(MarkerSet other) {
        if (isTrivial() || other.isEmpty()) {
            return this;
        }
        if (other.isTrivial() || isEmpty()) {
            return other;
        }
        List<Clause> out = new ArrayList<>(clauses);
        out.addAll(other.clauses);
        return simplified(out);
    }

    /** The environments this set does not hold. */
    public MarkerSet not() {
        MarkerSet result = ALL;
        for (Clause c : clauses) {
            result = result.and(new MarkerSet(c.negated()).simplifiedSelf());
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    /**
     * The environments of this set where the string {@code variable} equals {@code value}, with
     * that variable no longer mentioned: for {@code extra}, whose value the package a
     * dependency is declared for fixes ("" for the package itself).
     */
    public MarkerSet withValue(String variable, String value) {
        String v = variable.equals("extra") ? ProjectName.canonicalize(value) : value;
        List<Clause> out = new ArrayList<>();
        for (Clause c : clauses) {
            Strings allowed = c.strings().get(variable);
            if (allowed == null) {
                out.add(c);
            } else if (allowed.negated() != allowed.values().contains(v)) {
                TreeMap<String, Strings> rest = new TreeMap<>(c.strings());
                rest.remove(variable);
                out.add(new Clause(c.versions(), rest, c.atoms()));
            }
        }
        return simplified(out);
    }

    /**
     * A simpler set that agrees with this one on every environment of {@code universe}: each
     * constraint that {@code universe} makes redundant is dropped ({@code python_version >= "3.9"}
     * within a project that requires Python 3.9), the whole set becoming {@link #ALL} when this
     * set holds all of the universe.
     */
    public MarkerSet within(MarkerSet universe) {
        if (universe.implies(this)) {
            return ALL;
        }
        List<Clause> out = new ArrayList<>(clauses);
        VersionRanges outsidePythons = universe.pythonVersions().complement();
        for (int i = 0; i < out.size(); i++) {
            List<Clause> simpler = new ArrayList<>(out.get(i).withOneConstraintLess());
            // A Python range the universe bounds may drop that bound: [3.9, 3.10) within >=3.9 is <3.10.
            VersionRanges python = out.get(i).versions().get(PYTHON_FULL_VERSION);
            if (python != null && !outsidePythons.isEmpty()) {
                VersionRanges wider = python.union(outsidePythons);
                if (comparisons(wider) < comparisons(python)) {
                    simpler.add(out.get(i).without(PYTHON_FULL_VERSION).withVersions(PYTHON_FULL_VERSION, wider));
                }
            }
            for (Clause smaller : simpler) {
                List<Clause> trial = new ArrayList<>(out);
                trial.set(i, smaller);
                if (universe.and(simplified(trial)).implies(this)) {
                    out = trial;
                    i = -1; // start over with the smaller clause
                    break;
                }
            }
        }
        return simplified(out);
    }

    /** The python_full_version values the set admits (every version when it does not constrain it). */
    public VersionRanges pythonVersions() {
        VersionRanges out = VersionRanges.NONE;
        for (Clause c : clauses) {
            out = out.union(c.versions().getOrDefault(PYTHON_FULL_VERSION, VersionRanges.ALL));
        }
        return out;
    }

    /**
     * This set for an install that asks for {@code extras} and {@code groups}: each
     * {@code "x" in extras} and {@code "g" in dependency_groups} comparison (PEP 751's lock
     * file markers) decided, so that what remains can be written where those variables do not
     * exist, such as a requirements file. Names compare normalized.
     */
    public MarkerSet assumingSets(Set<String> extras, Set<String> groups) {
        Set<String> e = canonical(extras);
        Set<String> g = canonical(groups);
        List<Clause> out = new ArrayList<>();
        clauses:
        for (Clause c : clauses) {
            TreeMap<Atom, Boolean> rest = new TreeMap<>(c.atoms());
            for (Map.Entry<Atom, Boolean> a : c.atoms().entrySet()) {
                Optional<Boolean> known = a.getKey().membership(e, g);
                if (known.isPresent()) {
                    if (known.get() != a.getValue()) {
                        continue clauses;
                    }
                    rest.remove(a.getKey());
                }
            }
            out.add(new Clause(c.versions(), c.strings(), rest));
        }
        return simplified(out);
    }

    private static Set<String> canonical(Set<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add(ProjectName.canonicalize(n)));
        return out;
    }

    /** How many comparisons writing the ranges takes. */
    private static int comparisons(VersionRanges ranges) {
        return ranges.specifierGroups().stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /**
     * Whether every environment is in this set. Exact: merging clauses pairwise does not find
     * every tautology ({@code a and b or not a or not b}), so this asks whether the negation is
     * empty, which is.
     */
    public boolean isAll() {
        if (all == null) {
            all = isTrivial() || not().isEmpty();
        }
        return all;
    }

    /** The set is written as no constraint at all. */
    private boolean isTrivial() {
        return clauses.size() == 1 && clauses.get(0).equals(Clause.EMPTY);
    }

    /** Whether no environment is in both sets. */
    public boolean isDisjointFrom(MarkerSet other) {
        return and(other).isEmpty();
    }

    /** Whether every environment of this set is in {@code other}. */
    public boolean implies(MarkerSet other) {
        return and(other.not()).isEmpty();
    }

    /**
     * This set as a marker: empty for {@link #ALL} (no marker needed).
     *
     * @throws IllegalStateException for {@link #NONE}, which no PEP 508 marker writes, and
     *     for a set holding the negation of a comparison PEP 508 cannot negate (see {@link Atom})
     */
    public Optional<Marker> toMarker() {
        if (isEmpty()) {
            throw new IllegalStateException("no marker matches no environment");
        }
        return isAll() ? Optional.empty() : Optional.of(Marker.parse(text()));
    }

    private String text() {
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses) {
            parts.add(clauses.size() > 1 && c.size() > 1 ? "(" + c.text(true) + ")" : c.text(clauses.size() > 1));
        }
        return String.join(" or ", parts);
    }

    /**
     * Equal forms. Sets built from markers that are obviously equivalent compare equal, but
     * the form is not fully canonical: {@link #implies} both ways decides equivalence.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MarkerSet m && clauses.equals(m.clauses);
    }

    @Override
    public int hashCode() {
        return clauses.hashCode();
    }

    /**
     * The marker text, {@code <all>} or {@code <none>}; a negation PEP 508 cannot write
     * shows as {@code not (...)}.
     */
    @Override
    public String toString() {
        if (isEmpty() || isTrivial()) {
            return isEmpty() ? "<none>" : "<all>";
        }
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses) {
            parts.add(clauses.size() > 1 && c.size() > 1 ? "(" + c.key() + ")" : c.key());
        }
        return String.join(" or ", parts);
    }

    private MarkerSet simplifiedSelf() {
        return simplified(new ArrayList<>(clauses));
    }

    /**
     * The canonical form of a disjunction: clauses that others contain dropped, clauses that
     * differ in one variable merged, until nothing changes; sorted.
     */
    private static MarkerSet simplified(List<Clause> in) {
        List<Clause> list = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < list.size(); i++) {
                for (int j = 0; j < list.size(); j++) {
                    if (i == j) {
                        continue;
                    }
                    Clause a = list.get(i);
                    Clause b = list.get(j);
                    if (b.contains(a)) {
                        list.remove(i);
                        changed = true;
                        break outer;
                    }
                    Optional<Clause> merged = a.mergedWith(b);
                    if (merged.isPresent()) {
                        list.remove(Math.max(i, j));
                        list.remove(Math.min(i, j));
                        list.add(merged.get());
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        if (list.contains(Clause.EMPTY)) {
            return ALL;
        }
        list.sort(Comparator.comparing(Clause::key));
        return new MarkerSet(List.copyOf(list));
    }

    /** Values of a string variable: those in {@code values}, or (negated) all others. */
    record Strings(boolean negated, SortedSet<String> values) {
        Strings {
            values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }

        static Strings of(String value) {
            return new Strings(false, new TreeSet<>(Set.of(value)));
        }

        boolean isEmpty() {
            return !negated && values.isEmpty();
        }

        boolean isAll() {
            return negated && values.isEmpty();
        }

        Strings complement() {
            return new Strings(!negated, values);
        }

        Strings intersect(Strings o) {
            TreeSet<String> out = new TreeSet<>();
            if (!negated && !o.negated) {
                out.addAll(values);
                out.retainAll(o.values);
                return new Strings(false, out);
            }
            if (negated && o.negated) {
                out.addAll(values);
                out.addAll(o.values);
                return new Strings(true, out);
            }
            Strings positive = negated ? o : this;
            Strings negative = negated ? this : o;
            out.addAll(positive.values);
            out.removeAll(negative.values);
            return new Strings(false, out);
        }

        Strings union(Strings o) {
            return complement().intersect(o.complement()).complement();
        }

        boolean isSubsetOf(Strings o) {
            return intersect(o.complement()).isEmpty();
        }

        String text(String variable, boolean grouped) {
            List<String> parts = new ArrayList<>();
            for (String v : values) {
                parts.add(variable + (negated ? " != " : " == ") + quote(v));
            }
            String joined = String.join(negated ? " and " : " or ", parts);
            return grouped && parts.size() > 1 && !negated ? "(" + joined + ")" : joined;
        }
    }

    /**
     * A comparison this form does not interpret, by its normalized text. Where PEP 508 can
     * write its negation ({@code in} and {@code not in}; {@code ==} and {@code !=} between
     * strings, or on a variable that always holds a version), the pair is one atom, held by
     * its {@code in} or {@code ==} form, and {@code negatedText} is the other. Elsewhere the
     * two forms are not complements (packaging finds both {@code platform_release >= "5"} and
     * {@code platform_release < "5"} false when the release is no version), so the negation
     * has no text.
     */
    record Atom(String text, String negatedText) implements Comparable<Atom> {
        private static final Map<String, String> OPPOSITE = Map.of("==", "!=", "!=", "==", "in", "not in", "not in", "in");
        private static final Set<String> ALWAYS_VERSIONS = Set.of("python_version", PYTHON_FULL_VERSION,
                "implementation_version");

        static Atom of(Item item) {
            String opposite = OPPOSITE.get(item.op());
            if (opposite == null || !complementary(item)) {
                return new Atom(text(item), null);
            }
            Item flipped = new Item(item.lhs(), opposite, item.rhs());
            boolean positive = item.op().equals("==") || item.op().equals("in");
            Item canonical = positive ? item : flipped;
            return new Atom(text(canonical), text(positive ? flipped : item));
        }

        /** Whether the comparison and its opposite are complements in every environment. */
        private static boolean complementary(Item item) {
            if (item.op().equals("in") || item.op().equals("not in")) {
                return true;
            }
            String variable = item.lhs().isVariable() ? item.lhs().value() : item.rhs().value();
            return !MarkerEvaluation.isVersionVariable(variable) || ALWAYS_VERSIONS.contains(variable);
        }

        static String text(Item item) {
            return Marker.of(new Group(List.of(item))).toString();
        }

        /**
         * For {@code "x" in extras} or {@code "g" in dependency_groups}: whether the name is
         * among those asked for; empty for other comparisons.
         */
        Optional<Boolean> membership(Set<String> extras, Set<String> groups) {
            if (!(Marker.parse(text).root().elements().getFirst() instanceof Item item) || item.lhs().isVariable()
                    || !item.rhs().isVariable() || !item.op().equals("in")) {
                return Optional.empty();
            }
            String name = ProjectName.canonicalize(item.lhs().value());
            return switch (item.rhs().value()) {
                case MarkerEnvironment.EXTRAS -> Optional.of(extras.contains(name));
                case MarkerEnvironment.DEPENDENCY_GROUPS -> Optional.of(groups.contains(name));
                default -> Optional.empty();
            };
        }

        String text(boolean value) {
            if (value) {
                return text;
            }
            if (negatedText == null) {
                throw new IllegalStateException("PEP 508 cannot write the negation of " + text);
            }
            return negatedText;
        }

        @Override
        public int compareTo(Atom o) {
            return text.compareTo(o.text);
        }
    }

    /** A conjunction of constraints, one per variable (or atom); no constraint is empty. */
    record Clause(TreeMap<String, VersionRanges> versions, TreeMap<String, Strings> strings,
            TreeMap<Atom, Boolean> atoms) {
        static final Clause EMPTY = new Clause(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        /** A clause that cannot hold; never kept in a set. */
        private static final Clause FALSE = new Clause(null, null, null);

        boolean isEmpty() {
            return versions == null;
        }

        int size() {
            return versions.size() + strings.size() + atoms.size();
        }

        Clause withVersions(String variable, VersionRanges ranges) {
            if (isEmpty()) {
                return this;
            }
            VersionRanges both = versions.containsKey(variable) ? versions.get(variable).intersect(ranges) : ranges;
            if (both.isEmpty()) {
                return FALSE;
            }
            TreeMap<String, VersionRanges> v = new TreeMap<>(versions);
            if (both.isAll()) {
                v.remove(variable);
            } else {
                v.put(variable, both);
            }
            return new Clause(v, strings, atoms);
        }

        Clause withStrings(String variable, Strings values) {
            if (isEmpty()) {
                return this;
            }
            Strings both = strings.containsKey(variable) ? strings.get(variable).intersect(values) : values;
            if (both.isEmpty()) {
                return FALSE;
            }
            TreeMap<String, Strings> s = new TreeMap<>(strings);
            if (both.isAll()) {
                s.remove(variable);
            } else {
                s.put(variable, both);
            }
            return new Clause(versions, s, atoms);
        }

        Clause withAtom(Atom atom, boolean value) {
            if (isEmpty()) {
                return this;
            }
            Boolean known = atoms.get(atom);
            if (known != null) {
                return known == value ? this : FALSE;
            }
            TreeMap<Atom, Boolean> a = new TreeMap<>(atoms);
            a.put(atom, value);
            return new Clause(versions, strings, a);
        }

        Clause and(Clause o) {
            Clause c = this;
            for (Map.Entry<String, VersionRanges> e : o.versions.entrySet()) {
                c = c.withVersions(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Strings> e : o.strings.entrySet()) {
                c = c.withStrings(e.getKey(), e.getValue());
            }
            for (Map.Entry<Atom, Boolean> e : o.atoms.entrySet()) {
                c = c.withAtom(e.getKey(), e.getValue());
            }
            return c;
        }

        /** The clauses with one constraint fewer than this one, one per constraint. */
        List<Clause> withOneConstraintLess() {
            List<Clause> out = new ArrayList<>();
            for (String k : versions.keySet()) {
                TreeMap<String, VersionRanges> v = new TreeMap<>(versions);
                v.remove(k);
                out.add(new Clause(v, strings, atoms));
            }
            for (String k : strings.keySet()) {
                TreeMap<String, Strings> st = new TreeMap<>(strings);
                st.remove(k);
                out.add(new Clause(versions, st, atoms));
            }
            for (Atom k : atoms.keySet()) {
                TreeMap<Atom, Boolean> a = new TreeMap<>(atoms);
                a.remove(k);
                out.add(new Clause(versions, strings, a));
            }
            return out;
        }

        /** The clause's negation: one single-constraint clause per constraint. */
        List<Clause> negated() {
            List<Clause> out = new ArrayList<>();
            versions.forEach((k, v) -> out.add(EMPTY.withVersions(k, v.complement())));
            strings.forEach((k, v) -> out.add(EMPTY.withStrings(k, v.complement())));
            atoms.forEach((k, v) -> out.add(EMPTY.withAtom(k, !v)));
            out.removeIf(Clause::isEmpty);
            return out;
        }

        /** Whether every environment {@code o} holds is in this clause too. */
        boolean contains(Clause o) {
            for (Map.Entry<String, VersionRanges> e : versions.entrySet()) {
                VersionRanges theirs = o.versions.get(e.getKey());
                if (theirs == null || !theirs.isSubsetOf(e.getValue())) {
                    return false;
                }
            }
            for (Map.Entry<String, Strings> e : strings.entrySet()) {
                Strings theirs = o.strings.get(e.getKey());
                if (theirs == null || !theirs.isSubsetOf(e.getValue())) {
                    return false;
                }
            }
            for (Map.Entry<Atom, Boolean> e : atoms.entrySet()) {
                if (!e.getValue().equals(o.atoms.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** This clause or {@code o} as one clause, when they differ in one variable's constraint only. */
        Optional<Clause> mergedWith(Clause o) {
            if (!versions.keySet().equals(o.versions.keySet()) || !strings.keySet().equals(o.strings.keySet())
                    || !atoms.keySet().equals(o.atoms.keySet())) {
                return Optional.empty();
            }
            List<String> version = differing(versions, o.versions);
            List<String> string = differing(strings, o.strings);
            List<Atom> atom = differing(atoms, o.atoms);
            int count = version.size() + string.size() + atom.size();
            if (count == 0) {
                return Optional.of(this);
            }
            if (count > 1) {
                return Optional.empty();
            }
            if (!version.isEmpty()) {
                String k = version.get(0);
                return Optional.of(EMPTY.and(without(k)).withVersions(k, versions.get(k).union(o.versions.get(k))));
            }
            if (!string.isEmpty()) {
                String k = string.get(0);
                return Optional.of(EMPTY.and(without(k)).withStrings(k, strings.get(k).union(o.strings.get(k))));
            }
            TreeMap<Atom, Boolean> a = new TreeMap<>(atoms);
            a.remove(atom.get(0)); // true in one, false in the other: no constraint
            return Optional.of(new Clause(versions, strings, a));
        }

        /** The keys whose values differ (both maps have the same keys). */
        private static <K, V> List<K> differing(Map<K, V> mine, Map<K, V> theirs) {
            List<K> out = new ArrayList<>();
            mine.forEach((k, v) -> {
                if (!v.equals(theirs.get(k))) {
                    out.add(k);
                }
            });
            return out;
        }

        /** This clause without the version or string constraint on {@code variable}. */
        private Clause without(String variable) {
            TreeMap<String, VersionRanges> v = new TreeMap<>(versions);
            TreeMap<String, Strings> s = new TreeMap<>(strings);
            v.remove(variable);
            s.remove(variable);
            return new Clause(v, s, atoms);
        }

        /** The clause as marker text; throws if an atom's negation cannot be written. */
        String text(boolean grouped) {
            return text(grouped, false);
        }

        /** The clause's text for ordering and messages: an unwritable negation as {@code not (...)}. */
        String key() {
            return text(false, true);
        }

        private String text(boolean grouped, boolean lenient) {
            List<String> parts = new ArrayList<>();
            boolean inner = grouped || size() > 1;
            versions.forEach((k, v) -> parts.add(versionText(k, v, inner)));
            strings.forEach((k, v) -> parts.add(v.text(k, inner)));
            atoms.forEach((k, v) -> parts.add(lenient && !v && k.negatedText() == null ? "not (" + k.text() + ")"
                    : k.text(v)));
            return String.join(" and ", parts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Clause c && Objects.equals(versions, c.versions) && Objects.equals(strings, c.strings)
                    && Objects.equals(atoms, c.atoms);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versions == null ? 0 : versions.size(), strings, atoms);
        }
    }

    /** {@code python_full_version >= "3.9" and python_full_version < "3.11" or ...}. */
    private static String versionText(String variable, VersionRanges ranges, boolean grouped) {
        List<String> intervals = new ArrayList<>();
        for (List<String> group : ranges.specifierGroups()) {
            List<String> parts = new ArrayList<>();
            for (String spec : group) {
                int at = 0;
                while (at < spec.length() && "<>=!~".indexOf(spec.charAt(at)) >= 0) {
                    at++;
                }
                parts.add(bound(variable, spec.substring(0, at), spec.substring(at)));
            }
            intervals.add(String.join(" and ", parts));
        }
        String joined = String.join(" or ", intervals);
        return grouped && intervals.size() > 1 ? "(" + joined + ")" : joined;
    }

    /**
     * {@code variable op "version"}; python_version's own bounds as python_version: the
     * python_full_version sets {@code >=X.Y.dev0} and {@code <X.Y} (which stops before X.Y's
     * pre-releases, as {@code <X.Y.dev0} does) are exactly {@code python_version >= "X.Y"} and
     * {@code python_version < "X.Y"}.
     */
    private static String bound(String variable, String op, String version) {
        Version v = Version.parseOrNull(version);
        if (variable.equals(PYTHON_FULL_VERSION) && v != null && v.releaseSize() == 2 && v.pre().isEmpty()
                && v.post().isEmpty() && v.local().isEmpty() && v.epoch().signum() == 0) {
            boolean dev0 = v.dev().isPresent() && v.dev().get().signum() == 0;
            if (op.equals(">=") && dev0 || op.equals("<") && (dev0 || v.dev().isEmpty())) {
                return "python_version " + op + " " + quote(v.major() + "." + v.minor());
            }
        }
        return variable + " " + op + " " + quote(version);
    }

    private static String quote(String value) {
        return value.indexOf('"') < 0 ? "\"" + value + "\"" : "'" + value + "'";
    }
}
