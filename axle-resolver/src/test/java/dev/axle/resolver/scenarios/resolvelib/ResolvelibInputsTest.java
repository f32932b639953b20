package dev.axle.resolver.scenarios.resolvelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.Version;
import dev.axle.resolver.scenarios.resolvelib.SwiftIndexProvider.SwiftVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the harnesses read the corpus: comments in JSON, CocoaPods and Swift requirements, finite version sets. */
class ResolvelibInputsTest {

    @Test
    void commentsAreCutButSlashesInStringsKept() {
        String text = "{\"a\": \"https://x/y\", // a comment \"with quotes\"\n  \"b\": \"c\\\"//d\"}\n// last";
        assertThat(ResolvelibCorpus.withoutComments(text))
                .isEqualTo("{\"a\": \"https://x/y\", \n  \"b\": \"c\\\"//d\"}\n");
    }

    @Test
    void cocoapodsRequirementsAsTheHarnessTranslatesThem() {
        assertThat(CocoapodsIndexProvider.specifierSet("").toString()).isEmpty();
        assertThat(CocoapodsIndexProvider.specifierSet("1.2").toString()).isEqualTo("==1.2");
        assertThat(CocoapodsIndexProvider.specifierSet("= 1.2").toString()).isEqualTo("==1.2");
        assertThat(CocoapodsIndexProvider.specifierSet("~> 1.2.3, < 1.2.9").contains(Version.parse("1.2.5"))).isTrue();
        assertThat(CocoapodsIndexProvider.specifierSet("~> 1.2.3").contains(Version.parse("1.3.0"))).isFalse();
        assertThat(CocoapodsIndexProvider.specifierSet("~> 1").contains(Version.parse("7.0"))).isTrue();
        assertThat(CocoapodsIndexProvider.specifierSet(">= 0").contains(Version.parse("2.0"))).isTrue();
    }

    @Test
    void finiteSetsFollowTheSetLaws() {
        List<FiniteVersionSet> sets = List.of(FiniteVersionSet.of(List.of()), FiniteVersionSet.of(List.of("1")),
                FiniteVersionSet.of(List.of("1", "2")), FiniteVersionSet.of(List.of("2", "3")));
        List<FiniteVersionSet> all = new ArrayList<>(sets);
        sets.forEach(x -> all.add(x.complement()));
        for (FiniteVersionSet a : all) {
            for (FiniteVersionSet b : all) {
                for (String v : List.of("1", "2", "3", "4")) {
                    assertThat(a.intersect(b).contains(v)).isEqualTo(a.contains(v) && b.contains(v));
                    assertThat(a.union(b).contains(v)).isEqualTo(a.contains(v) || b.contains(v));
                    assertThat(a.complement().contains(v)).isEqualTo(!a.contains(v));
                }
            }
        }
        assertThat(FiniteVersionSet.SETS.full().complement().isEmpty()).isTrue();
        assertThat(FiniteVersionSet.of(List.of("1")).complement().complement()).isEqualTo(FiniteVersionSet.of(List.of("1")));
    }

    @Test
    void swiftRequirementsAndPreferenceAsTheHarness() {
        List<SwiftVersion> range = List.of(SwiftVersion.parse("1.2.0"), SwiftVersion.parse("2.0.0"));
        assertThat(SwiftVersion.parse("1.9.0").allowedBy(range)).isTrue();
        assertThat(SwiftVersion.parse("1.1.9").allowedBy(range)).isFalse();
        assertThat(SwiftVersion.parse("3.0.0").allowedBy(range)).isFalse();
        assertThat(SwiftVersion.parse("0.2.5").allowedBy(List.of(SwiftVersion.parse("0.2.1")))).isTrue();
        assertThat(SwiftVersion.parse("0.3.5").allowedBy(List.of(SwiftVersion.parse("0.2.1")))).isFalse();
        List<String> ordered = new ArrayList<>(List.of("2.1.0", "1.0.0", "1.3.0", "1.3.0-beta", "1.2.9"));
        ordered.sort(Comparator.comparing(SwiftVersion::parse, SwiftVersion.PREFERENCE));
        assertThat(ordered).containsExactly("1.3.0", "1.3.0-beta", "1.2.9", "1.0.0", "2.1.0");
    }
}
