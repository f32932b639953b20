package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** pypa/packaging's marker vectors ({@code pypa-packaging/markers.json}), every section. */
class MarkerCorpusTest {
    private static final JsonNode M = Corpus.json("pypa-packaging/markers.json");
    private static final String FILE = "markers.json ";

    /** The three valid lists in the order the oracle's evaluation results follow. */
    private static List<String> validMarkers() {
        List<String> all = new ArrayList<>();
        for (String list : List.of("pep508", "pep345_legacy_dotted", "setuptools_legacy")) {
            all.addAll(Corpus.strings(M.at("/valid/" + list)));
        }
        return all;
    }

    /**
     * packaging's default environment for the cases that used it (environment null): the
     * corpus was generated on Linux with CPython 3.12, so its linux_cpython312 environment,
     * without "extra", which default_environment() does not define.
     */
    static MarkerEnvironment defaultEnvironment() {
        Map<String, String> values = new LinkedHashMap<>();
        M.at("/oracle_environments/linux_cpython312").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        values.remove("extra");
        return MarkerEnvironment.of(values);
    }

    @Test
    void variablesSectionGeneratesTheValidLists() {
        JsonNode v = M.get("variables");
        int n = 0;
        for (String list : List.of("pep508", "pep345_legacy_dotted", "setuptools_legacy")) {
            List<String> expected = new ArrayList<>();
            for (String variable : Corpus.strings(v.get(list))) {
                for (String op : Corpus.strings(v.get("operators"))) {
                    for (String value : Corpus.strings(v.get("values"))) {
                        expected.add(variable + " " + op + " " + Text.pyRepr(value));
                        expected.add(Text.pyRepr(value) + " " + op + " " + variable);
                    }
                }
            }
            assertThat(new LinkedHashSet<>(Corpus.strings(M.at("/valid/" + list)))).isEqualTo(new LinkedHashSet<>(expected));
            n += v.get(list).size();
        }
        Corpus.count(FILE + "variables", n);
    }

    @TestFactory
    Stream<DynamicTest> valid() {
        List<String> all = validMarkers();
        Corpus.count(FILE + "valid", all.size());
        return all.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            Marker m = Marker.parse(s);
            assertThat(Marker.parse(m.toString())).isEqualTo(m);
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalid() {
        Corpus.count(FILE + "invalid", M.get("invalid").size());
        return Corpus.strings(M.get("invalid")).stream().map(s -> DynamicTest.dynamicTest(s,
                () -> assertThatThrownBy(() -> Marker.parse(s)).isInstanceOf(InvalidMarkerException.class)));
    }

    @TestFactory
    Stream<DynamicTest> invalidWithExceptionText() {
        Corpus.count(FILE + "invalid_with_exception_text", M.get("invalid_with_exception_text").size());
        return Corpus.list(M.get("invalid_with_exception_text")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            Throwable t = catchThrowable(() -> Marker.parse(n.get("input").asText()));
            assertThat(t).isInstanceOf(InvalidMarkerException.class);
            assertThat("packaging.markers.InvalidMarker: " + t.getMessage()).isEqualTo(n.get("exception_text").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> trailingWhitespaceEqual() {
        Corpus.count(FILE + "trailing_whitespace_equal", M.get("trailing_whitespace_equal").size());
        return Corpus.list(M.get("trailing_whitespace_equal")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            Marker a = Marker.parse(n.get("input").asText());
            Marker b = Marker.parse(n.get("equals").asText());
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a.toString()).isEqualTo(b.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> strNormalization() {
        Corpus.count(FILE + "str_normalization", M.get("str_normalization").size());
        return Corpus.list(M.get("str_normalization")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            Marker m = Marker.parse(n.get("input").asText());
            assertThat(m.toString()).isEqualTo(n.get("str").asText());
            Marker again = Marker.parse(n.get("str").asText());
            assertThat(m).isEqualTo(again).hasSameHashCodeAs(again);
        }));
    }

    @TestFactory
    Stream<DynamicTest> notEqualPairs() {
        Corpus.count(FILE + "not_equal_pairs", M.get("not_equal_pairs").size());
        return Corpus.list(M.get("not_equal_pairs")).stream().map(n -> DynamicTest.dynamicTest(n.toString(), () -> {
            Marker a = Marker.parse(n.get(0).asText());
            Marker b = Marker.parse(n.get(1).asText());
            assertThat(a).isNotEqualTo(b);
            assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
        }));
    }

    @TestFactory
    Stream<DynamicTest> combineEqual() {
        Corpus.count(FILE + "combine_equal", M.get("combine_equal").size());
        return Corpus.list(M.get("combine_equal")).stream().map(n -> DynamicTest.dynamicTest(n.get("a").asText(), () -> {
            boolean and = n.has("b_and");
            BinaryOperator<Marker> combine = and ? Marker::and : Marker::or;
            Marker combined = Corpus.strings(n.get(and ? "b_and" : "b_or")).stream().map(Marker::parse).reduce(combine).orElseThrow();
            Marker a = Marker.parse(n.get("a").asText());
            assertThat(combined).isEqualTo(a).hasSameHashCodeAs(a);
            assertThat(combined.toString()).isEqualTo(n.get("oracle_str").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> evaluate() {
        Corpus.count(FILE + "evaluate", M.get("evaluate").size());
        return Corpus.list(M.get("evaluate")).stream().map(n -> DynamicTest.dynamicTest(n.get("marker").asText() + " " + n.get("environment"), () -> {
            Marker m = Marker.parse(n.get("marker").asText());
            // packaging lays the given values over its default environment.
            MarkerEnvironment env = n.get("environment").isNull() ? defaultEnvironment() : environment(defaultEnvironment(), n.get("environment"));
            Marker.Context context = n.has("context") ? Marker.Context.valueOf(n.get("context").asText().toUpperCase()) : Marker.Context.METADATA;
            JsonNode expected = n.get("expected");
            if (expected.isBoolean()) {
                assertThat(m.evaluate(env, context)).isEqualTo(expected.asBoolean());
            } else {
                assertThat(catchThrowable(() -> m.evaluate(env, context))).isInstanceOf(errorType(expected.get("error").asText()));
                if (expected.get("error").asText().equals("UndefinedEnvironmentName")) {
                    // The note says "same with context='requirement'".
                    assertThat(catchThrowable(() -> m.evaluate(env, Marker.Context.REQUIREMENT))).isInstanceOf(UndefinedEnvironmentNameException.class);
                }
            }
        }));
    }

    /** A corpus environment laid over {@code base}: strings, lists for sets, null for "extra = None". */
    private static MarkerEnvironment environment(MarkerEnvironment base, JsonNode node) {
        MarkerEnvironment env = base;
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isArray()) {
                env = env.withSet(e.getKey(), Set.copyOf(Corpus.strings(e.getValue())));
            } else {
                env = env.with(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        return env;
    }

    private static Class<? extends Throwable> errorType(String name) {
        return switch (name) {
            case "UndefinedComparison" -> UndefinedComparisonException.class;
            case "UndefinedEnvironmentName" -> UndefinedEnvironmentNameException.class;
            default -> throw new IllegalStateException("unknown error " + name);
        };
    }

    @TestFactory
    Stream<DynamicTest> oracleMarkerRecords() {
        Corpus.count(FILE + "oracle_marker_records", M.get("oracle_marker_records").size());
        return Corpus.list(M.get("oracle_marker_records")).stream().map(n -> DynamicTest.dynamicTest(n.get("input").asText(), () -> {
            String input = n.get("input").asText();
            if (n.get("valid").asBoolean()) {
                assertThat(Marker.parse(input).toString()).isEqualTo(n.get("str").asText());
                return;
            }
            Throwable t = catchThrowable(() -> Marker.parse(input));
            assertThat(t).isInstanceOf(InvalidMarkerException.class);
            InvalidMarkerException e = (InvalidMarkerException) t;
            assertThat(e.reason()).isEqualTo(n.get("message").asText());
            assertThat(e.getMessage()).isEqualTo(n.get("detail").asText());
            assertThat(e.start()).isEqualTo(n.at("/span/start").asInt());
            assertThat(e.end()).isEqualTo(n.at("/span/end").asInt());
        }));
    }

    @TestFactory
    Stream<DynamicTest> oracleEvaluateValidMarkers() {
        List<String> markers = validMarkers();
        List<DynamicTest> tests = new ArrayList<>();
        M.at("/oracle_evaluate_valid_markers/results").fields().forEachRemaining(e -> {
            MarkerEnvironment env = environment(MarkerEnvironment.empty(), M.at("/oracle_environments/" + e.getKey()));
            List<JsonNode> results = Corpus.list(e.getValue());
            assertThat(results).hasSameSizeAs(markers);
            for (int i = 0; i < markers.size(); i++) {
                String marker = markers.get(i);
                JsonNode expected = results.get(i);
                tests.add(DynamicTest.dynamicTest(e.getKey() + " " + marker, () -> {
                    Marker m = Marker.parse(marker);
                    if (expected.isBoolean()) {
                        assertThat(m.evaluate(env)).isEqualTo(expected.asBoolean());
                    } else {
                        Throwable t = catchThrowable(() -> m.evaluate(env));
                        assertThat(t).isInstanceOf(errorType(expected.get("error").asText()));
                        assertThat(t.getMessage()).isEqualTo(expected.get("message").asText());
                    }
                }));
            }
        });
        Corpus.count(FILE + "oracle_evaluate_valid_markers", tests.size());
        return tests.stream();
    }
}
