package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The distinct version and dependency strings of resolvelib's PyPI snapshots, with
 * packaging's answers ({@code resolvelib/python-index-strings.oracle.json}): real-world input,
 * including the old {@code name (>=1,<2)} form. These are also the benchmark inputs.
 */
class IndexStringsCorpusTest {
    private static final JsonNode D = Corpus.json("resolvelib/python-index-strings.oracle.json");

    @TestFactory
    Stream<DynamicTest> versions() {
        Corpus.count("resolvelib python-index-strings versions", D.get("versions").size());
        return Corpus.list(D.get("versions")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            String input = n.get("input").asText();
            if (!n.get("valid").asBoolean()) {
                assertThatThrownBy(() -> Version.parse(input)).isInstanceOf(InvalidVersionException.class);
                return;
            }
            Version v = Version.parse(input);
            assertThat(v.toString()).isEqualTo(n.get("normalized").asText());
            assertThat(v.isPrerelease()).isEqualTo(n.get("is_prerelease").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> dependencyStrings() {
        Corpus.count("resolvelib python-index-strings dependency_strings", D.get("dependency_strings").size());
        return Corpus.list(D.get("dependency_strings")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            String input = n.get("input").asText();
            if (!n.get("valid").asBoolean()) {
                assertThatThrownBy(() -> Requirement.parse(input)).isInstanceOf(InvalidRequirementException.class)
                        .hasMessage(n.get("detail").asText())
                        .satisfies(e -> {
                            InvalidRequirementException r = (InvalidRequirementException) e;
                            assertThat(r.start()).isEqualTo(n.at("/span/start").asInt());
                            assertThat(r.end()).isEqualTo(n.at("/span/end").asInt());
                        });
                return;
            }
            Requirement r = Requirement.parse(input);
            assertThat(r.name()).isEqualTo(n.get("name").asText());
            assertThat(r.extras()).containsExactlyElementsOf(Corpus.strings(n.get("extras")));
            assertThat(r.url().orElse(null)).isEqualTo(n.get("url").isNull() ? null : n.get("url").asText());
            assertThat(r.specifier().toString()).isEqualTo(n.get("specifier").asText());
            assertThat(r.marker().map(Marker::toString).orElse(null))
                    .isEqualTo(n.get("marker").isNull() ? null : n.get("marker").asText());
            assertThat(r.toString()).isEqualTo(n.get("str").asText());
            assertThat(Requirement.parse(r.toString())).isEqualTo(r);
        }));
    }
}
