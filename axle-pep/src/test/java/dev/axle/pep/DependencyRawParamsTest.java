package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parametrized cases of packaging's test_markers.py / test_requirements.py
 * ({@code pypa-packaging/raw_params.json}) that markers.json and requirements.json do not
 * already carry with their meaning, and the 26.3 oracle differences.
 */
class DependencyRawParamsTest {
    private static final JsonNode RAW = Corpus.json("pypa-packaging/raw_params.json");

    private static List<JsonNode> cases(String file, String test) {
        for (JsonNode t : RAW.get(file)) {
            if (t.get("test").asText().equals(test)) {
                return Corpus.list(t.get("cases"));
            }
        }
        throw new IllegalStateException("no " + test + " in " + file);
    }

    private static Stream<DynamicTest> run(String file, String test, Consumer<JsonNode> check) {
        List<JsonNode> cases = cases(file, test);
        Corpus.count("raw_params.json " + test, cases.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(test + " " + c.get("params"), () -> check.accept(c.get("params"))));
        }
        return tests.stream();
    }

    /** A quoted value is written with double quotes unless it contains one. */
    @TestFactory
    Stream<DynamicTest> valueSerializeChoosesQuoteDelimiter() {
        return run("tests/test_markers.py", "TestNode::test_value_serialize_chooses_quote_delimiter", p -> {
            Marker m = Marker.parse("os_name == " + Text.pyRepr(p.get("value").asText()));
            assertThat(m.toString()).isEqualTo("os_name == " + p.get("expected").asText());
        });
    }

    /** Pickling is by the string form: it must parse back to an equal marker. */
    @TestFactory
    Stream<DynamicTest> markerStringRoundTrip() {
        return run("tests/test_markers.py", "test_pickle_marker_roundtrip", p -> {
            Marker m = Marker.parse(p.get("marker_str").asText());
            assertThat(Marker.parse(m.toString())).isEqualTo(m).hasSameHashCodeAs(m);
            assertThat(m.toString()).isEqualTo(p.get("marker_str").asText());
        });
    }

    /** Pickling is by the string form: it must parse back to an equal requirement. */
    @TestFactory
    Stream<DynamicTest> requirementStringRoundTrip() {
        return run("tests/test_requirements.py", "test_pickle_requirement_roundtrip", p -> {
            Requirement r = Requirement.parse(p.get("req_str").asText());
            Requirement again = Requirement.parse(r.toString());
            assertThat(again).isEqualTo(r).hasSameHashCodeAs(r);
            assertThat(again.toString()).isEqualTo(r.toString());
        });
    }

    /** packaging 26.3 differs from the corpus oracle nowhere in markers or requirements. */
    @Test
    void oracleDiffsOf26Point3HaveNoMarkerOrRequirementSection() {
        JsonNode diffs = Corpus.json("pypa-packaging/oracle-diffs/packaging-26.3.json");
        List<String> sections = new ArrayList<>();
        diffs.get("n_differences").fieldNames().forEachRemaining(sections::add);
        assertThat(sections).noneMatch(s -> s.startsWith("marker") || s.startsWith("requirement"));
        Corpus.count("oracle-diffs/packaging-26.3.json sections checked", sections.size());
    }
}
