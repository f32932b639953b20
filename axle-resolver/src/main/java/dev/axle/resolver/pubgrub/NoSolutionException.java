package dev.axle.resolver.pubgrub;

/**
 * No selection of versions satisfies the root's dependencies. Carries the incompatibility that
 * proves it (whose causes form the derivation graph) and its explanation as text. Java forbids
 * generic exceptions, hence the wildcard and the typed accessor.
 */
public final class NoSolutionException extends Exception {

    private final transient Incompatibility<?, ?, ?> incompatibility;
    private final transient Object root;
    private final String explanation;

    NoSolutionException(Incompatibility<?, ?, ?> incompatibility, Object root, String explanation) {
        super(explanation);
        this.incompatibility = incompatibility;
        this.root = root;
        this.explanation = explanation;
    }

    /** The root package, for explaining the failure again with another {@link TermFormatter}. */
    @SuppressWarnings("unchecked")
    public <P> P root() {
        return (P) root;
    }

    /** The root of the derivation graph: usually {@code {root v}}, "root cannot be selected". */
    @SuppressWarnings("unchecked")
    public <P, V, S extends VersionSet<V, S>> Incompatibility<P, V, S> incompatibility() {
        return (Incompatibility<P, V, S>) incompatibility;
    }

    /** The human explanation, as rendered by {@link Explanation}. */
    public String explanation() {
        return explanation;
    }
}
