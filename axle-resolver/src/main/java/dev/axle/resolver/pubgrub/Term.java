package dev.axle.resolver.pubgrub;

/**
 * A statement about one package: positive "the package is selected at a version in
 * {@code set}", negative "the package is not selected at a version in {@code set}" (it may be
 * absent). Seen as sets over the versions plus "absent", negative terms always contain absent,
 * which is why the algebra below distinguishes the two kinds instead of just complementing.
 */
public record Term<V, S extends VersionSet<V, S>>(boolean positive, S set) {

    public static <V, S extends VersionSet<V, S>> Term<V, S> positive(S set) {
        return new Term<>(true, set);
    }

    public static <V, S extends VersionSet<V, S>> Term<V, S> negative(S set) {
        return new Term<>(false, set);
    }

    /** The term that every state satisfies: "not in the empty set". */
    static <V, S extends VersionSet<V, S>> Term<V, S> any(VersionSets<V, S> sets) {
        return negative(sets.empty());
    }

    public Term<V, S> negate() {
        return new Term<>(!positive, set);
    }

    public Term<V, S> intersect(Term<V, S> other) {
        if (positive && other.positive) {
            return positive(set.intersect(other.set));
        }
        if (positive) {
            return positive(set.intersect(other.set.complement()));
        }
        if (other.positive) {
            return positive(other.set.intersect(set.complement()));
        }
        return negative(set.union(other.set));
    }

    public Term<V, S> union(Term<V, S> other) {
        return negate().intersect(other.negate()).negate();
    }

    /** True when no state satisfies this term; only a positive term can be empty. */
    public boolean isEmpty() {
        return positive && set.isEmpty();
    }

    /** True when every state satisfies this term. */
    public boolean isAny() {
        return !positive && set.isEmpty();
    }

    /** Whether every state satisfying this term satisfies {@code other} too. */
    public boolean satisfies(Term<V, S> other) {
        return intersect(other.negate()).isEmpty();
    }

    /** Whether no state satisfies both terms. */
    public boolean contradicts(Term<V, S> other) {
        return intersect(other).isEmpty();
    }

    @Override
    public String toString() {
        return (positive ? "" : "not ") + set;
    }
}
