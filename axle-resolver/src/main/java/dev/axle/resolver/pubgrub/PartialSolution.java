package dev.axle.resolver.pubgrub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered list of assignments the solver has made so far, grouped by decision level: a
 * decision opens a level, derivations join the current one. Backjumping drops whole levels.
 */
final class PartialSolution<P, V, S extends VersionSet<V, S>> {

    /** How an incompatibility stands against the partial solution; see {@link #relation}. */
    sealed interface Relation<P> {
        record Satisfied<P>() implements Relation<P> {}
        record Contradicted<P>() implements Relation<P> {}
        record Inconclusive<P>() implements Relation<P> {}
        /** All terms but the one on {@code pkg} are satisfied, and that one is not contradicted. */
        record AlmostSatisfied<P>(P pkg) implements Relation<P> {}
    }

    /** Where conflict resolution stands: the satisfier and the level to backjump to. */
    record Satisfier<P, V, S extends VersionSet<V, S>>(Assignment<P, V, S> assignment, int previousLevel) {}

    private final VersionSets<V, S> sets;
    private final List<Assignment<P, V, S>> assignments = new ArrayList<>();
    // Insertion order is the order in which packages first appeared: used to break ties when
    // choosing the next package, so that solving is deterministic.
    private final Map<P, List<Assignment<P, V, S>>> byPackage = new LinkedHashMap<>();
    private final Map<P, V> decisions = new LinkedHashMap<>();
    private int level;

    PartialSolution(VersionSets<V, S> sets) {
        this.sets = sets;
    }

    void decide(P pkg, V version) {
        level++;
        add(pkg, Term.positive(sets.singleton(version)), null, version);
        decisions.put(pkg, version);
    }

    void derive(P pkg, Term<V, S> term, Incompatibility<P, V, S> cause) {
        add(pkg, term, cause, null);
    }

    private void add(P pkg, Term<V, S> term, Incompatibility<P, V, S> cause, V version) {
        List<Assignment<P, V, S>> history = byPackage.computeIfAbsent(pkg, p -> new ArrayList<>());
        Term<V, S> accumulated = history.isEmpty() ? term : history.getLast().accumulated().intersect(term);
        Assignment<P, V, S> assignment =
                new Assignment<>(pkg, term, accumulated, level, assignments.size(), cause, version);
        assignments.add(assignment);
        history.add(assignment);
    }

    /** The intersection of every assignment to {@code pkg}, or "anything" when there is none. */
    Term<V, S> term(P pkg) {
        List<Assignment<P, V, S>> history = byPackage.get(pkg);
        return history == null ? Term.any(sets) : history.getLast().accumulated();
    }

    /** The decision level at which {@code pkg} was decided, or -1 when it is not decided. */
    int decisionLevel(P pkg) {
        for (Assignment<P, V, S> a : byPackage.getOrDefault(pkg, List.of())) {
            if (a.isDecision()) {
                return a.level();
            }
        }
        return -1;
    }

    /** Every package with an assignment, in order of first appearance. */
    List<P> assigned() {
        return List.copyOf(byPackage.keySet());
    }

    Map<P, V> decisions() {
        return decisions;
    }

    /** Packages that must be selected but have no decision yet, in order of first appearance. */
    List<P> undecided() {
        List<P> result = new ArrayList<>();
        byPackage.forEach((pkg, history) -> {
            if (!decisions.containsKey(pkg) && history.getLast().accumulated().positive()) {
                result.add(pkg);
            }
        });
        return result;
    }

    Relation<P> relation(Incompatibility<P, V, S> incompatibility) {
        P unsatisfied = null;
        for (Map.Entry<P, Term<V, S>> entry : incompatibility.terms().entrySet()) {
            Term<V, S> assigned = term(entry.getKey());
            if (assigned.satisfies(entry.getValue())) {
                continue;
            }
            if (assigned.contradicts(entry.getValue())) {
                return new Relation.Contradicted<>();
            }
            if (unsatisfied != null) {
                return new Relation.Inconclusive<>();
            }
            unsatisfied = entry.getKey();
        }
        return unsatisfied == null ? new Relation.Satisfied<>() : new Relation.AlmostSatisfied<>(unsatisfied);
    }

    /**
     * For an incompatibility the partial solution satisfies: the earliest assignment after
     * which it is satisfied, and the decision level of the latest assignment that the
     * satisfier still needs ("previous satisfier"), at least 1 so the root stays decided.
     */
    Satisfier<P, V, S> satisfier(Incompatibility<P, V, S> incompatibility) {
        Assignment<P, V, S> satisfier = null;
        for (Map.Entry<P, Term<V, S>> entry : incompatibility.terms().entrySet()) {
            Assignment<P, V, S> first = firstSatisfying(entry.getKey(), entry.getValue(), Integer.MAX_VALUE, null);
            if (first != null && (satisfier == null || first.index() > satisfier.index())) {
                satisfier = first;
            }
        }
        if (satisfier == null) {
            throw new IllegalStateException("not satisfied: " + incompatibility);
        }
        int previousLevel = 1;
        for (Map.Entry<P, Term<V, S>> entry : incompatibility.terms().entrySet()) {
            Assignment<P, V, S> previous = entry.getKey().equals(satisfier.pkg())
                    ? firstSatisfying(entry.getKey(), entry.getValue(), satisfier.index(), satisfier.term())
                    : firstSatisfying(entry.getKey(), entry.getValue(), Integer.MAX_VALUE, null);
            if (previous != null) {
                previousLevel = Math.max(previousLevel, previous.level());
            }
        }
        return new Satisfier<>(satisfier, previousLevel);
    }

    /**
     * The earliest assignment to {@code pkg} before index {@code before} whose accumulated term,
     * intersected with {@code extra} when given, satisfies {@code term}; null when the term holds
     * without any assignment (or {@code extra} alone suffices) or never holds.
     */
    private Assignment<P, V, S> firstSatisfying(P pkg, Term<V, S> term, int before, Term<V, S> extra) {
        Term<V, S> alone = extra == null ? Term.any(sets) : extra;
        if (alone.satisfies(term)) {
            return null;
        }
        for (Assignment<P, V, S> assignment : byPackage.getOrDefault(pkg, List.of())) {
            if (assignment.index() >= before) {
                break;
            }
            Term<V, S> accumulated = extra == null ? assignment.accumulated() : assignment.accumulated().intersect(extra);
            if (accumulated.satisfies(term)) {
                return assignment;
            }
        }
        return null;
    }

    /** Drops every assignment made above decision level {@code target}. */
    void backtrack(int target) {
        while (!assignments.isEmpty() && assignments.getLast().level() > target) {
            Assignment<P, V, S> removed = assignments.removeLast();
            List<Assignment<P, V, S>> history = byPackage.get(removed.pkg());
            history.removeLast();
            if (history.isEmpty()) {
                byPackage.remove(removed.pkg());
            }
            if (removed.isDecision()) {
                decisions.remove(removed.pkg());
            }
        }
        level = target;
    }
}
