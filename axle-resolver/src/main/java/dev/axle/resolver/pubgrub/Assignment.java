package dev.axle.resolver.pubgrub;

/**
 * One step of the partial solution: a decision ({@code cause} null, {@code version} set) or a
 * derivation forced by {@code cause}. {@code accumulated} is the intersection of this and all
 * earlier assignments to the same package, kept so the satisfier search needs no replay.
 */
record Assignment<P, V, S extends VersionSet<V, S>>(
        P pkg, Term<V, S> term, Term<V, S> accumulated, int level, int index,
        Incompatibility<P, V, S> cause, V version) {

    boolean isDecision() {
        return cause == null;
    }
}
