package dev.axle.resolver.pubgrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of PubGrub's documentation (Dart pub's solver.md), solved and explained. */
class SolverExamplesTest {

    @Test
    void noConflicts() throws NoSolutionException {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0")
                .add("foo", "1.0.0", "bar ^1.0.0")
                .add("bar", "1.0.0")
                .add("bar", "2.0.0");

        assertThat(solution(registry)).containsExactly(
                Map.entry("root", "1.0.0"), Map.entry("foo", "1.0.0"), Map.entry("bar", "1.0.0"));
    }

    @Test
    void avoidingConflictDuringDecisionMaking() throws NoSolutionException {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0", "bar ^1.0.0")
                .add("foo", "1.1.0", "bar ^2.0.0")
                .add("foo", "1.0.0")
                .add("bar", "1.0.0")
                .add("bar", "1.1.0")
                .add("bar", "2.0.0");

        assertThat(solution(registry)).containsOnly(
                Map.entry("root", "1.0.0"), Map.entry("foo", "1.0.0"), Map.entry("bar", "1.1.0"));
    }

    @Test
    void performingConflictResolution() throws NoSolutionException {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo >=1.0.0")
                .add("foo", "2.0.0", "bar ^1.0.0")
                .add("foo", "1.0.0")
                .add("bar", "1.0.0", "foo ^1.0.0");

        assertThat(solution(registry)).containsOnly(Map.entry("root", "1.0.0"), Map.entry("foo", "1.0.0"));
    }

    @Test
    void conflictResolutionWithAPartialSatisfier() throws NoSolutionException {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0", "target ^2.0.0")
                .add("foo", "1.1.0", "left ^1.0.0", "right ^1.0.0")
                .add("foo", "1.0.0")
                .add("left", "1.0.0", "shared >=1.0.0")
                .add("right", "1.0.0", "shared <2.0.0")
                .add("shared", "2.0.0")
                .add("shared", "1.0.0", "target ^1.0.0")
                .add("target", "2.0.0")
                .add("target", "1.0.0");

        assertThat(solution(registry)).containsOnly(
                Map.entry("root", "1.0.0"), Map.entry("foo", "1.0.0"), Map.entry("target", "2.0.0"));
    }

    @Test
    void linearErrorReporting() {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0", "baz ^1.0.0")
                .add("foo", "1.0.0", "bar ^2.0.0")
                .add("bar", "2.0.0", "baz ^3.0.0")
                .add("baz", "1.0.0")
                .add("baz", "3.0.0");

        String explanation = failure(registry).explanation();

        assertThat(explanation).isEqualTo("""
                Because foo ^1.0.0 depends on bar ^2.0.0 which depends on baz ^3.0.0, foo ^1.0.0 requires baz ^3.0.0.
                So, because root depends on both foo ^1.0.0 and baz ^1.0.0, version solving failed.""");
    }

    @Test
    void branchingErrorReporting() {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0")
                .add("foo", "1.0.0", "a ^1.0.0", "b ^1.0.0")
                .add("foo", "1.1.0", "x ^1.0.0", "y ^1.0.0")
                .add("a", "1.0.0", "b ^2.0.0")
                .add("b", "1.0.0")
                .add("b", "2.0.0")
                .add("x", "1.0.0", "y ^2.0.0")
                .add("y", "1.0.0")
                .add("y", "2.0.0");

        String explanation = failure(registry).explanation();

        assertThat(explanation).isEqualTo("""
                Because foo 1.0.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo 1.0.0 requires b ^2.0.0.
                (1) And because foo 1.0.0 depends on b ^1.0.0, foo >=1.0.0 <1.1.0 || >=1.1.1 <2.0.0 is forbidden.

                Because foo 1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo 1.1.0 requires y ^2.0.0.
                And because foo 1.1.0 depends on y ^1.0.0, foo 1.1.0 is forbidden.
                And because foo >=1.0.0 <1.1.0 || >=1.1.1 <2.0.0 is forbidden (1), foo ^1.0.0 is forbidden.
                So, because root depends on foo ^1.0.0, version solving failed.""");
    }

    @Test
    void missingPackageAndUnavailableVersionAreExplained() {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo *")
                .add("foo", "2.0.0", "ghost ^1.0.0")
                .unavailable("foo", IntRanges.version("1.0.0"), "it has no wheel for this platform");

        NoSolutionException failure = failure(registry);

        assertThat(failure.explanation()).isEqualTo("""
                Because there is no version of foo ^0.0.0 || >=1.0.1 <2.0.0 || >=2.0.1 and foo 1.0.0 cannot be used \
                because it has no wheel for this platform, foo <2.0.0 || >=2.0.1 is forbidden.
                And because foo 2.0.0 depends on ghost ^1.0.0, every version of foo requires ghost ^1.0.0.
                So, because there is no version of ghost ^1.0.0 and root depends on foo, version solving failed.""");
    }

    @Test
    void failureCarriesTheDerivationGraphDownToTheProvidersFacts() {
        Registry registry = new Registry()
                .add("root", "1.0.0", "foo ^1.0.0", "baz ^1.0.0")
                .add("foo", "1.0.0", "baz ^2.0.0")
                .add("baz", "1.0.0")
                .add("baz", "2.0.0");

        NoSolutionException failure = failure(registry);
        Incompatibility<String, Integer, IntRanges> root = failure.incompatibility();

        assertThat(root.terms()).containsOnlyKeys("root");
        assertThat(root.term("root").positive()).isTrue();
        // foo has no version in ^1.0.0 but 1.0.0: the solver learned that from the provider too.
        assertThat(leaves(root)).extracting(Incompatibility::cause).map(Object::toString).containsExactlyInAnyOrder(
                "Dependency[depender=root, dependee=foo]", "Dependency[depender=root, dependee=baz]",
                "Dependency[depender=foo, dependee=baz]", "NoVersions[]");
        // Callers can explain it again in their own words.
        String again = new Explanation<String, Integer, IntRanges>(TermFormatter.plain()).explain(root, failure.root());
        assertThat(again).isEqualTo(failure.explanation()).contains("root depends on foo ^1.0.0 which depends on baz ^2.0.0");
    }

    @Test
    void theRootAloneCanBeUnsatisfiable() {
        Registry registry = new Registry().add("root", "1.0.0", "foo ^1.0.0").add("foo", "2.0.0");

        assertThat(failure(registry).explanation()).isEqualTo(
                "Because there is no version of foo ^1.0.0 and root depends on foo ^1.0.0, version solving failed.");
    }

    @Test
    void contradictoryRequirementsOfOneVersionExcludeIt() throws NoSolutionException {
        // pip's "A 1.0.0; depends B == 1.0.0, B == 2.0.0", with an older A to fall back on.
        Registry registry = new Registry()
                .add("root", "1.0.0", "a *")
                .add("a", "2.0.0", "b 1.0.0 2.0.0")
                .add("a", "1.0.0", "b 1.0.0")
                .add("b", "1.0.0")
                .add("b", "2.0.0");

        assertThat(solution(registry)).containsOnly(
                Map.entry("root", "1.0.0"), Map.entry("a", "1.0.0"), Map.entry("b", "1.0.0"));

        Registry without = new Registry().add("root", "1.0.0", "a *").add("a", "2.0.0", "b 1.0.0 2.0.0");
        assertThat(failure(without).explanation()).isEqualTo("""
                Because there is no version of a <2.0.0 || >=2.0.1 and a 2.0.0 cannot be used because it \
                depends on b but allows none of its versions, every version of a is forbidden.
                So, because root depends on a, version solving failed.""");
    }

    @Test
    void aRootWhoseRequirementsExcludeEachOtherHasNoSolution() {
        // pip's and packse's "root requires a==1 and a==2", merged by the provider into no version.
        Registry registry = new Registry().add("root", "1.0.0", "a 1.0.0 2.0.0").add("a", "1.0.0").add("a", "2.0.0");
        assertThat(failure(registry).explanation()).isEqualTo("Because root cannot be used because it depends"
                + " on a but allows none of its versions, version solving failed.");
    }

    @Test
    void aPackageThatKeepsConflictingIsDecidedBeforeWhatItConflictsWith() throws NoSolutionException {
        // packse's wrong-backtracking-basic: a (fewer versions) is decided first, at 2.0.0, and
        // every newer b needs a 1.0.0. Without the heuristic, b walks down to 1.0.0.
        Registry registry = new Registry()
                .add("root", "1.0.0", "a *", "b *")
                .add("a", "1.0.0")
                .add("a", "2.0.0")
                .add("too-old", "1.0.0")
                .add("b", "1.0.0", "too-old *");
        for (int patch = 0; patch <= 9; patch++) {
            registry.add("b", "2.0." + patch, "a 1.0.0");
        }
        assertThat(solution(registry)).containsOnly(
                Map.entry("root", "1.0.0"), Map.entry("a", "1.0.0"), Map.entry("b", "2.0.9"));
    }

    @Test
    void dependencyCyclesAreSolved() throws NoSolutionException {
        Registry registry = new Registry()
                .add("root", "1.0.0", "a *")
                .add("a", "2.0.0", "b ^2.0.0")
                .add("a", "1.0.0", "b ^1.0.0")
                .add("b", "2.0.0", "a ^1.0.0")
                .add("b", "1.0.0", "a ^1.0.0", "root *");

        assertThat(solution(registry)).containsOnly(
                Map.entry("root", "1.0.0"), Map.entry("a", "1.0.0"), Map.entry("b", "1.0.0"));
    }

    @Test
    void providerOrderIsThePreference() throws NoSolutionException {
        Registry registry = new Registry().add("root", "1.0.0", "foo *").add("foo", "1.0.0").add("foo", "2.0.0");
        DependencyProvider<String, Integer, IntRanges> lowestFirst = new DependencyProvider<>() {
            @Override
            public java.util.List<Integer> versions(String pkg) {
                return registry.versions(pkg).reversed();
            }

            @Override
            public Dependencies<String, IntRanges> dependencies(String pkg, Integer version) {
                return registry.dependencies(pkg, version);
            }
        };

        assertThat(new Solver<>(lowestFirst, IntRanges.SETS).solve("root", 100)).containsEntry("foo", 100);
        assertThat(registry.solve("root", "1.0.0")).containsEntry("foo", 200);
    }

    private static java.util.List<Incompatibility<String, Integer, IntRanges>> leaves(
            Incompatibility<String, Integer, IntRanges> incompatibility) {
        if (incompatibility.cause() instanceof Cause.Conflict<String, Integer, IntRanges> c) {
            java.util.List<Incompatibility<String, Integer, IntRanges>> result = new java.util.ArrayList<>(leaves(c.first()));
            result.addAll(leaves(c.second()));
            return result;
        }
        return java.util.List.of(incompatibility);
    }

    private static Map<String, String> solution(Registry registry) throws NoSolutionException {
        Map<String, String> result = new LinkedHashMap<>();
        registry.solve("root", "1.0.0").forEach((pkg, version) -> result.put(pkg, IntRanges.format(version)));
        return result;
    }

    private static NoSolutionException failure(Registry registry) {
        return catchThrowableOfType(NoSolutionException.class, () -> registry.solve("root", "1.0.0"));
    }
}
