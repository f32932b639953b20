package dev.axle.resolver.pubgrub;

/**
 * A set of versions of one package, closed under the set algebra the solver needs. The solver
 * never looks at versions' order or syntax: everything it knows about versions goes through
 * these operations, so PEP 440 ranges (or a test's integer ranges) plug in unchanged.
 *
 * <p>Implementations are immutable values with {@code equals}/{@code hashCode} by content.
 *
 * @param <V> the version type
 * @param <S> the implementing type itself
 */
public interface VersionSet<V, S extends VersionSet<V, S>> {

    S intersect(S other);

    S union(S other);

    /** Every version not in this set. */
    S complement();

    boolean isEmpty();

    boolean contains(V version);

    default boolean isSubsetOf(S other) {
        return intersect(other.complement()).isEmpty();
    }

    /** True when this set holds every version. */
    default boolean isFull() {
        return complement().isEmpty();
    }
}
