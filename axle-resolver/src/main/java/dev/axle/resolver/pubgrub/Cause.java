package dev.axle.resolver.pubgrub;

/**
 * Why an incompatibility holds. All but {@link Conflict} are external facts (leaves of the
 * derivation graph); a conflict was derived by the solver from two earlier incompatibilities.
 */
public sealed interface Cause<P, V, S extends VersionSet<V, S>> {

    /** The root package must be selected at the root version: {@code {not root v}}. */
    record Root<P, V, S extends VersionSet<V, S>>() implements Cause<P, V, S> {}

    /** The provider lists no version of the package in the term's set: {@code {p S}}. */
    record NoVersions<P, V, S extends VersionSet<V, S>>() implements Cause<P, V, S> {}

    /** The provider said the version cannot be used: {@code {p v}}. */
    record Unavailable<P, V, S extends VersionSet<V, S>>(String reason) implements Cause<P, V, S> {}

    /** {@code depender} at the versions of its term needs {@code dependee}: {@code {p v, not d S}}. */
    record Dependency<P, V, S extends VersionSet<V, S>>(P depender, P dependee) implements Cause<P, V, S> {}

    /** Derived by resolving {@code first} against {@code second}. */
    record Conflict<P, V, S extends VersionSet<V, S>>(
            Incompatibility<P, V, S> first, Incompatibility<P, V, S> second) implements Cause<P, V, S> {}
}
