package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * pypa/packaging's requirement vectors ({@code pypa-packaging/requirements.json}) and the
 * PEP 508 / dependency-specifiers examples of {@code specs/spec-derived-vectors.json}.
 */
class RequirementCorpusTest {
    private static final JsonNode R = Corpus.json("pypa-packaging/requirements.json");
    private static final String FILE = "requirements.json ";

    /**
     * Checks one record of the shape {@code {input, valid, name, extras, url, specifier,
     * marker, str}} or {@code {input, valid: false, message, detail?, span?}}; the string
     * form is under {@code strKey}.
     */
    static void checkRecord(JsonNode n, String strKey) {
        String input = n.get("input").asText();
        if (n.has("valid") && !n.get("valid").asBoolean()) {
            checkError(input, n);
            return;
        }
        Requirement r = Requirement.parse(input);
        assertThat(r.name()).isEqualTo(n.get("name").asText());
        assertThat(new TreeSet<>(r.extras())).containsExactlyElementsOf(new TreeSet<>(Corpus.strings(n.get("extras"))));
        assertThat(r.url()).isEqualTo(Optional.ofNullable(n.get("url").isNull() ? null : n.get("url").asText()));
        // The expected specifier is a SpecifierSet string: compare as sets.
        assertThat(r.specifier()).isEqualTo(SpecifierSet.parse(n.get("specifier").asText()));
        assertThat(r.marker().map(Marker::toString))
                .isEqualTo(Optional.ofNullable(n.get("marker").isNull() ? null : n.get("marker").asText()));
        assertThat(r.toString()).isEqualTo(n.get(strKey).asText());
        Requirement again = Requirement.parse(r.toString());
        assertThat(again).isEqualTo(r).hasSameHashCodeAs(r);
    }

    /** An oracle error record: message, and if given the full text and the span. */
    static void checkError(String input, JsonNode oracle) {
        Throwable t = catchThrowable(() -> Requirement.parse(input));
        assertThat(t).isInstanceOf(InvalidRequirementException.class);
        InvalidRequirementException e = (InvalidRequirementException) t;
        assertThat(e.reason()).isEqualTo(oracle.get("message").asText());
        assertThat(e.getMessage()).isEqualTo(oracle.has("detail") ? oracle.get("detail").asText() : oracle.get("message").asText());
        assertThat(e.positioned()).isEqualTo(oracle.has("span"));
        if (oracle.has("span")) {
            assertThat(e.start()).isEqualTo(oracle.at("/span/start").asInt());
            assertThat(e.end()).isEqualTo(oracle.at("/span/end").asInt());
        }
    }

    @TestFactory
    Stream<DynamicTest> basicValid() {
        List<JsonNode> cases = Corpus.list(R.at("/basic_valid/cases"));
        Corpus.count(FILE + "basic_valid", cases.size());
        return cases.stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> checkRecord(n, "oracle_str")));
    }

    @TestFactory
    Stream<DynamicTest> validOther() {
        Corpus.count(FILE + "valid_other", R.get("valid_other").size());
        return Corpus.list(R.get("valid_other")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> checkRecord(n, "str")));
    }

    @TestFactory
    Stream<DynamicTest> strRoundtrip() {
        Corpus.count(FILE + "str_roundtrip", R.get("str_roundtrip").size());
        return Corpus.list(R.get("str_roundtrip")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            Requirement r = Requirement.parse(n.get("input").asText());
            if (n.has("str")) {
                assertThat(r.toString()).isEqualTo(n.get("str").asText());
            } else {
                Requirement other = Requirement.parse(n.get("equals").asText());
                assertThat(r).isEqualTo(other).hasSameHashCodeAs(other);
                assertThat(r.toString()).isEqualTo(other.toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> equalPairs() {
        return pairs("equal_pairs", (a, b) -> {
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a.toString()).isEqualTo(b.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> equivalentPairsWithDifferentStr() {
        return pairs("equivalent_pairs_with_different_str", (a, b) -> {
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a.toString()).isNotEqualTo(b.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> differentPairs() {
        return pairs("different_pairs", (a, b) -> {
            assertThat(a).isNotEqualTo(b);
            assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
        });
    }

    private interface PairCheck {
        void check(Requirement a, Requirement b);
    }

    private static Stream<DynamicTest> pairs(String section, PairCheck check) {
        Corpus.count(FILE + section, R.get(section).size());
        return Corpus.list(R.get(section)).stream().map(n -> DynamicTest.dynamicTest(n.toString(),
                () -> check.check(Requirement.parse(n.get(0).asText()), Requirement.parse(n.get(1).asText()))));
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        List<JsonNode> cases = Corpus.list(R.at("/errors/cases"));
        Corpus.count(FILE + "errors", cases.size());
        return cases.stream().map(n -> DynamicTest.dynamicTest(n.get("source_test").asText() + " " + n.get("input").asText(), () -> {
            String input = n.get("input").asText();
            checkError(input, n.get("oracle"));
            JsonNode upstream = n.get("expected_exception_text");
            Throwable t = catchThrowable(() -> Requirement.parse(input));
            if (upstream.isTextual()) {
                assertThat("packaging.requirements.InvalidRequirement: " + t.getMessage()).isEqualTo(upstream.asText());
            } else if (upstream.isObject()) {
                assertThat(t.getMessage()).containsPattern(upstream.get("match").asText());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> specDerivedVectors() {
        JsonNode s = Corpus.json("specs/spec-derived-vectors.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (String section : List.of("pep-0508_grammar_test_strings", "pep-0508_inline_examples",
                "dependency-specifiers_grammar_test_strings", "dependency-specifiers_inline_examples")) {
            Corpus.count("spec-derived-vectors.json " + section, s.get(section).size());
            for (JsonNode n : s.get(section)) {
                tests.add(DynamicTest.dynamicTest(section + " " + n.get("input").asText(), () -> checkRecord(n, "str")));
            }
        }
        return tests.stream();
    }
}
