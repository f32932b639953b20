package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Name and version canonicalization: {@code pypa-packaging/utils.json} and resolvelib's project names. */
class NameCorpusTest {
    private static final JsonNode U = Corpus.json("pypa-packaging/utils.json");

    @TestFactory
    Stream<DynamicTest> canonicalizeName() {
        Corpus.count("utils.json canonicalize_name", U.get("canonicalize_name").size());
        return Corpus.list(U.get("canonicalize_name")).stream().map(n -> {
            String in = n.get("input").asText();
            String expected = n.get("canonical").asText();
            return DynamicTest.dynamicTest(in, () -> {
                assertThat(ProjectName.canonicalize(in)).isEqualTo(expected);
                assertThat(ProjectName.canonicalize(in, true)).isEqualTo(expected);
                assertThat(ProjectName.parse(in)).hasToString(expected).isEqualTo(ProjectName.parse(expected));
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> canonicalizeInvalidName() {
        Corpus.count("utils.json canonicalize_name_invalid", U.get("canonicalize_name_invalid").size());
        return Corpus.list(U.get("canonicalize_name_invalid")).stream().map(n -> {
            String in = n.get("input").asText();
            return DynamicTest.dynamicTest(Text.pyRepr(in), () -> {
                assertThat(n.get("validate_raises").asText()).isEqualTo("InvalidName");
                assertThat(ProjectName.canonicalize(in)).isEqualTo(n.get("canonical_without_validation").asText());
                assertThatThrownBy(() -> ProjectName.canonicalize(in, true))
                        .isInstanceOfSatisfying(InvalidNameException.class,
                                e -> assertThat(e.reason()).isEqualTo("name is invalid: " + Text.pyRepr(in)));
                assertThatThrownBy(() -> ProjectName.parse(in)).isInstanceOf(InvalidNameException.class);
                assertThat(ProjectName.isValid(in)).isFalse();
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> isNormalizedName() {
        Corpus.count("utils.json is_normalized_name", U.get("is_normalized_name").size());
        return Corpus.list(U.get("is_normalized_name")).stream().map(n -> {
            String in = n.get("input").asText();
            return DynamicTest.dynamicTest(in, () -> {
                assertThat(ProjectName.isNormalized(in)).isEqualTo(n.get("input_is_normalized").asBoolean());
                String normalized = n.get("normalized_form").asText();
                assertThat(ProjectName.canonicalize(in)).isEqualTo(normalized);
                assertThat(ProjectName.isNormalized(normalized)).isTrue();
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> canonicalizeVersion() {
        Corpus.count("utils.json canonicalize_version", U.get("canonicalize_version").size());
        return Corpus.list(U.get("canonicalize_version")).stream().map(n -> {
            String in = n.get("input").asText();
            boolean strip = !n.has("strip_trailing_zero") || n.get("strip_trailing_zero").asBoolean();
            return DynamicTest.dynamicTest(in + (strip ? "" : " (keep zeros)"),
                    () -> assertThat(Version.canonicalize(in, strip)).isEqualTo(n.get("canonical").asText()));
        });
    }

    @TestFactory
    Stream<DynamicTest> resolvelibProjectNames() {
        JsonNode names = Corpus.json("resolvelib/python-index-strings.oracle.json").get("project_names");
        Corpus.count("resolvelib python-index-strings project_names", names.size());
        return Corpus.list(names).stream().map(n -> {
            String in = n.get("input").asText();
            return DynamicTest.dynamicTest(in,
                    () -> assertThat(ProjectName.canonicalize(in)).isEqualTo(n.get("canonical").asText()));
        });
    }

    @Test
    void namesOutsideTheCorpus() {
        assertThat(ProjectName.canonicalize("_not_legal")).isEqualTo("-not-legal");
        assertThat(ProjectName.isNormalized("-not-legal")).isFalse();
        assertThat(ProjectName.isNormalized("")).isFalse();
        assertThat(ProjectName.canonicalize("Foo-_.-Bar__")).isEqualTo("foo-bar-");
        assertThat(ProjectName.canonicalize("ÁB_c")).isEqualTo("áb-c");
        assertThat(ProjectName.isValid("a")).isTrue();
        assertThat(ProjectName.isValid("a-")).isFalse();
        assertThat(ProjectName.isValid("")).isFalse();
        assertThat(ProjectName.isValid("á")).isFalse();
        assertThat(ProjectName.parse("Foo.Bar").escaped()).isEqualTo("foo_bar");
        assertThatThrownBy(() -> ProjectName.parse("foo bar")).isInstanceOfSatisfying(InvalidNameException.class,
                e -> assertThat(e.getMessage()).isEqualTo("name is invalid: 'foo bar'\n    foo bar\n       ^"));
        assertThatThrownBy(() -> ProjectName.parse(null)).isInstanceOf(InvalidNameException.class);
        assertThat(Version.canonicalize("1.0.0", false)).isEqualTo("1.0.0");
        assertThat(Version.canonicalize("foo bar baz", true)).isEqualTo("foo bar baz");
        Corpus.count("names: own cases", 15);
    }

    @Test
    void lowerCasingFollowsPython() {
        // Python's final-sigma rule: '.' is case-ignorable (so the sigma is not final), '_' is not.
        assertThat(ProjectName.canonicalize("ΟΔΟΣ")).isEqualTo("οδος");
        assertThat(ProjectName.canonicalize("ΟΔΟΣ.b")).isEqualTo("οδοσ-b");
        assertThat(ProjectName.canonicalize("ΟΔΟΣ_b")).isEqualTo("οδος-b");
        assertThat(ProjectName.canonicalize("Σ")).isEqualTo("σ");
        assertThat(ProjectName.canonicalize("AΣ\u0301")).isEqualTo("aς\u0301");
        assertThat(ProjectName.canonicalize("1Σ")).isEqualTo("1σ");
        assertThat(ProjectName.canonicalize("İx")).isEqualTo("i\u0307x");
        assertThat(Text.pyRepr("a\ud835\udc00\u00ad\udb40\udc01")).isEqualTo("'a\ud835\udc00\\xad\\U000e0001'");
        Corpus.count("names: own cases", 8);
    }
}
