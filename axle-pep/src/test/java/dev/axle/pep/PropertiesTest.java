package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Algebraic properties of versions and specifiers, on generated inputs. */
class PropertiesTest {
    private static final int TRIES = 20_000;

    @Test
    void orderingIsTotalAndConsistentWithEqualsAndHashCode() {
        Property.forAll(TRIES, r -> List.of(Generators.version(r), Generators.version(r), Generators.version(r)), vs -> {
            Version a = vs.get(0);
            Version b = vs.get(1);
            Version c = vs.get(2);
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
            assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
            if (a.equals(b)) {
                assertThat(a.hashCode()).isEqualTo(b.hashCode());
            }
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
            }
            assertThat(a.compareTo(a)).isZero();
        });
        Corpus.count("properties: version ordering (triples)", TRIES);
    }

    @Test
    void parsingTheNormalizedFormGivesTheSameVersion() {
        Property.forAll(TRIES, Generators::lenientVersion, s -> {
            Version v = Version.parse(s);
            Version again = Version.parse(v.toString());
            assertThat(again).isEqualTo(v);
            assertThat(again.toString()).isEqualTo(v.toString());
            assertThat(again.hashCode()).isEqualTo(v.hashCode());
        });
        Corpus.count("properties: parse(toString(v)) == v", TRIES);
    }

    @Test
    void specifierSetIntersectionIsConjunction() {
        Property.forAll(TRIES / 4, r -> new Object[] {Generators.specifierSet(r), Generators.specifierSet(r), samples(r)}, in -> {
            SpecifierSet a = SpecifierSet.parse((String) in[0]);
            SpecifierSet b = SpecifierSet.parse((String) in[1]);
            SpecifierSet both = a.and(b);
            assertThat(SpecifierSet.parse(in[0] + "," + in[1])).isEqualTo(both);
            @SuppressWarnings("unchecked")
            List<Version> vs = (List<Version>) in[2];
            for (Version v : vs) {
                for (Boolean policy : new Boolean[] {null, true, false}) {
                    assertThat(both.contains(v, policy)).as("%s %s %s", both, v, policy)
                            .isEqualTo(a.contains(v, policy) && b.contains(v, policy));
                }
            }
            List<Version> expected = new ArrayList<>();
            for (Version v : vs) {
                if (a.contains(v, true) && b.contains(v, true)) {
                    expected.add(v);
                }
            }
            assertThat(both.filter(vs, true)).containsExactlyElementsOf(expected);
        });
        Corpus.count("properties: (a & b).contains(v) == a.contains(v) && b.contains(v) (pairs)", TRIES / 4);
    }

    @Test
    void intervalsAgreeWithMembershipAndRelations() {
        Property.forAll(TRIES / 4, r -> new Object[] {Generators.specifierSet(r), Generators.specifierSet(r), samples(r)}, in -> {
            SpecifierSet a = SpecifierSet.parse((String) in[0]);
            SpecifierSet b = SpecifierSet.parse((String) in[1]);
            @SuppressWarnings("unchecked")
            List<Version> vs = (List<Version>) in[2];
            boolean subset = a.isSubsetOf(b);
            boolean disjoint = a.isDisjointFrom(b);
            for (Version v : vs) {
                boolean inA = a.contains(v, true);
                boolean inB = b.contains(v, true);
                assertThat(a.intervals().contains(v)).as("%s intervals vs %s", a, v).isEqualTo(inA);
                if (a.isUnsatisfiable()) {
                    assertThat(inA).as("unsatisfiable %s admits %s", a, v).isFalse();
                }
                if (subset && inA) {
                    assertThat(inB).as("%s subset of %s but %s", a, b, v).isTrue();
                }
                if (disjoint) {
                    assertThat(inA && inB).as("%s disjoint from %s but %s", a, b, v).isFalse();
                }
            }
        });
        Corpus.count("properties: intervals, unsatisfiability, subset, disjoint vs membership", TRIES / 4);
    }

    /** Versions near each other, so that boundaries get exercised. */
    private static List<Version> samples(Random r) {
        List<Version> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(Generators.version(r));
        }
        return out;
    }
}
