package dev.axle.resolver.scenarios.resolvelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.Version;
import org.junit.jupiter.api.Test;

/** How the harness reads the corpus: comments in JSON, CocoaPods requirements as PEP 440. */
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
}
