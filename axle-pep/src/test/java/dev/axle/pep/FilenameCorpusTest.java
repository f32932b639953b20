package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Wheel and sdist filenames: {@code pypa-packaging/utils.json}, packaging's answers for the
 * filename literals of uv's tests ({@code uv/rust-test-vectors.json}) and uv's parse snapshots.
 */
class FilenameCorpusTest {
    private static final JsonNode U = Corpus.json("pypa-packaging/utils.json");

    @TestFactory
    Stream<DynamicTest> parseWheelFilename() {
        Corpus.count("utils.json parse_wheel_filename", U.get("parse_wheel_filename").size());
        return Corpus.list(U.get("parse_wheel_filename")).stream().map(n -> {
            String filename = n.get("filename").asText();
            return DynamicTest.dynamicTest(filename, () -> assertWheel(WheelFilename.parse(filename), n));
        });
    }

    @TestFactory
    Stream<DynamicTest> parseWheelFilenameInvalid() {
        Corpus.count("utils.json parse_wheel_filename_invalid", U.get("parse_wheel_filename_invalid").size());
        return Corpus.strings(U.get("parse_wheel_filename_invalid")).stream().map(filename ->
                DynamicTest.dynamicTest(Text.pyRepr(filename), () -> assertThatThrownBy(() -> WheelFilename.parse(filename))
                        .isInstanceOf(InvalidWheelFilenameException.class)));
    }

    @TestFactory
    Stream<DynamicTest> parseWheelFilenameUnsortedTags() {
        JsonNode filenames = U.at("/parse_wheel_filename_unsorted_tags/filenames");
        Corpus.count("utils.json parse_wheel_filename_unsorted_tags", filenames.size());
        return Corpus.strings(filenames).stream().map(filename -> DynamicTest.dynamicTest(filename, () -> {
            WheelFilename wheel = WheelFilename.parse(filename);
            assertThat(wheel.tags()).isEqualTo(WheelFilename.parse(wheel.toString(), true).tags());
            String stem = filename.substring(0, filename.length() - 4);
            assertThatThrownBy(() -> WheelFilename.parse(filename, true))
                    .isInstanceOfSatisfying(InvalidWheelFilenameException.class, e -> assertThat(e.reason()).isEqualTo(
                            "Invalid wheel filename (compressed tag set components must be in sorted order per PEP 425): "
                                    + Text.pyRepr(stem)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> parseSdistFilename() {
        Corpus.count("utils.json parse_sdist_filename", U.get("parse_sdist_filename").size());
        return Corpus.list(U.get("parse_sdist_filename")).stream().map(n -> {
            String filename = n.get("filename").asText();
            return DynamicTest.dynamicTest(filename, () -> {
                SdistFilename sdist = SdistFilename.parse(filename);
                assertThat(sdist.name()).isEqualTo(n.get("name").asText());
                assertThat(sdist.version()).hasToString(n.get("version").asText());
                assertThat(SdistFilename.parse(sdist.toString())).isEqualTo(sdist);
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> parseSdistFilenameInvalid() {
        Corpus.count("utils.json parse_sdist_filename_invalid", U.get("parse_sdist_filename_invalid").size());
        return Corpus.strings(U.get("parse_sdist_filename_invalid")).stream().map(filename ->
                DynamicTest.dynamicTest(filename, () -> assertThatThrownBy(() -> SdistFilename.parse(filename))
                        .isInstanceOf(InvalidSdistFilenameException.class)));
    }

    /** Packaging's answer for each filename literal in uv's tests: parsed as a wheel, else as an sdist, else the wheel error. */
    @TestFactory
    Stream<DynamicTest> uvFilenameLiteralsWithPackagingOracle() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode file : Corpus.json("uv/rust-test-vectors.json").get("files")) {
            if (!"wheel".equals(file.path("oracle_kind").asText())) {
                continue;
            }
            for (JsonNode test : file.get("tests")) {
                for (Map.Entry<String, JsonNode> e : test.path("oracle").properties()) {
                    String filename = e.getKey();
                    JsonNode oracle = e.getValue();
                    tests.add(DynamicTest.dynamicTest(test.get("test").asText() + " " + Text.pyRepr(filename),
                            () -> checkAgainstOracle(filename, oracle)));
                }
            }
        }
        Corpus.count("uv rust-test-vectors wheel/sdist oracle", tests.size());
        return tests.stream();
    }

    private static void checkAgainstOracle(String filename, JsonNode oracle) {
        if (oracle.has("as_sdist_filename")) {
            assertThatThrownBy(() -> WheelFilename.parse(filename)).isInstanceOf(InvalidWheelFilenameException.class);
            SdistFilename sdist = SdistFilename.parse(filename);
            assertThat(sdist.name()).isEqualTo(oracle.at("/as_sdist_filename/name").asText());
            assertThat(sdist.version()).hasToString(oracle.at("/as_sdist_filename/version").asText());
            return;
        }
        JsonNode wheel = oracle.get("as_wheel_filename");
        if (wheel.has("error")) {
            assertThat(wheel.get("error").asText()).isEqualTo("InvalidWheelFilename");
            assertThatThrownBy(() -> WheelFilename.parse(filename)).isInstanceOfSatisfying(
                    InvalidWheelFilenameException.class, x -> assertThat(x.reason()).isEqualTo(wheel.get("message").asText()));
            assertThatThrownBy(() -> SdistFilename.parse(filename)).isInstanceOf(InvalidSdistFilenameException.class);
        } else {
            assertWheel(WheelFilename.parse(filename), wheel);
        }
    }

    private static void assertWheel(WheelFilename wheel, JsonNode expected) {
        assertThat(wheel.name()).isEqualTo(expected.get("name").asText());
        assertThat(wheel.version()).hasToString(expected.get("version").asText());
        JsonNode build = expected.get("build");
        if (build.isEmpty()) {
            assertThat(wheel.buildTag()).isEmpty();
        } else {
            assertThat(wheel.buildTag()).contains(new BuildTag(build.get(0).bigIntegerValue(), build.get(1).asText()));
        }
        assertThat(wheel.tags().stream().map(Tag::toString).sorted().toList()).isEqualTo(Corpus.strings(expected.get("tags")));
        // The canonical filename reads back as the same wheel.
        assertThat(WheelFilename.parse(wheel.toString(), true)).isEqualTo(wheel).hasToString(wheel.toString());
    }

    private static final Pattern EXPRESSION = Pattern.compile("expression: \"WheelFilename::from_str\\(\\\\\"(.*)\\\\\"\\)\"");
    private static final Pattern NAME = Pattern.compile("name: PackageName\\(\\s*\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("version: \"([^\"]*)\"");
    private static final Pattern BUILD = Pattern.compile("BuildTag\\(\\s*(\\d+),\\s*(None|Some\\(\\s*\"([^\"]*)\")");

    /** uv's snapshots of {@code WheelFilename::from_str}: uv and packaging agree on these. */
    @TestFactory
    Stream<DynamicTest> uvWheelFilenameSnapshots() throws IOException {
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(Corpus.path("uv/distribution-filename-snapshots"))) {
            snapshots = files.filter(p -> p.toString().endsWith(".snap")).sorted().toList();
        }
        Corpus.count("uv distribution-filename-snapshots", snapshots.size());
        return snapshots.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = read(p);
            WheelFilename wheel = WheelFilename.parse(group(EXPRESSION, text, 1));
            assertThat(wheel.name()).isEqualTo(group(NAME, text, 1));
            assertThat(wheel.version()).hasToString(group(VERSION, text, 1));
            Matcher build = BUILD.matcher(text);
            if (build.find()) {
                String suffix = build.group(3) == null ? "" : build.group(3);
                assertThat(wheel.buildTag()).contains(new BuildTag(new BigInteger(build.group(1)), suffix));
            } else {
                assertThat(wheel.buildTag()).isEmpty();
            }
        }));
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in snapshot", pattern).isTrue();
        return m.group(group);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void canonicalFilenamesAndOddCorners() {
        WheelFilename wheel = WheelFilename.parse("Foo.Bar-1.0.0-0042x-py3.py2-none-any.whl");
        assertThat(wheel).hasToString("foo_bar-1.0.0-42x-py2.py3-none-any.whl");
        assertThat(wheel.buildTag()).contains(new BuildTag(BigInteger.valueOf(42), "x"));
        // packaging's build tag regex stops the suffix at a line break.
        assertThat(WheelFilename.parse("a-1-7a\nb-py3-none-any.whl").buildTag()).contains(new BuildTag(BigInteger.valueOf(7), "a"));
        assertThat(WheelFilename.parse("a- 1.0 -py3-none-any.whl").version()).hasToString("1.0");
        assertThat(new BuildTag(BigInteger.TWO, "a")).isGreaterThan(new BuildTag(BigInteger.ONE, "z"))
                .isLessThan(new BuildTag(BigInteger.TWO, "b"));
        assertThatThrownBy(() -> WheelFilename.parse("foo-1.0-py3-none-any.whl.zip")).hasMessage(
                "Invalid wheel filename (extension must be '.whl'): 'foo-1.0-py3-none-any.whl.zip'\n"
                        + "    foo-1.0-py3-none-any.whl.zip\n" + "    " + " ".repeat(28) + "^");
        assertThatThrownBy(() -> WheelFilename.parse("foo-1.x-py3-none-any.whl")).hasMessage(
                "Invalid wheel filename (invalid version): 'foo-1.x-py3-none-any'\n"
                        + "    foo-1.x-py3-none-any.whl\n" + "        ~~^");
        assertThatThrownBy(() -> WheelFilename.parse(null)).isInstanceOf(InvalidWheelFilenameException.class);
        assertThatThrownBy(() -> SdistFilename.parse(null)).isInstanceOf(InvalidSdistFilenameException.class);
        SdistFilename sdist = SdistFilename.parse("Foo.Bar-1.0.0.zip");
        assertThat(sdist).hasToString("foo_bar-1.0.0.zip");
        assertThat(sdist.format()).isEqualTo(SdistFilename.Format.ZIP);
        Corpus.count("filenames: own cases", 12);
    }
}
