package dev.axle.resolver.pubgrub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;

/**
 * PubGrub version solving: unit propagation over incompatibilities, decisions one package at a
 * time, and on a conflict a derived incompatibility (the root cause) plus a backjump, so that
 * the same conflict is never met twice. When the root itself becomes incompatible the
 * derivation graph proves that no solution exists.
 *
 * <p>Which package is decided next: among the packages that must be selected but are not yet
 * decided, the one with the fewest versions still allowed (they run out first, so conflicts show
 * up early and a package with a single choice costs nothing); ties go to the package that
 * appeared first, which keeps solving deterministic and roughly breadth-first. Which version:
 * the first allowed one in the provider's order.
 *
 * <p>One exception, uv's: a package whose preferred versions keep conflicting with packages
 * decided before it (five times) is decided before them from then on. The solver backtracks to
 * before the earliest of those decisions and decides the conflicting package first, so that
 * a long list of its versions is not walked down to an ancient one only because of an early,
 * arbitrary choice (packse's {@code wrong-backtracking-basic}).
 *
 * <p>One solver is one resolution: it keeps state, is not thread-safe, and is pure apart from
 * the calls into the provider, whose runtime exceptions pass through unchanged.
 */
public final class Solver<P, V, S extends VersionSet<V, S>> {

    private final DependencyProvider<P, V, S> provider;
    private final VersionSets<V, S> sets;
    private final Explanation<P, V, S> explanation;

    private final Map<P, List<Incompatibility<P, V, S>>> byPackage = new HashMap<>();
    private final Map<P, List<V>> versions = new HashMap<>();
    private final Map<P, Map<V, List<Incompatibility<P, V, S>>>> dependencies = new HashMap<>();
    private static final int PRIORITY_AFTER_CONFLICTS = 5;

    /** How often the preferred version of a package conflicted with earlier decisions. */
    private final Map<P, Integer> conflicts = new HashMap<>();
    /** Packages decided before the others, in the order they earned it. */
    private final Set<P> prioritized = new LinkedHashSet<>();
    private PartialSolution<P, V, S> solution;
    private P root;
    private V rootVersion;

    public Solver(DependencyProvider<P, V, S> provider, VersionSets<V, S> sets, Explanation<P, V, S> explanation) {
        this.provider = provider;
        this.sets = sets;
        this.explanation = explanation;
    }

    /** A solver whose failures are explained with {@code toString} of packages and sets. */
    public Solver(DependencyProvider<P, V, S> provider, VersionSets<V, S> sets) {
        this(provider, sets, new Explanation<P, V, S>(TermFormatter.<P, S>plain()));
    }

    /**
     * The selected version of every package needed by {@code root} at {@code rootVersion}
     * (the root included), in the order they were decided.
     */
    public Map<P, V> solve(P root, V rootVersion) throws NoSolutionException {
        if (solution != null) {
            throw new IllegalStateException("a Solver solves once; make a new one");
        }
        this.root = root;
        this.rootVersion = rootVersion;
        this.solution = new PartialSolution<>(sets);
        add(Incompatibility.of(root, Term.negative(sets.singleton(rootVersion)), new Cause.Root<>()));
        P next = root;
        while (next != null) {
            propagate(next);
            next = decide();
        }
        return new LinkedHashMap<>(solution.decisions());
    }

    private void add(Incompatibility<P, V, S> incompatibility) {
        for (P pkg : incompatibility.terms().keySet()) {
            byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(incompatibility);
        }
    }

    private void propagate(P start) throws NoSolutionException {
        SequencedSet<P> changed = new LinkedHashSet<>();
        changed.add(start);
        while (!changed.isEmpty()) {
            P pkg = changed.removeFirst();
            List<Incompatibility<P, V, S>> candidates = byPackage.getOrDefault(pkg, List.of());
            // Newest first: derived incompatibilities are the most specific, which gives
            // shorter explanations (as Dart's pub does).
            scan:
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Incompatibility<P, V, S> incompatibility = candidates.get(i);
                switch (solution.relation(incompatibility)) {
                    case PartialSolution.Relation.Satisfied<P> s -> {
                        Incompatibility<P, V, S> rootCause = resolve(incompatibility);
                        P forced = almostSatisfied(rootCause);
                        solution.derive(forced, rootCause.term(forced).negate(), rootCause);
                        changed.clear();
                        changed.add(forced);
                        break scan; // restart from the forced package
                    }
                    case PartialSolution.Relation.AlmostSatisfied<P> a -> {
                        solution.derive(a.pkg(), incompatibility.term(a.pkg()).negate(), incompatibility);
                        changed.add(a.pkg());
                    }
                    default -> { }
                }
            }
        }
    }

    private P almostSatisfied(Incompatibility<P, V, S> incompatibility) {
        if (solution.relation(incompatibility) instanceof PartialSolution.Relation.AlmostSatisfied<P> a) {
            return a.pkg();
        }
        throw new IllegalStateException("after backjumping, the root cause must force one term: " + incompatibility);
    }

    /**
     * Conflict resolution: from an incompatibility the partial solution satisfies, derive the
     * root cause by resolving against the causes of its satisfiers, then backjump to where the
     * root cause forces a new assignment.
     */
    private Incompatibility<P, V, S> resolve(Incompatibility<P, V, S> incompatibility) throws NoSolutionException {
        boolean derived = false;
        while (true) {
            if (isFailure(incompatibility)) {
                throw new NoSolutionException(incompatibility, root, explanation.explain(incompatibility, root));
            }
            PartialSolution.Satisfier<P, V, S> found = solution.satisfier(incompatibility);
            Assignment<P, V, S> satisfier = found.assignment();
            if (satisfier.isDecision() || found.previousLevel() != satisfier.level()) {
                if (derived) {
                    add(incompatibility);
                }
                solution.backtrack(found.previousLevel());
                return incompatibility;
            }
            incompatibility = priorCause(incompatibility, satisfier);
            derived = true;
        }
    }

    private boolean isFailure(Incompatibility<P, V, S> incompatibility) {
        Map<P, Term<V, S>> terms = incompatibility.terms();
        if (terms.isEmpty()) {
            return true;
        }
        Term<V, S> rootTerm = terms.get(root);
        return terms.size() == 1 && rootTerm != null && rootTerm.positive() && rootTerm.set().contains(rootVersion);
    }

    /**
     * Resolution of {@code incompatibility} with the cause of {@code satisfier}: both can't hold,
     * so their other terms together can't either; on the satisfier's package the union of both
     * terms remains (dropped when it allows everything).
     */
    private Incompatibility<P, V, S> priorCause(Incompatibility<P, V, S> incompatibility, Assignment<P, V, S> satisfier) {
        Incompatibility<P, V, S> cause = satisfier.cause();
        Map<P, Term<V, S>> terms = new LinkedHashMap<>();
        for (Incompatibility<P, V, S> source : List.of(incompatibility, cause)) {
            source.terms().forEach((pkg, term) -> {
                // A term every state satisfies (a dependency on no version at all) adds nothing.
                if (!pkg.equals(satisfier.pkg()) && !term.isAny()) {
                    terms.merge(pkg, term, Term::intersect);
                }
            });
        }
        Term<V, S> union = incompatibility.term(satisfier.pkg()).union(cause.term(satisfier.pkg()));
        if (!union.isAny()) {
            terms.put(satisfier.pkg(), union);
        }
        return new Incompatibility<>(terms, new Cause.Conflict<>(incompatibility, cause));
    }

    /** Decision making; returns the package to propagate from, or null when all are decided. */
    private P decide() throws NoSolutionException {
        List<P> undecided = solution.undecided();
        if (undecided.isEmpty()) {
            return null;
        }
        P pkg = null;
        long fewest = Long.MAX_VALUE;
        for (P candidate : prioritized) {
            if (undecided.contains(candidate)) {
                pkg = candidate;
                fewest = -1;
                break;
            }
        }
        for (P candidate : fewest < 0 ? List.<P>of() : undecided) {
            S allowed = solution.term(candidate).set();
            long count = versions(candidate).stream().filter(allowed::contains).count();
            if (count < fewest) {
                pkg = candidate;
                fewest = count;
            }
        }
        Term<V, S> term = solution.term(pkg);
        V version = versions(pkg).stream().filter(term.set()::contains).findFirst().orElse(null);
        if (version == null) {
            add(Incompatibility.of(pkg, term, new Cause.NoVersions<>()));
            return pkg;
        }
        boolean conflict = false;
        int culpritLevel = Integer.MAX_VALUE;
        for (Incompatibility<P, V, S> incompatibility : dependencies(pkg, version)) {
            if (satisfiedWith(incompatibility, pkg)) {
                conflict = true;
                for (P other : incompatibility.terms().keySet()) {
                    int level = other.equals(pkg) || other.equals(root) ? -1 : solution.decisionLevel(other);
                    if (level > 0) {
                        culpritLevel = Math.min(culpritLevel, level);
                    }
                }
            }
        }
        // A version whose dependencies already conflict is not decided: propagation will
        // derive that it is excluded, which is cheaper than deciding and backjumping.
        if (!conflict) {
            solution.decide(pkg, version);
        } else if (conflicts.merge(pkg, 1, Integer::sum) == PRIORITY_AFTER_CONFLICTS && culpritLevel != Integer.MAX_VALUE
                && prioritized.add(pkg)) {
            solution.backtrack(culpritLevel - 1);
            // What was learned since that level still holds: propagate it over what is left.
            for (P assigned : solution.assigned()) {
                propagate(assigned);
            }
        }
        return pkg;
    }

    private boolean satisfiedWith(Incompatibility<P, V, S> incompatibility, P decided) {
        for (Map.Entry<P, Term<V, S>> entry : incompatibility.terms().entrySet()) {
            if (!entry.getKey().equals(decided) && !solution.term(entry.getKey()).satisfies(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private List<V> versions(P pkg) {
        return versions.computeIfAbsent(pkg, p -> p.equals(root) ? List.of(rootVersion) : List.copyOf(provider.versions(p)));
    }

    /** The incompatibilities for the dependencies of a version, asked and added only once. */
    private List<Incompatibility<P, V, S>> dependencies(P pkg, V version) {
        Map<V, List<Incompatibility<P, V, S>>> known = dependencies.computeIfAbsent(pkg, p -> new HashMap<>());
        List<Incompatibility<P, V, S>> result = known.get(version);
        if (result != null) {
            return result;
        }
        List<Incompatibility<P, V, S>> created = new ArrayList<>();
        S self = sets.singleton(version);
        switch (provider.dependencies(pkg, version)) {
            case Dependencies.Unavailable<P, S> u ->
                    created.add(Incompatibility.of(pkg, Term.positive(self), new Cause.Unavailable<>(u.reason())));
            case Dependencies.Available<P, S> a -> a.requirements().forEach((dependee, required) -> {
                if (required.isEmpty()) {
                    // A dependency on no version at all (requirements that exclude each other,
                    // merged by the provider) rules this version out, as an unavailable one: as a
                    // dependency incompatibility its always-true second term would keep the root's
                    // own version from ever being the one term left when the root depends on it.
                    created.add(Incompatibility.of(pkg, Term.positive(self), new Cause.Unavailable<>(
                            "it depends on " + dependee + " but allows none of its versions")));
                } else if (!dependee.equals(pkg)) {
                    created.add(Incompatibility.dependency(pkg, self, dependee, required));
                } else if (!required.contains(version)) {
                    created.add(Incompatibility.of(pkg, Term.positive(self),
                            new Cause.Unavailable<>("it depends on itself at another version")));
                }
            });
        }
        created.forEach(this::add);
        known.put(version, created);
        return created;
    }
}
