package dev.axle.pep.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Corpus;
import dev.axle.pep.Tag;
import dev.axle.pep.WheelFilename;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Whole {@code sys_tags()} orderings and wheel selection: {@code pypa-packaging/tags.json}. */
class SupportedTagsCorpusTest {
    private static final JsonNode T = Corpus.json("pypa-packaging/tags.json");

    /** The interpreters the corpus simulated, as described by each record's label. */
    private static final Map<String, Interpreter> DESCRIBED = Map.of(
            "CPython 3.12, Linux x86_64, glibc 2.35",
            Interpreter.cpython(PythonVersion.of(3, 12), false, new Linux("x86_64", Libc.glibc(2, 35))),
            "CPython 3.13 free-threaded, Linux aarch64, glibc 2.28",
            Interpreter.cpython(PythonVersion.of(3, 13), true, new Linux("aarch64", Libc.glibc(2, 28))),
            "CPython 3.8, Linux x86_64, glibc 2.17",
            Interpreter.cpython(PythonVersion.of(3, 8), false, new Linux("x86_64", Libc.glibc(2, 17))),
            "CPython 3.11, musllinux 1.2 x86_64",
            Interpreter.cpython(PythonVersion.of(3, 11), false, new Linux("x86_64", Libc.musl(1, 2))),
            "CPython 3.12, macOS 14 arm64",
            Interpreter.cpython(PythonVersion.of(3, 12), false, new MacOS(14, 0, "arm64")),
            "CPython 3.9, macOS 10.15 x86_64",
            Interpreter.cpython(PythonVersion.of(3, 9), false, new MacOS(10, 15, "x86_64")),
            "CPython 3.11, Windows amd64",
            Interpreter.cpython(PythonVersion.of(3, 11), false, new Windows("amd64")),
            "PyPy 3.10 (pp73), Linux x86_64, glibc 2.31",
            Interpreter.pypy(PythonVersion.of(3, 10), "pypy310_pp73", new Linux("x86_64", Libc.glibc(2, 31))));

    @TestFactory
    Stream<DynamicTest> sysTagsSimulated() {
        JsonNode cases = T.get("sys_tags_simulated");
        Corpus.count("tags.json sys_tags_simulated", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("label").asText(), () -> {
            PythonVersion v = TagGeneratorCorpusTest.version(n.get("python_version"));
            List<String> abis = Corpus.strings(n.get("abis"));
            List<String> platforms = Corpus.strings(n.get("platforms"));
            List<String> expected = Corpus.strings(n.get("sys_tags"));
            SupportedTags fromRecord = SupportedTags.of(n.get("interpreter_name").asText(), v, abis, platforms);
            assertThat(TagGeneratorCorpusTest.strings(fromRecord.tags())).isEqualTo(expected);
            Interpreter described = DESCRIBED.get(n.get("label").asText());
            assertThat(described).as("description for %s", n.get("label")).isNotNull();
            assertThat(described.name()).isEqualTo(n.get("interpreter_name").asText());
            assertThat(described.abis()).isEqualTo(abis);
            assertThat(described.platform().platformTags()).isEqualTo(platforms);
            assertThat(described.supportedTags()).isEqualTo(fromRecord);
        }));
    }

    @TestFactory
    Stream<DynamicTest> compatibleTagsSelector() {
        JsonNode cases = T.get("compatible_tags_selector");
        Corpus.count("tags.json compatible_tags_selector", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("supported") + " " + n.get("things"), () -> {
            SupportedTags supported = SupportedTags.of(Corpus.strings(n.get("supported")).stream()
                    .map(t -> new Tag("py3", "none", t)).toList());
            List<String> selected = supported.select(Corpus.strings(n.get("things")), t -> Tag.parse("py3-none-" + t));
            assertThat(selected).isEqualTo(Corpus.strings(n.get("expected")));
        }));
    }

    @Test
    void choosingAmongWheels() {
        SupportedTags supported = DESCRIBED.get("CPython 3.12, Linux x86_64, glibc 2.35").supportedTags();
        List<String> wheels = List.of("numpy-2.0-cp312-cp312-musllinux_1_2_x86_64.whl", "numpy-2.0-py3-none-any.whl",
                "numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "numpy-2.0-cp312-cp312-linux_x86_64.whl", "numpy-2.0-cp311-cp311-manylinux_2_17_x86_64.whl");
        assertThat(supported.select(wheels, w -> WheelFilename.parse(w).tags())).containsExactly(
                "numpy-2.0-cp312-cp312-linux_x86_64.whl",
                "numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy-2.0-py3-none-any.whl");
        assertThat(supported.rank(new Tag("cp312", "cp312", "linux_x86_64"))).hasValue(0);
        assertThat(supported.isCompatible(List.of(new Tag("cp311", "cp311", "linux_x86_64")))).isFalse();
        // A huge compressed set is matched against the supported list without being expanded.
        String many = String.join(".", java.util.stream.IntStream.range(0, 50_000).mapToObj(i -> "x" + i).toList());
        assertThat(supported.bestRank(Tag.parse(many + ".py3-" + many + ".none-" + many + ".any"))).isPresent();
        Corpus.count("tags: own cases", 5);
    }
}
