package dev.axle.resolver.pubgrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Terms as sets over small versions plus "absent" (a negative term allows the package to be
 * missing), checked against that model on random terms.
 */
class TermTest {

    private static final int ABSENT = -1;
    /** Above the highest bound a random set can have, so it stands for all larger versions. */
    private static final int TOP = 14;

    @Test
    void algebraMatchesTheSetModel() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Term<Integer, IntRanges> a = randomTerm(random);
            Term<Integer, IntRanges> b = randomTerm(random);
            List<Integer> inA = members(a);
            List<Integer> inB = members(b);
            String both = a + " / " + b;

            assertThat(members(a.intersect(b))).as("%s ∩", both).isEqualTo(filter(inA::contains, inB::contains, true));
            assertThat(members(a.union(b))).as("%s ∪", both).isEqualTo(filter(inA::contains, inB::contains, false));
            assertThat(members(a.negate())).as("not %s", a).isEqualTo(filter(x -> !inA.contains(x), x -> true, true));
            assertThat(a.satisfies(b)).as("%s ⊆", both).isEqualTo(inB.containsAll(inA));
            assertThat(a.contradicts(b)).as("%s disjoint", both).isEqualTo(inA.stream().noneMatch(inB::contains));
            assertThat(a.isEmpty()).as("%s empty", a).isEqualTo(inA.isEmpty());
            assertThat(a.isAny()).as("%s any", a).isEqualTo(inA.size() == TOP + 2);
        }
    }

    private static Term<Integer, IntRanges> randomTerm(Random random) {
        IntRanges set = IntRanges.SETS.empty();
        for (int i = random.nextInt(3); i > 0; i--) {
            int from = random.nextInt(10);
            set = set.union(random.nextInt(4) == 0 ? IntRanges.atLeast(from) : IntRanges.between(from, from + 1 + random.nextInt(4)));
        }
        return new Term<>(random.nextBoolean(), set);
    }

    /** The versions 0..TOP and ABSENT that the term allows. */
    private static List<Integer> members(Term<Integer, IntRanges> term) {
        List<Integer> result = new ArrayList<>();
        if (!term.positive()) {
            result.add(ABSENT);
        }
        for (int version = 0; version <= TOP; version++) {
            if (term.set().contains(version) == term.positive()) {
                result.add(version);
            }
        }
        return result;
    }

    private static List<Integer> filter(Predicate<Integer> a, Predicate<Integer> b, boolean and) {
        List<Integer> result = new ArrayList<>();
        for (int x = ABSENT; x <= TOP; x++) {
            if (and ? a.test(x) && b.test(x) : a.test(x) || b.test(x)) {
                result.add(x);
            }
        }
        return result;
    }
}
