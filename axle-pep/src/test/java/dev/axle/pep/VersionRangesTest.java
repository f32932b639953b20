package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Version sets against packaging 26.3's answers (specifiers.json's oracle matrix: 389
 * specifier sets by 1,189 versions), and the set algebra against membership.
 */
class VersionRangesTest {
    private static final JsonNode MATRIX = Corpus.json("pypa-packaging/specifiers.json").get("oracle_matrix");
    private static final List<Version> VERSIONS =
            Corpus.strings(MATRIX.get("versions")).stream().map(Version::parse).toList();

    /** The matrix's sets without {@code ===} (which compares strings), with packaging's contains(v, prereleases=True). */
    private static List<Map.Entry<VersionRanges, String>> sets() {
        List<Map.Entry<VersionRanges, String>> out = new ArrayList<>();
        MATRIX.get("specs").fields().forEachRemaining(e -> {
            if (!e.getKey().contains("===")) {
                out.add(Map.entry(VersionRanges.parse(e.getKey()), e.getValue().get("contains_pre_true").asText()));
            }
        });
        return out;
    }

    @Test
    void holdsExactlyTheVersionsPackagingAdmitsWithPrereleases() {
        List<Map.Entry<VersionRanges, String>> sets = sets();
        for (Map.Entry<VersionRanges, String> set : sets) {
            for (int i = 0; i < VERSIONS.size(); i++) {
                assertThat(set.getKey().contains(VERSIONS.get(i))).as("%s contains %s", set.getKey(), VERSIONS.get(i))
                        .isEqualTo(set.getValue().charAt(i) == '1');
            }
        }
        Corpus.count("specifiers.json oracle_matrix as version sets (cells)", (long) sets.size() * VERSIONS.size());
        assertThat(sets).hasSizeGreaterThan(300);
    }

    @Test
    void intersectionUnionAndComplementAgreeWithMembership() {
        List<VersionRanges> sets = sets().stream().map(Map.Entry::getKey).toList();
        Random random = new Random(440);
        for (int n = 0; n < 1500; n++) {
            VersionRanges a = sets.get(random.nextInt(sets.size()));
            VersionRanges b = sets.get(random.nextInt(sets.size()));
            VersionRanges and = a.intersect(b);
            VersionRanges or = a.union(b);
            VersionRanges not = a.complement();
            for (Version v : VERSIONS) {
                assertThat(and.contains(v)).as("(%s) & (%s) contains %s", a, b, v).isEqualTo(a.contains(v) && b.contains(v));
                assertThat(or.contains(v)).as("(%s) | (%s) contains %s", a, b, v).isEqualTo(a.contains(v) || b.contains(v));
                assertThat(not.contains(v)).as("not (%s) contains %s", a, v).isEqualTo(!a.contains(v));
            }
            // Canonical forms: the same versions, the same intervals (so equal hash codes).
            assertThat(or).isEqualTo(b.union(a)).hasSameHashCodeAs(b.union(a));
            assertThat(not.complement()).isEqualTo(a).hasSameHashCodeAs(a);
            assertThat(a.union(not).isAll()).as("%s | its complement", a).isTrue();
            assertThat(a.intersect(not).isEmpty()).isTrue();
            assertThat(and.isSubsetOf(a)).isTrue();
            assertThat(a.isSubsetOf(or)).isTrue();
            assertThat(and.isEmpty()).isEqualTo(a.isDisjointFrom(b));
        }
    }

    @Test
    void familiesAndBoundaries() {
        VersionRanges atMost = VersionRanges.parse("<=1.0");
        VersionRanges above = VersionRanges.parse(">1.0");
        // Neither holds 1.0's post-releases: what is left between them is exactly that family.
        VersionRanges between = atMost.union(above).complement();
        assertThat(between.contains(Version.parse("1.0.post1"))).isTrue();
        assertThat(between.contains(Version.parse("1.0+local"))).isFalse();
        assertThat(between.contains(Version.parse("1.0"))).isFalse();
        assertThat(between.contains(Version.parse("1.1.dev0"))).isFalse();

        VersionRanges one = VersionRanges.exactly(Version.parse("1.0"));
        assertThat(one.contains(Version.parse("1.0"))).isTrue();
        assertThat(one.contains(Version.parse("1.0+local"))).isFalse();
        assertThat(one.isSubsetOf(VersionRanges.parse("==1.0"))).isTrue();
        assertThat(VersionRanges.parse("==1.0").isSubsetOf(one)).isFalse();
        assertThat(VersionRanges.parse("!=1.0").union(VersionRanges.parse("==1.0"))).isEqualTo(VersionRanges.ALL);
        assertThat(VersionRanges.parse(">=2").intersect(VersionRanges.parse("<2"))).isEqualTo(VersionRanges.NONE);
        assertThat(VersionRanges.parse("").isAll()).isTrue();
        // <2 stops before 2's pre-releases, so >=2 does not touch it: 2.0a1 is in the gap.
        VersionRanges gap = VersionRanges.parse(">=1, <2").union(VersionRanges.parse(">=2, <3"));
        assertThat(gap).isNotEqualTo(VersionRanges.parse(">=1, <3")).hasToString(">=1, <2 | >=2, <3");
        assertThat(gap.contains(Version.parse("2.0a1"))).isFalse();
        // Touching intervals join into one.
        VersionRanges joined = VersionRanges.parse(">=1, <2").union(VersionRanges.parse(">=2.dev0, <3"));
        assertThat(joined).isEqualTo(VersionRanges.parse(">=1, <3")).hasSameHashCodeAs(VersionRanges.parse(">=1, <3"))
                .hasToString(">=1, <3");
    }

    @Test
    void printsLikeSpecifiers() {
        assertThat(VersionRanges.parse(">=1.0, <2.0")).hasToString(">=1.0, <2.0");
        assertThat(VersionRanges.parse("<2.0.dev0")).hasToString("<2.0");
        assertThat(VersionRanges.parse("<2.0a1")).hasToString("<2.0a1");
        assertThat(VersionRanges.parse("<=1.0")).hasToString("<=1.0");
        assertThat(VersionRanges.parse(">1.0")).hasToString(">1.0");
        assertThat(VersionRanges.exactly(Version.parse("3.1"))).hasToString("==3.1");
        assertThat(VersionRanges.parse("==3.1")).hasToString("==3.1");
        assertThat(VersionRanges.parse("!=2.0")).hasToString("!=2.0");
        assertThat(VersionRanges.parse("==1.0").union(VersionRanges.parse("==2.0"))).hasToString("==1.0 | ==2.0");
        assertThat(VersionRanges.ALL).hasToString("*");
        assertThat(VersionRanges.NONE).hasToString("∅");
    }
}
