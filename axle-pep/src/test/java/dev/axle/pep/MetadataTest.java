package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation rules and messages, after packaging's {@code TestMetadata}. */
class MetadataTest {
    private static final String MINIMAL = "Metadata-Version: 2.5\nName: packaging\nVersion: 2023.0.0\n";

    private static List<String> problems(String email) {
        InvalidMetadataException e = catchThrowableOfType(InvalidMetadataException.class, () -> Metadata.fromEmail(email));
        assertThat(e).as("no problem in %s", email).isNotNull();
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    private static List<String> problemsWith(String field, String value) {
        return problems(MINIMAL + field + ": " + value + "\n");
    }

    private static Metadata valid(String fields) {
        return Metadata.fromEmail(MINIMAL + fields);
    }

    @Test
    void requiredFieldsAreReportedTogether() {
        assertThat(problems("Summary: nothing else")).containsExactly(
                "metadata-version: None is not a valid metadata version",
                "name: 'name' is a required field",
                "version: 'version' is a required field");
        assertThat(problems("Metadata-Version: 2.5\nName: \nVersion: -----")).containsExactly(
                "name: 'name' is a required field",
                "version: '-----' is invalid for 'version'");
    }

    @Test
    void aRequiredFieldGivenTwiceIsReportedOnceAsInvalidData() {
        assertThat(problems("Metadata-Version: 2.5\nName: a\nName: b\nVersion: 1")).containsExactly(
                "name: 'name' has invalid data");
        assertThat(problems("Hello: PyPA\n" + MINIMAL)).containsExactly("hello: unrecognized field: 'hello'");
    }

    @Test
    void everyProblemIsCollected() {
        InvalidMetadataException e = catchThrowableOfType(InvalidMetadataException.class, () -> Metadata.fromEmail("""
                Metadata-Version: 2.1
                Name: -bad
                Version: 1.0
                Summary: two
                  lines
                Dynamic: Keywords
                Provides-Extra: ok
                Provides-Extra: _bad
                License-Expression: MIT
                Import-Name: x
                Surprise: !
                """));
        assertThat(e.summary()).hasValue("invalid or unparsed metadata");
        assertThat(e.problems()).extracting(InvalidMetadataException.Problem::field).containsExactly(
                "surprise", "name", "dynamic", "summary", "license-expression", "provides-extra", "import-name");
        assertThat(e).hasMessage("""
                invalid or unparsed metadata (7 problems):
                  unrecognized field: 'surprise'
                  '-bad' is invalid for 'name'
                  dynamic introduced in metadata version 2.2, not 2.1
                  'summary' must be a single line
                  license-expression introduced in metadata version 2.4, not 2.1
                  '_bad' is invalid for 'provides-extra'
                  import-name introduced in metadata version 2.5, not 2.1""");
        assertThat(e.problems().get(1).cause()).isPresent();
    }

    @Test
    void metadataVersions() {
        for (String v : List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6")) {
            assertThat(Metadata.fromEmail("Metadata-Version: " + v + "\nName: a\nVersion: 1").metadataVersion())
                    .isEqualTo(v);
        }
        for (String v : List.of("1.3", "2.0", "2.7", "3.0", "2.1 ", "v2.1")) {
            assertThat(problems("Metadata-Version: " + v + "\nName: a\nVersion: 1"))
                    .containsExactly("metadata-version: " + Text.pyRepr(v) + " is not a valid metadata version");
        }
    }

    /** The version of the core metadata specification that introduced each field. */
    @Test
    void fieldsAreRefusedUnderOlderMetadataVersions() {
        Map<MetadataField, String> added = new LinkedHashMap<>();
        for (MetadataField f : List.of(MetadataField.PLATFORM, MetadataField.SUMMARY, MetadataField.DESCRIPTION,
                MetadataField.KEYWORDS, MetadataField.HOME_PAGE, MetadataField.AUTHOR, MetadataField.AUTHOR_EMAIL,
                MetadataField.LICENSE)) {
            added.put(f, "1.0");
        }
        for (MetadataField f : List.of(MetadataField.SUPPORTED_PLATFORM, MetadataField.DOWNLOAD_URL,
                MetadataField.CLASSIFIER, MetadataField.REQUIRES, MetadataField.PROVIDES, MetadataField.OBSOLETES)) {
            added.put(f, "1.1");
        }
        for (MetadataField f : List.of(MetadataField.MAINTAINER, MetadataField.MAINTAINER_EMAIL,
                MetadataField.REQUIRES_DIST, MetadataField.REQUIRES_PYTHON, MetadataField.REQUIRES_EXTERNAL,
                MetadataField.PROJECT_URL, MetadataField.PROVIDES_DIST, MetadataField.OBSOLETES_DIST)) {
            added.put(f, "1.2");
        }
        added.put(MetadataField.DESCRIPTION_CONTENT_TYPE, "2.1");
        added.put(MetadataField.PROVIDES_EXTRA, "2.1");
        added.put(MetadataField.DYNAMIC, "2.2");
        added.put(MetadataField.LICENSE_EXPRESSION, "2.4");
        added.put(MetadataField.LICENSE_FILE, "2.4");
        added.put(MetadataField.IMPORT_NAME, "2.5");
        added.put(MetadataField.IMPORT_NAMESPACE, "2.5");
        Map<MetadataField, String> sample = Map.of(MetadataField.DESCRIPTION_CONTENT_TYPE, "text/plain",
                MetadataField.DYNAMIC, "Keywords", MetadataField.LICENSE_EXPRESSION, "MIT",
                MetadataField.PROJECT_URL, "Home, https://example.com", MetadataField.REQUIRES_PYTHON, ">=3");
        List<String> versions = MetadataField.METADATA_VERSIONS;
        int cases = 0;
        for (Map.Entry<MetadataField, String> e : added.entrySet()) {
            MetadataField field = e.getKey();
            assertThat(field.added()).as(field.fieldName()).isEqualTo(e.getValue());
            String line = field.fieldName() + ": " + sample.getOrDefault(field, "x") + "\n";
            for (String mv : versions) {
                String doc = "Metadata-Version: " + mv + "\nName: a\nVersion: 1\n" + line;
                if (versions.indexOf(mv) >= versions.indexOf(field.added())) {
                    assertThat(Metadata.fromEmail(doc).has(field)).isTrue();
                } else {
                    assertThat(problems(doc)).containsExactly(field.lowerName() + ": " + field.lowerName()
                            + " introduced in metadata version " + field.added() + ", not " + mv);
                }
                cases++;
            }
        }
        assertThat(added).hasSize(MetadataField.values().length - 3);
        Corpus.count("MetadataTest field x metadata version", cases);
    }

    @Test
    void nameAndVersion() {
        assertThat(Metadata.fromEmail("Metadata-Version: 2.1\nName: Hello_World\nVersion: 1.0.0-ALPHA1").name())
                .isEqualTo("Hello_World");
        assertThat(Metadata.fromEmail("Metadata-Version: 2.1\nName: a\nVersion: 1.0.0-ALPHA1").version())
                .hasToString("1.0.0a1");
        assertThat(problems("Metadata-Version: 2.1\nName: -not-legal\nVersion: a.b.c")).containsExactly(
                "name: '-not-legal' is invalid for 'name'", "version: 'a.b.c' is invalid for 'version'");
        InvalidMetadataException e = catchThrowableOfType(InvalidMetadataException.class,
                () -> Metadata.fromEmail("Metadata-Version: 2.1\nName: a\nVersion: a.b.c"));
        assertThat(e.problems().get(0).cause()).containsInstanceOf(InvalidVersionException.class);
    }

    @Test
    void requiresDistAndRequiresPythonAreParsed() {
        Metadata m = valid("Requires-Dist: pkginfo\nRequires-Dist: zope.interface (>3.5.0)\n"
                + "Requires-Dist: pywin32 >1.0; sys_platform == 'win32'\nRequires-Python: >2.6,!=3.0.*,!=3.1.*\n");
        assertThat(m.requiresDist()).extracting(Requirement::toString)
                .containsExactly("pkginfo", "zope.interface>3.5.0", "pywin32>1.0; sys_platform == \"win32\"");
        assertThat(m.requiresPython()).hasValue(SpecifierSet.parse("!=3.0.*,!=3.1.*,>2.6"));
        InvalidMetadataException e = catchThrowableOfType(InvalidMetadataException.class, () -> valid(
                "Requires-Dist: pkginfo\nRequires-Dist: -not-real\nRequires-Dist: x[\nRequires-Python: NotReal\n"));
        assertThat(e.problems()).extracting(p -> p.field() + ": " + p.message()).containsExactly(
                "requires-dist: '-not-real' is invalid for 'requires-dist'",
                "requires-python: 'NotReal' is invalid for 'requires-python'");
        assertThat(e.problems().get(0).cause()).containsInstanceOf(InvalidRequirementException.class);
        assertThat(e.problems().get(1).cause()).containsInstanceOf(InvalidSpecifierException.class);
    }

    @Test
    void summaryIsOneLine() {
        assertThat(valid("Summary: Hello\n").summary()).hasValue("Hello");
        for (String breaks : List.of("\n    Again", "\r\n Again")) {
            assertThat(problemsWith("Summary", "Hello" + breaks)).containsExactly("summary: 'summary' must be a single line");
        }
        // Python's email parser does not end a line at these, but packaging's check counts them.
        for (String c : List.of("\u000b", "\f", "\u001c", "\u0085", "\u2028", "\u2029")) {
            assertThat(problemsWith("Summary", "a" + c + "b")).containsExactly("summary: 'summary' must be a single line");
        }
    }

    @Test
    void dynamic() {
        assertThat(valid("Dynamic: Keywords\nDynamic: Home-Page\nDynamic: Author\n").dynamic())
                .containsExactly("keywords", "home-page", "author");
        assertThat(valid("Dynamic: Description\nDynamic: dynamic\nDynamic: \u212aeywords\n").dynamic())
                .containsExactly("description", "dynamic", "keywords");
        assertThat(problemsWith("Dynamic", "NotReal")).containsExactly("dynamic: 'notreal' is not a valid dynamic field");
        assertThat(problemsWith("Dynamic", "home_page")).containsExactly(
                "dynamic: 'home_page' is not a valid dynamic field");
        for (String f : List.of("Name", "version", "Metadata-Version")) {
            assertThat(problemsWith("Dynamic", f)).containsExactly(
                    "dynamic: " + Text.pyRepr(f.toLowerCase()) + " is not allowed as a dynamic field");
        }
    }

    @Test
    void providesExtraIsNormalized() {
        assertThat(valid("Provides-Extra: Dev_Tools\nProvides-Extra: test.all\nProvides-Extra: A--B\n").providesExtra())
                .containsExactly("dev-tools", "test-all", "a-b");
        assertThat(problems(MINIMAL + "Provides-Extra: pdf\nProvides-Extra: -Not-Valid\nProvides-Extra: ok\n"))
                .containsExactly("provides-extra: '-Not-Valid' is invalid for 'provides-extra'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LICENSE", "licenses/LICENSE.MIT", "C:x", "a:b", ".a/.b", "./c:x", " LICENSE", "UNC/x"})
    void validLicenseFiles(String path) {
        assertThat(valid("License-File: " + path + "\n").licenseFiles()).containsExactly(path.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../LICENSE|parent directory indicators are not allowed",
        "licenses/../LICENSE|parent directory indicators are not allowed",
        "a..b|parent directory indicators are not allowed",
        "licenses/*|paths must be resolved",
        "/licenses/LICENSE|paths must be relative",
        "C:/x|paths must be relative",
        "C:\\x|paths must be relative",
        "\\\\server\\share|paths must be relative",
        "licenses\\LICENSE|paths must use '/' delimiter",
        "./LICENSE|paths must use '/' delimiter",
        "a//b|paths must use '/' delimiter",
        "a/|paths must use '/' delimiter",
        "C:.|paths must use '/' delimiter",
        "\\\\server|paths must use '/' delimiter"})
    void invalidLicenseFiles(String path, String problem) {
        assertThat(problemsWith("License-File", path)).containsExactly(
                "license-file: " + Text.pyRepr(path) + " is invalid for 'license-file', " + problem);
    }

    @Test
    void licenseExpressionIsCanonicalized() {
        assertThat(valid("License-Expression: mit and (apache-2.0 or bsd-2-clause)\n").licenseExpression())
                .hasValueSatisfying(e -> assertThat(e).hasToString("MIT AND (Apache-2.0 OR BSD-2-Clause)"));
        InvalidMetadataException e = catchThrowableOfType(InvalidMetadataException.class,
                () -> valid("License-Expression: Use-it-after-midnight\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("'Use-it-after-midnight' is invalid for 'license-expression'");
            assertThat(p.cause()).get().isInstanceOf(InvalidLicenseExpressionException.class)
                    .extracting(c -> ((InvalidLicenseExpressionException) c).reason())
                    .isEqualTo("Unknown license: 'use-it-after-midnight'");
        });
    }

    @Test
    void importNames() {
        assertThat(valid("Import-Name: packaging\nImport-Name: packaging.metadata\nImport-Name: _utils ; private\n"
                + "Import-Name: _stuff;private\nImport-Name: \u00e9t\u00e9\n").importNames()).hasSize(5);
        Metadata none = valid("Import-Name:\n");
        assertThat(none.importNames()).isEmpty();
        assertThat(none.has(MetadataField.IMPORT_NAME)).isTrue();
        assertThat(none.toEmail()).contains("Import-Name: \n");
        for (String key : List.of("Import-Name", "Import-Namespace")) {
            String lower = key.toLowerCase();
            assertThat(problemsWith(key, "not-valid")).containsExactly(
                    lower + ": 'not-valid' is invalid for '" + lower + "'; 'not-valid' is not a valid identifier");
            assertThat(problemsWith(key, "stuff;")).containsExactly(
                    lower + ": 'stuff;' is invalid for '" + lower + "'; the only valid option is 'private'");
            assertThat(problemsWith(key, "stuff; extra")).containsExactly(
                    lower + ": 'stuff; extra' is invalid for '" + lower + "'; the only valid option is 'private'");
            assertThat(problemsWith(key, "a.class")).containsExactly(
                    lower + ": 'a.class' is invalid for '" + lower + "'; 'class' is a keyword");
            assertThat(problemsWith(key, "a..b")).containsExactly(
                    lower + ": 'a..b' is invalid for '" + lower + "'; '' is not a valid identifier");
        }
    }

    @Test
    void pythonIdentifiers() {
        for (String ok : List.of("_", "x1", "\u00e9t\u00e9", "\u2118", "x\u00b7", "x\u0661", "\u1885", "a\u0300")) {
            assertThat(Text.isIdentifier(ok)).as(Text.pyRepr(ok)).isTrue();
        }
        for (String bad : List.of("", "1x", "\u0661x", "a-b", "a b", "x\u200d", "\u037a", "\u309b", "\ufe70", "a\u0000")) {
            assertThat(Text.isIdentifier(bad)).as(Text.pyRepr(bad)).isFalse();
        }
    }

    @Test
    void descriptionContentType() {
        assertThat(valid("Description-Content-Type: text/markdown; charset=UTF-8; variant=CommonMark\n")
                .descriptionContentType()).hasValue("text/markdown; charset=UTF-8; variant=CommonMark");
        assertThat(problemsWith("Description-Content-Type", "application/json")).containsExactly(
                "description-content-type: 'description-content-type' must be one of"
                        + " ['text/plain', 'text/x-rst', 'text/markdown'], not 'application/json'");
        assertThat(problemsWith("Description-Content-Type", "text/plain; charset=ascii")).containsExactly(
                "description-content-type: 'description-content-type' can only specify the UTF-8 charset, not 'ascii'");
        assertThat(problemsWith("Description-Content-Type", "text/markdown; variant=gfm")).containsExactly(
                "description-content-type: valid Markdown variants for 'description-content-type' are"
                        + " ['GFM', 'CommonMark'], not 'gfm'");
    }

    @Test
    void optionalFieldsDefaultToEmpty() {
        Metadata m = valid("");
        assertThat(m.summary()).isEmpty();
        assertThat(m.licenseExpression()).isEmpty();
        assertThat(m.classifiers()).isEmpty();
        assertThat(m.projectUrls()).isEmpty();
        for (MetadataField f : MetadataField.values()) {
            assertThat(m.has(f)).isEqualTo(f.ordinal() < 3);
        }
        assertThat(m.toEmail()).isEqualTo(MINIMAL + "\n");
    }

    @Test
    void fromRawValidatesBuiltMetadata() {
        RawMetadata.Builder b = RawMetadata.builder()
                .set(MetadataField.METADATA_VERSION, "2.3")
                .set(MetadataField.NAME, "packaging")
                .set(MetadataField.VERSION, "2023.0.0");
        assertThat(Metadata.fromRaw(b.build()).version()).isEqualTo(Version.parse("2023.0.0"));
        b.unparsed("dynamc", List.of("Obsoletes-Dist"));
        assertThatThrownBy(() -> Metadata.fromRaw(b.build())).isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("unrecognized field: 'dynamc'");
        RawMetadata noVersion = RawMetadata.builder().set(MetadataField.METADATA_VERSION, "2.3")
                .set(MetadataField.NAME, "packaging").build();
        assertThat(catchThrowableOfType(InvalidMetadataException.class, () -> Metadata.fromRaw(noVersion)).summary())
                .hasValue("invalid metadata");
    }

    @Test
    void lenientMetadataFailsPerField() {
        RawMetadata raw = RawMetadata.parseEmail("""
                Metadata-Version: 1.0
                Name: -bad
                Summary: fine
                Dynamic: NotReal
                License-Expression: mit
                """);
        Metadata m = Metadata.fromRawLenient(raw);
        assertThat(m.metadataVersion()).isEqualTo("1.0");
        assertThat(m.summary()).hasValue("fine");
        assertThat(m.licenseExpression()).hasValueSatisfying(e -> assertThat(e).hasToString("MIT"));
        assertThatThrownBy(m::name).isInstanceOf(InvalidMetadataException.class)
                .hasMessage("'-bad' is invalid for 'name'");
        assertThatThrownBy(m::version).isInstanceOf(InvalidMetadataException.class)
                .hasMessage("'version' is a required field");
        assertThatThrownBy(m::dynamic).isInstanceOf(InvalidMetadataException.class)
                .hasMessage("'notreal' is not a valid dynamic field");
        assertThat(m.has(MetadataField.DYNAMIC)).isTrue();
        assertThat(m.has(MetadataField.VERSION)).isFalse();
        assertThatThrownBy(m::toEmail).isInstanceOf(InvalidMetadataException.class);
        assertThat(Metadata.fromRawLenient(raw)).isEqualTo(m).hasSameHashCodeAs(m);
    }

    @TestFactory
    Stream<DynamicTest> writtenMetadataReadsBackEqual() {
        List<String> docs = new ArrayList<>(List.of(
                MINIMAL,
                MINIMAL + "Description: one line\n",
                MINIMAL + "Keywords: a, b ,c\nDynamic: Keywords\n",
                MINIMAL + "License-Expression: mit or apache-2.0\nLicense-File: LICENSE\n\nbody\n\n  indented\n",
                MINIMAL + "Author: first\n\tsecond\n third\nProject-URL: Home, https://x\nProject-URL: Docs,\n",
                "Metadata-Version: 1.0\nName: old\nVersion: 0.1-dev\nPlatform: any\n\n\n\nstarts with blank lines",
                MINIMAL.replace("\n", "\r\n") + "Summary: crlf\r\n\r\nbody\r\n"));
        return docs.stream().map(doc -> DynamicTest.dynamicTest(Text.pyRepr(doc), () -> {
            Metadata m = Metadata.fromEmail(doc);
            assertThat(Metadata.fromEmail(m.toEmail())).isEqualTo(m);
            assertThat(m.toEmail()).isEqualTo(Metadata.fromEmail(m.toEmail()).toEmail());
        }));
    }
}
