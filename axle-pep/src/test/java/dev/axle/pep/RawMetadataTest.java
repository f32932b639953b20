package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing the email-header form, after packaging's {@code TestRawMetadata}. */
class RawMetadataTest {

    @TestFactory
    Stream<DynamicTest> singleUseFieldsOnceAndRepeated() {
        return Arrays.stream(MetadataField.values()).filter(f -> f.kind() == MetadataField.Kind.SINGLE)
                .map(f -> DynamicTest.dynamicTest(f.fieldName(), () -> {
                    RawMetadata once = RawMetadata.parseEmail(f.fieldName() + ": VaLuE");
                    assertThat(once.unparsed()).isEmpty();
                    assertThat(once.fields()).containsExactly(f);
                    assertThat(once.string(f)).hasValue("VaLuE");

                    RawMetadata twice = RawMetadata.parseEmail(f.fieldName() + ": VaLuE\n" + f.fieldName() + ": VaLuE");
                    assertThat(twice.fields()).isEmpty();
                    assertThat(twice.unparsed()).isEqualTo(Map.of(f.lowerName(), List.of("VaLuE", "VaLuE")));
                }));
    }

    @TestFactory
    Stream<DynamicTest> multipleUseFieldsOnceAndRepeated() {
        return Arrays.stream(MetadataField.values()).filter(f -> f.kind() == MetadataField.Kind.MULTI)
                .map(f -> DynamicTest.dynamicTest(f.fieldName(), () -> {
                    assertThat(RawMetadata.parseEmail(f.fieldName() + ": VaLuE").list(f)).hasValue(List.of("VaLuE"));
                    RawMetadata twice = RawMetadata.parseEmail(f.fieldName() + ": VaLuE\n" + f.fieldName() + ": VaLuE");
                    assertThat(twice.unparsed()).isEmpty();
                    assertThat(twice.list(f)).hasValue(List.of("VaLuE", "VaLuE"));
                }));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A|A", "'A '|A", "' A'|A", "A, B|A;B", "A,B|A;B", "' A, B'|A;B", "'A,B '|A;B", "A B|A B", "a,,b|a;;b"})
    void keywordsAreSplitAtCommas(String given, String expected) {
        RawMetadata raw = RawMetadata.parseEmail("Keywords: " + given);
        assertThat(raw.list(MetadataField.KEYWORDS)).hasValue(List.of(expected.split(";", -1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|''|''", "A|A|''", "A,B|A|B", "A, B|A|B", "' A,B'|A|B", "'A,B '|A|B", "A,B,C|A|'B,C'"})
    void projectUrlsAreSplitAtTheFirstComma(String given, String label, String url) {
        RawMetadata raw = RawMetadata.parseEmail("project-url: " + given);
        assertThat(raw.unparsed()).isEmpty();
        assertThat(raw.projectUrls()).hasValue(Map.of(label, url));
    }

    @Test
    void aRepeatedProjectUrlLabelIsUnparsed() {
        RawMetadata raw = RawMetadata.parseEmail("project-url: A, B\nproject-url: A, C");
        assertThat(raw.fields()).isEmpty();
        assertThat(raw.unparsed()).isEqualTo(Map.of("project-url", List.of("A, B", "A, C")));
    }

    @Test
    void textAndUtf8BytesReadAlike() {
        assertThat(RawMetadata.parseEmail("author: Tarek Ziad\u00e9").string(MetadataField.AUTHOR))
                .hasValue("Tarek Ziad\u00e9");
        assertThat(RawMetadata.parseEmail("author: Tarek Ziad\u00e9".getBytes(StandardCharsets.UTF_8))
                .string(MetadataField.AUTHOR)).hasValue("Tarek Ziad\u00e9");
    }

    @Test
    void valuesThatAreNotUtf8AreUnparsedAsLatin1() {
        RawMetadata raw = RawMetadata.parseEmail("value: \u00c0msterdam".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(raw.fields()).isEmpty();
        assertThat(raw.unparsed()).isEqualTo(Map.of("value", List.of("\u00c0msterdam")));

        RawMetadata body = RawMetadata.parseEmail("\u00c0msterdam".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(body.unparsed()).isEqualTo(Map.of("description", List.of("\u00c0msterdam")));
    }

    @Test
    void theDescriptionIsTheBodyOrTheHeader() {
        for (String given : List.of("hello", "description: hello")) {
            assertThat(RawMetadata.parseEmail(given).string(MetadataField.DESCRIPTION)).hasValue("hello");
        }
        assertThat(RawMetadata.parseEmail("hello".getBytes(StandardCharsets.UTF_8))
                .string(MetadataField.DESCRIPTION)).hasValue("hello");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'description: 1\ndescription: 2'|1;2",
        "'description: 1\n\n2'|1;2",
        "'description: 1\ndescription: 2\n\n3'|1;2;3"})
    void aDescriptionGivenTwiceIsUnparsed(String given, String expected) {
        RawMetadata raw = RawMetadata.parseEmail(given);
        assertThat(raw.fields()).isEmpty();
        assertThat(raw.unparsed()).isEqualTo(Map.of("description", List.of(expected.split(";"))));
    }

    @Test
    void fieldNamesIgnoreCaseAndUnknownFieldsAreKept() {
        RawMetadata raw = RawMetadata.parseEmail("AUTHOR: Tarek Ziad\u00e9\nWhatever: Else");
        assertThat(raw.fields()).containsExactly(MetadataField.AUTHOR);
        assertThat(raw.unparsed()).isEqualTo(Map.of("whatever", List.of("Else")));
    }

    /** How Python's email parser splits headers from the body, which packaging inherits. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // input | Name | Version | description
        "'Name:\tfoo  '|'foo  '||",
        "'Name: foo\r\nVersion: 1\r\n\r\nbody\r\n'|foo|1|'body\r\n'",
        "'Name: a\n b\n\tc\nVersion: 1'|'a\n b\n\tc'|1|",
        "' cont\nName: x'|x||",
        "'From nobody\nName: x'|x||",
        "'Name: x\nFrom y\n\nbody'|x||'From y\nbody'",
        "'Name: x\nFrom y\nVersion: 1\n'|x|1|",
        "'Name x\nVersion: 1'|||'Name x\nVersion: 1'",
        "'Name : x'|||'Name : x'",
        "':x\nName: y'|y||",
        "'Name: x\n\n\n'|x||'\n'",
        "'Name: x\nbody here\nmore'|x||'body here\nmore'",
        "'Name: x\rVersion: 1\r\rbody'|x|1|body",
        "'Name: a\n\fVersion: 1'|a||'\fVersion: 1'",
        "'Name: a\u000bb\u2028c'|'a\u000bb\u2028c'||",
        "'\nName: x'|||'Name: x'",
    })
    void headersEndWhereThePythonEmailParserEndsThem(String input, String name, String version, String body) {
        RawMetadata raw = RawMetadata.parseEmail(input);
        assertThat(raw.string(MetadataField.NAME).orElse(null)).isEqualTo(name);
        assertThat(raw.string(MetadataField.VERSION).orElse(null)).isEqualTo(version);
        assertThat(raw.string(MetadataField.DESCRIPTION).orElse(null)).isEqualTo(body);
        assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
    }

    @Test
    void anEmptyImportNameMeansNoneButOtherEmptyFieldsAreEmptyStrings() {
        assertThat(RawMetadata.parseEmail("Import-Name:").list(MetadataField.IMPORT_NAME)).hasValue(List.of());
        assertThat(RawMetadata.parseEmail("Import-Namespace:").list(MetadataField.IMPORT_NAMESPACE))
                .hasValue(List.of(""));
        assertThat(RawMetadata.parseEmail("Import-Name:\nImport-Name: x").list(MetadataField.IMPORT_NAME))
                .hasValue(List.of("", "x"));
        assertThat(RawMetadata.parseEmail("Keywords: ").list(MetadataField.KEYWORDS)).hasValue(List.of(""));
        assertThat(RawMetadata.builder().set(MetadataField.IMPORT_NAME, List.of()).build().toEmail())
                .isEqualTo("Import-Name: \n\n");
    }

    @Test
    void writingIndentsContinuationLinesOnlyWhereNeeded() {
        RawMetadata raw = RawMetadata.builder()
                .set(MetadataField.AUTHOR, "already\n        indented")
                .set(MetadataField.LICENSE, "first\nsecond\r\nthird")
                .set(MetadataField.SUMMARY, "")
                .set(MetadataField.KEYWORDS, List.of("a", "b c"))
                .projectUrls(Map.of("", ""))
                .build();
        assertThat(raw.toEmail()).isEqualTo("""
                Summary:\s
                Keywords: a,b c
                Author: already
                        indented
                License: first
                         second\r
                         third
                Project-URL: ,\s

                """);
        RawMetadata read = RawMetadata.parseEmail(raw.toEmail());
        assertThat(read.string(MetadataField.AUTHOR)).hasValue("already\n        indented");
        assertThat(read.string(MetadataField.LICENSE)).hasValue("first\n         second\r\n         third");
    }

    @Test
    void anEmptyDescriptionIsWrittenAsAHeaderSoThatItReadsBack() {
        RawMetadata raw = RawMetadata.builder().set(MetadataField.DESCRIPTION, "").build();
        assertThat(raw.toEmail()).isEqualTo("Description: \n\n");
        assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
    }

    @Test
    void unparsedFieldsAreWrittenBackAfterTheKnownOnes() {
        RawMetadata raw = RawMetadata.parseEmail("Name: a\nName: b\nX-Thing: 1\nDescription: d\n\nbody");
        assertThat(raw.toEmail()).isEqualTo("Name: a\nName: b\nx-thing: 1\nDescription: d\n\nbody");
        assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
    }

    @Test
    void theBuilderChecksKindsAndNames() {
        assertThatThrownBy(() -> RawMetadata.builder().set(MetadataField.NAME, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawMetadata.builder().set(MetadataField.CLASSIFIER, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawMetadata.builder().unparsed("Bad Name", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawMetadata.builder().build().string(MetadataField.KEYWORDS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void megabyteInputsParseInLinearTime() {
        String big = "Name: x\nVersion: 1\n" + "Classifier: Topic :: Software Development\n".repeat(50_000)
                + "\n" + "body line\n".repeat(100_000);
        long start = System.nanoTime();
        RawMetadata raw = RawMetadata.parseEmail(big);
        assertThat(raw.list(MetadataField.CLASSIFIER).orElseThrow()).hasSize(50_000);
        assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
