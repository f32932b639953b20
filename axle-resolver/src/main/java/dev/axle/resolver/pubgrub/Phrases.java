package dev.axle.resolver.pubgrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One incompatibility, or two joined by "and", as an English clause. The root package is named
 * without its version: the user knows which project they are resolving.
 */
final class Phrases<P, V, S extends VersionSet<V, S>> {

    private final TermFormatter<P, S> formatter;
    private final P root;

    Phrases(TermFormatter<P, S> formatter, P root) {
        this.formatter = formatter;
        this.root = root;
    }

    String describe(Incompatibility<P, V, S> incompatibility) {
        Map<P, Term<V, S>> terms = incompatibility.terms();
        return switch (incompatibility.cause()) {
            case Cause.Root<P, V, S> r -> formatter.name(root) + " is the project being resolved";
            case Cause.NoVersions<P, V, S> n -> noVersions(terms);
            case Cause.Unavailable<P, V, S> u -> {
                Map.Entry<P, Term<V, S>> only = terms.entrySet().iterator().next();
                yield versions(only.getKey(), only.getValue().set()) + " cannot be used because " + u.reason();
            }
            case Cause.Dependency<P, V, S> d -> subject(d.depender(), terms.get(d.depender()).set())
                    + (terms.get(d.dependee()).set().isEmpty()
                            ? " depends on " + formatter.name(d.dependee()) + " but allows none of its versions"
                            : " depends on " + versions(d.dependee(), terms.get(d.dependee()).set()));
            case Cause.Conflict<P, V, S> c -> derived(terms);
        };
    }

    /** Two external incompatibilities as one clause, merging the shapes people write. */
    String and(Incompatibility<P, V, S> first, Incompatibility<P, V, S> second) {
        if (first.cause() instanceof Cause.Dependency<P, V, S> a && second.cause() instanceof Cause.Dependency<P, V, S> b) {
            if (a.depender().equals(b.depender())
                    && first.term(a.depender()).equals(second.term(b.depender()))) {
                return subject(a.depender(), first.term(a.depender()).set()) + " depends on both "
                        + versions(a.dependee(), first.term(a.dependee()).set()) + " and "
                        + versions(b.dependee(), second.term(b.dependee()).set());
            }
            String chain = chain(first, a, second, b);
            if (chain == null) {
                chain = chain(second, b, first, a);
            }
            if (chain != null) {
                return chain;
            }
        }
        return describe(first) + " and " + describe(second);
    }

    /** "a depends on b which depends on c", when every version a allows of b depends on c. */
    private String chain(Incompatibility<P, V, S> first, Cause.Dependency<P, V, S> a,
            Incompatibility<P, V, S> second, Cause.Dependency<P, V, S> b) {
        if (!a.dependee().equals(b.depender())
                || !first.term(a.dependee()).set().isSubsetOf(second.term(b.depender()).set())) {
            return null;
        }
        return describe(first) + " which depends on " + versions(b.dependee(), second.term(b.dependee()).set());
    }

    private String noVersions(Map<P, Term<V, S>> terms) {
        Map.Entry<P, Term<V, S>> only = terms.entrySet().iterator().next();
        S set = only.getValue().set();
        return set.isFull()
                ? "there are no versions of " + formatter.name(only.getKey())
                : "there is no version of " + formatter.versions(only.getKey(), set);
    }

    private String derived(Map<P, Term<V, S>> terms) {
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        terms.forEach((pkg, term) -> {
            if (term.positive()) {
                positive.add(subject(pkg, term.set()));
            } else {
                negative.add(versions(pkg, term.set()));
            }
        });
        if (terms.isEmpty() || (terms.size() == 1 && terms.containsKey(root) && terms.get(root).positive())) {
            return "version solving failed";
        }
        if (terms.size() == 1) {
            return positive.isEmpty() ? negative.getFirst() + " is required" : positive.getFirst() + " is forbidden";
        }
        if (positive.size() == 1 && negative.size() == 1) {
            return positive.getFirst() + " requires " + negative.getFirst();
        }
        if (negative.isEmpty()) {
            return positive.size() == 2
                    ? positive.get(0) + " is incompatible with " + positive.get(1)
                    : "one of " + String.join(", ", positive) + " must be false";
        }
        if (positive.isEmpty()) {
            return "one of " + String.join(", ", negative) + " is required";
        }
        return "if " + String.join(" and ", positive) + " then " + String.join(" or ", negative);
    }

    /** A package as the subject of a clause: "every version of foo" for the full set. */
    private String subject(P pkg, S set) {
        if (!pkg.equals(root) && set.isFull()) {
            return "every version of " + formatter.name(pkg);
        }
        return versions(pkg, set);
    }

    private String versions(P pkg, S set) {
        return pkg.equals(root) || set.isFull() ? formatter.name(pkg) : formatter.versions(pkg, set);
    }
}
