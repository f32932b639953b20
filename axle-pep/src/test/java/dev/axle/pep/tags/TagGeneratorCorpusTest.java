package dev.axle.pep.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Corpus;
import dev.axle.pep.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Packaging's tag generators with explicit arguments: {@code pypa-packaging/tags.json}. */
class TagGeneratorCorpusTest {
    private static final JsonNode T = Corpus.json("pypa-packaging/tags.json");

    static PythonVersion version(JsonNode components) {
        return components.size() == 1 ? PythonVersion.of(components.get(0).asInt())
                : PythonVersion.of(components.get(0).asInt(), components.get(1).asInt());
    }

    static List<String> strings(List<Tag> tags) {
        return tags.stream().map(Tag::toString).toList();
    }

    @TestFactory
    Stream<DynamicTest> cpythonTags() {
        JsonNode cases = T.at("/generators/cpython_tags");
        Corpus.count("tags.json generators cpython_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("python_version") + " "
                + n.get("abis") + " " + n.get("platforms"), () -> {
            PythonVersion v = version(n.get("python_version"));
            List<String> abis;
            if (n.get("abis").isNull()) {
                // packaging: abis=None gives no specific ABI for a major-only version.
                assertThat(v.hasMinor()).isFalse();
                abis = List.of();
            } else {
                abis = Corpus.strings(n.get("abis"));
            }
            assertThat(strings(CompatibilityTags.cpython(v, abis, Corpus.strings(n.get("platforms")))))
                    .isEqualTo(Corpus.strings(n.get("tags")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> genericTags() {
        JsonNode cases = T.at("/generators/generic_tags");
        Corpus.count("tags.json generators generic_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("interpreter").asText() + " "
                + n.get("abis") + " " + n.get("platforms"), () -> assertThat(strings(CompatibilityTags.generic(
                        n.get("interpreter").asText(), Corpus.strings(n.get("abis")), Corpus.strings(n.get("platforms")))))
                .isEqualTo(Corpus.strings(n.get("tags")))));
    }

    @TestFactory
    Stream<DynamicTest> compatibleTags() {
        JsonNode cases = T.at("/generators/compatible_tags");
        Corpus.count("tags.json generators compatible_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("python_version") + " "
                + n.get("interpreter") + " " + n.get("platforms"), () -> {
            String interpreter = n.get("interpreter").isNull() ? null : n.get("interpreter").asText();
            assertThat(strings(CompatibilityTags.compatible(version(n.get("python_version")), interpreter,
                    Corpus.strings(n.get("platforms"))))).isEqualTo(Corpus.strings(n.get("tags")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> purePythonTags() {
        JsonNode cases = T.at("/generators/pure_python_tags");
        Corpus.count("tags.json generators pure_python_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("python_version").toString(),
                () -> assertThat(strings(CompatibilityTags.purePython(version(n.get("python_version")))))
                        .isEqualTo(Corpus.strings(n.get("tags")))));
    }

    @TestFactory
    Stream<DynamicTest> interpreterVersionFromVersionInfo() {
        JsonNode cases = T.get("interpreter_version_from_version_info");
        Corpus.count("tags.json interpreter_version_from_version_info", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("version_info").toString(), () -> {
            JsonNode info = n.get("version_info");
            String text = info.get(0).asText() + "." + info.get(1).asText() + "." + info.get(2).asText();
            assertThat(PythonVersion.parse(text).nodot()).isEqualTo(n.get("interpreter_version").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> interpreterShortNames() {
        JsonNode cases = T.get("interpreter_short_names");
        Corpus.count("tags.json interpreter_short_names", cases.size());
        // The upstream test lower-cases the name before setting sys.implementation.name, as Python reports it.
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("implementation_name").asText(),
                () -> assertThat(Interpreter.shortName(n.get("implementation_name").asText().toLowerCase(java.util.Locale.ROOT)))
                        .isEqualTo(n.get("interpreter_name").asText())));
    }

    @Test
    void cpythonAbisFollowTheBuild() {
        List<String> seen = new ArrayList<>();
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 7), true, false, false, false));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 8), true, false, true, true));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 7), false, false, true, true));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 2), false, false, false, true));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 12), false, true, true, true));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 13), true, true, true, true));
        seen.addAll(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 14), false));
        // Upstream TestCPythonABI expectations (debug, pymalloc, wide unicode, free-threading).
        assertThat(seen).containsExactly("cp37d", "cp38d", "cp38", "cp37m", "cp32u", "cp312", "cp313td", "cp313t",
                "cp314");
        assertThat(CompatibilityTags.cpythonAbis(PythonVersion.of(3, 3), false, false, false, true)).containsExactly("cp33");
        assertThat(PythonVersion.parse("3.12")).hasToString("3.12").isEqualTo(PythonVersion.of(3, 12));
        assertThat(PythonVersion.of(3)).isLessThan(PythonVersion.of(3, 0));
        Corpus.count("tags: own cases", 4);
    }
}
