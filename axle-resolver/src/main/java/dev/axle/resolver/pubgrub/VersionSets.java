package dev.axle.resolver.pubgrub;

/**
 * Makes the version sets the solver needs on its own: the root version as a singleton and the
 * decided version of a package, plus the full set from which every other set is derived.
 */
public interface VersionSets<V, S extends VersionSet<V, S>> {

    S full();

    S singleton(V version);

    default S empty() {
        return full().complement();
    }
}
