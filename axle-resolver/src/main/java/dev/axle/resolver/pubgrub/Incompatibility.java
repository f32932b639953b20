package dev.axle.resolver.pubgrub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of terms that must not all hold at once, with the cause that makes it true. Identity
 * matters (the derivation graph may share a node), so this is a class and not a record.
 */
public final class Incompatibility<P, V, S extends VersionSet<V, S>> {

    private final Map<P, Term<V, S>> terms;
    private final Cause<P, V, S> cause;

    Incompatibility(Map<P, Term<V, S>> terms, Cause<P, V, S> cause) {
        this.terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        this.cause = cause;
    }

    static <P, V, S extends VersionSet<V, S>> Incompatibility<P, V, S> of(
            P pkg, Term<V, S> term, Cause<P, V, S> cause) {
        return new Incompatibility<>(Map.of(pkg, term), cause);
    }

    static <P, V, S extends VersionSet<V, S>> Incompatibility<P, V, S> dependency(
            P depender, S dependerVersions, P dependee, S dependeeVersions) {
        Map<P, Term<V, S>> terms = new LinkedHashMap<>();
        terms.put(depender, Term.positive(dependerVersions));
        terms.put(dependee, Term.negative(dependeeVersions));
        return new Incompatibility<>(terms, new Cause.Dependency<>(depender, dependee));
    }

    /** The terms in a stable order: the order in which the solver met them. */
    public Map<P, Term<V, S>> terms() {
        return terms;
    }

    public Term<V, S> term(P pkg) {
        return terms.get(pkg);
    }

    public Cause<P, V, S> cause() {
        return cause;
    }

    /** True when this was derived by the solver rather than stated by the provider. */
    public boolean isDerived() {
        return cause instanceof Cause.Conflict;
    }

    @Override
    public String toString() {
        return "{" + String.join(", ", terms.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + "} (" + cause.getClass().getSimpleName() + ")";
    }
}
