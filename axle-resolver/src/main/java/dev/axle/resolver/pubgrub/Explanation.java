package dev.axle.resolver.pubgrub;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the derivation graph of a failure as numbered English lines, in the manner of Dart
 * pub and uv: each line explains one derived incompatibility from its two causes; an
 * incompatibility used by more than one later line gets a number so later lines can refer to
 * it instead of repeating its derivation. A linear chain reads as a story ending in "So, ...".
 */
public final class Explanation<P, V, S extends VersionSet<V, S>> {

    private final TermFormatter<P, S> formatter;

    public Explanation(TermFormatter<P, S> formatter) {
        this.formatter = formatter;
    }

    /** Explains why {@code incompatibility} (usually "root cannot be selected") holds. */
    public String explain(Incompatibility<P, V, S> incompatibility, P root) {
        return new Writer(new Phrases<>(formatter, root)).write(collapse(incompatibility, new IdentityHashMap<>()));
    }

    /**
     * Folds "there is no version of foo in R" into the dependency it was resolved with, so that
     * "foo 1.0 depends on bar" and "no other foo ^1" read as "foo ^1 depends on bar", the way
     * people think of ranges; likewise for a derivation widened by missing versions. Shared
     * nodes stay shared, so line numbers still work.
     */
    private Incompatibility<P, V, S> collapse(
            Incompatibility<P, V, S> incompatibility, Map<Incompatibility<P, V, S>, Incompatibility<P, V, S>> done) {
        if (!(incompatibility.cause() instanceof Cause.Conflict<P, V, S> conflict)) {
            return incompatibility;
        }
        Incompatibility<P, V, S> known = done.get(incompatibility);
        if (known != null) {
            return known;
        }
        Incompatibility<P, V, S> first = collapse(conflict.first(), done);
        Incompatibility<P, V, S> second = collapse(conflict.second(), done);
        Incompatibility<P, V, S> result;
        if (first.cause() instanceof Cause.NoVersions<P, V, S> && foldsInto(second, incompatibility)) {
            result = new Incompatibility<>(incompatibility.terms(), second.cause());
        } else if (second.cause() instanceof Cause.NoVersions<P, V, S> && foldsInto(first, incompatibility)) {
            result = new Incompatibility<>(incompatibility.terms(), first.cause());
        } else if (first == conflict.first() && second == conflict.second()) {
            result = incompatibility;
        } else {
            result = new Incompatibility<>(incompatibility.terms(), new Cause.Conflict<>(first, second));
        }
        done.put(incompatibility, result);
        return result;
    }

    /**
     * Whether {@code derived} may take {@code cause}'s place: a dependency whose shape survived,
     * or a derivation about the same packages (the missing versions only widen its terms).
     */
    private static <P, V, S extends VersionSet<V, S>> boolean foldsInto(
            Incompatibility<P, V, S> cause, Incompatibility<P, V, S> derived) {
        if (!derived.terms().keySet().equals(cause.terms().keySet())) {
            return false;
        }
        return switch (cause.cause()) {
            case Cause.Dependency<P, V, S> d ->
                    derived.term(d.depender()).positive() && !derived.term(d.dependee()).positive();
            case Cause.Conflict<P, V, S> c -> true;
            default -> false;
        };
    }

    private final class Writer {
        private final Phrases<P, V, S> phrases;
        private final List<String> lines = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private final Map<Incompatibility<P, V, S>, Integer> references = new IdentityHashMap<>();
        private final Map<Incompatibility<P, V, S>, Integer> lineNumbers = new IdentityHashMap<>();

        Writer(Phrases<P, V, S> phrases) {
            this.phrases = phrases;
        }

        String write(Incompatibility<P, V, S> incompatibility) {
            if (!(incompatibility.cause() instanceof Cause.Conflict<P, V, S>)) {
                return "Because " + phrases.describe(incompatibility) + ", version solving failed.";
            }
            count(incompatibility);
            visit(incompatibility);
            return render();
        }

        /** How many derived incompatibilities each derived incompatibility helps to prove. */
        private void count(Incompatibility<P, V, S> incompatibility) {
            if (incompatibility.cause() instanceof Cause.Conflict<P, V, S> c) {
                for (Incompatibility<P, V, S> cause : List.of(c.first(), c.second())) {
                    if (cause.isDerived() && references.merge(cause, 1, Integer::sum) == 1) {
                        count(cause);
                    }
                }
            }
        }

        private void visit(Incompatibility<P, V, S> incompatibility) {
            Cause.Conflict<P, V, S> conflict = (Cause.Conflict<P, V, S>) incompatibility.cause();
            Incompatibility<P, V, S> first = conflict.first();
            Incompatibility<P, V, S> second = conflict.second();
            String conclusion = phrases.describe(incompatibility) + ".";
            if (first.isDerived() && second.isDerived()) {
                Integer firstLine = lineNumbers.get(first);
                Integer secondLine = lineNumbers.get(second);
                if (firstLine != null && secondLine != null) {
                    line("Because " + numbered(first) + " and " + numbered(second) + ", " + conclusion);
                } else if (firstLine != null || secondLine != null) {
                    Incompatibility<P, V, S> known = firstLine != null ? first : second;
                    visit(firstLine != null ? second : first);
                    line("And because " + numbered(known) + ", " + conclusion);
                } else if (fromExternals(first) || fromExternals(second)) {
                    // The simple side fits on one line, so the complex side needs no number.
                    Incompatibility<P, V, S> simple = fromExternals(first) ? first : second;
                    visit(simple == first ? second : first);
                    visit(simple);
                    line("Thus, " + conclusion);
                } else {
                    visit(first);
                    numberLast(first);
                    line("");
                    visit(second);
                    line("And because " + numbered(first) + ", " + conclusion);
                }
            } else if (first.isDerived() || second.isDerived()) {
                Incompatibility<P, V, S> derived = first.isDerived() ? first : second;
                Incompatibility<P, V, S> external = first.isDerived() ? second : first;
                Cause.Conflict<P, V, S> prior = (Cause.Conflict<P, V, S>) derived.cause();
                if (lineNumbers.containsKey(derived)) {
                    line("Because " + phrases.describe(external) + " and " + numbered(derived) + ", " + conclusion);
                } else if (prior.first().isDerived() != prior.second().isDerived()
                        && !lineNumbers.containsKey(prior.first().isDerived() ? prior.first() : prior.second())
                        && references.getOrDefault(derived, 0) <= 1) {
                    // Skip the intermediate step: two externals read well in one sentence.
                    Incompatibility<P, V, S> priorDerived = prior.first().isDerived() ? prior.first() : prior.second();
                    Incompatibility<P, V, S> priorExternal = prior.first().isDerived() ? prior.second() : prior.first();
                    visit(priorDerived);
                    line("And because " + phrases.and(priorExternal, external) + ", " + conclusion);
                } else {
                    visit(derived);
                    line("And because " + phrases.describe(external) + ", " + conclusion);
                }
            } else {
                line("Because " + phrases.and(first, second) + ", " + conclusion);
            }
            if (references.getOrDefault(incompatibility, 0) > 1) {
                numberLast(incompatibility);
            }
        }

        private boolean fromExternals(Incompatibility<P, V, S> incompatibility) {
            return incompatibility.cause() instanceof Cause.Conflict<P, V, S> c
                    && !c.first().isDerived() && !c.second().isDerived();
        }

        private String numbered(Incompatibility<P, V, S> incompatibility) {
            return phrases.describe(incompatibility) + " (" + lineNumbers.get(incompatibility) + ")";
        }

        private void line(String text) {
            lines.add(text);
            numbers.add(null);
        }

        private void numberLast(Incompatibility<P, V, S> incompatibility) {
            if (!lineNumbers.containsKey(incompatibility)) {
                int number = lineNumbers.size() + 1;
                numbers.set(numbers.size() - 1, number);
                lineNumbers.put(incompatibility, number);
            }
        }

        private String render() {
            int last = lines.size() - 1;
            if (last > 0) {
                lines.set(last, lines.get(last).replaceFirst("^(And because|Because)", "So, because"));
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                Integer number = numbers.get(i);
                text.append(number == null ? "" : "(" + number + ") ").append(lines.get(i)).append('\n');
            }
            return text.toString().strip();
        }
    }
}
