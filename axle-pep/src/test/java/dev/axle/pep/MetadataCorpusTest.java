package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * packaging's metadata fixture using every field ({@code pypa-packaging/everything.metadata})
 * and the examples of the core metadata specification
 * ({@code specs/packaging.python.org/core-metadata.snippets.json}).
 */
class MetadataCorpusTest {
    private static final String EVERYTHING = "pypa-packaging/everything.metadata";
    private static final String SNIPPETS = "specs/packaging.python.org/core-metadata.snippets.json";
    private static final String SCHULTZ = "C. Schultz, Universal Features Syndicate,\n"
            + "        Los Angeles, CA <cschultz@peanuts.example.com>";

    private static RawMetadata everything() {
        return RawMetadata.parseEmail(Corpus.text(EVERYTHING));
    }

    @Test
    void everythingParsesIntoEveryRawField() {
        RawMetadata raw = everything();
        Map<MetadataField, Object> expected = new LinkedHashMap<>();
        expected.put(MetadataField.METADATA_VERSION, "2.6");
        expected.put(MetadataField.NAME, "BeagleVote");
        expected.put(MetadataField.VERSION, "1.0a2");
        expected.put(MetadataField.DYNAMIC, List.of("Obsoletes-Dist"));
        expected.put(MetadataField.PLATFORM, List.of("ObscureUnix", "RareDOS"));
        expected.put(MetadataField.SUPPORTED_PLATFORM, List.of("RedHat 7.2", "i386-win32-2791"));
        expected.put(MetadataField.SUMMARY, "A module for collecting votes from beagles.");
        expected.put(MetadataField.DESCRIPTION, "This description intentionally left blank.\n");
        expected.put(MetadataField.DESCRIPTION_CONTENT_TYPE, "text/markdown; charset=UTF-8; variant=GFM");
        expected.put(MetadataField.KEYWORDS, List.of("dog", "puppy", "voting", "election"));
        expected.put(MetadataField.HOME_PAGE, "http://www.example.com/~cschultz/bvote/");
        expected.put(MetadataField.DOWNLOAD_URL, "\u2026/BeagleVote-0.45.tgz");
        expected.put(MetadataField.AUTHOR, SCHULTZ);
        expected.put(MetadataField.AUTHOR_EMAIL, "\"C. Schultz\" <cschultz@example.com>");
        expected.put(MetadataField.MAINTAINER, SCHULTZ);
        expected.put(MetadataField.MAINTAINER_EMAIL, "\"C. Schultz\" <cschultz@example.com>");
        expected.put(MetadataField.LICENSE, "This software may only be obtained by sending the\n"
                + "        author a postcard, and then the user promises not\n"
                + "        to redistribute it.");
        expected.put(MetadataField.LICENSE_EXPRESSION, "Apache-2.0 OR BSD-2-Clause");
        expected.put(MetadataField.LICENSE_FILE, List.of("LICENSE.APACHE", "LICENSE.BSD"));
        expected.put(MetadataField.CLASSIFIER, List.of("Development Status :: 4 - Beta",
                "Environment :: Console (Text Based)"));
        expected.put(MetadataField.REQUIRES_DIST, List.of("reportlab; extra == 'pdf'", "pkginfo", "PasteDeploy",
                "zope.interface (>3.5.0)", "pywin32 >1.0; sys_platform == 'win32'"));
        expected.put(MetadataField.REQUIRES_PYTHON, ">=3");
        expected.put(MetadataField.REQUIRES_EXTERNAL, List.of("C", "libpng (>=1.5)", "make; sys_platform != \"win32\""));
        expected.put(MetadataField.PROJECT_URL, Map.of(
                "Bug Tracker", "http://bitbucket.org/tarek/distribute/issues/",
                "Documentation", "https://example.com/BeagleVote"));
        expected.put(MetadataField.PROVIDES_EXTRA, List.of("pdf"));
        expected.put(MetadataField.PROVIDES_DIST, List.of("OtherProject", "AnotherProject (3.4)",
                "virtual_package; python_version >= \"3.4\""));
        expected.put(MetadataField.IMPORT_NAME, List.of("beaglevote", "_beaglevote ; private"));
        expected.put(MetadataField.IMPORT_NAMESPACE, List.of("spam", "_bacon ; private"));

        assertThat(raw.fields()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((field, value) -> assertThat(raw.value(field)).as(field.fieldName()).isEqualTo(value));
        assertThat(raw.unparsed()).isEqualTo(Map.of("thisisnotreal", List.of("Hello!")));
        assertThat(raw.projectUrls().orElseThrow().keySet()).containsExactly("Bug Tracker", "Documentation");
        Corpus.count(EVERYTHING + " raw fields", expected.size() + 1);
    }

    @Test
    void everythingFailsValidationOnlyForTheUnknownField() {
        assertThatThrownBy(() -> Metadata.fromEmail(Corpus.text(EVERYTHING)))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessage("invalid or unparsed metadata (1 problem):\n  unrecognized field: 'thisisnotreal'")
                .satisfies(e -> assertThat(((InvalidMetadataException) e).problems())
                        .containsExactly(new InvalidMetadataException.Problem("thisisnotreal",
                                "unrecognized field: 'thisisnotreal'")));
        Corpus.count(EVERYTHING + " validation", 1);
    }

    private static Metadata validEverything() {
        String text = Corpus.text(EVERYTHING).replace("ThisIsNotReal: Hello!\n", "");
        return Metadata.fromEmail(text);
    }

    @Test
    void everythingValidatesIntoTypedValues() {
        Metadata m = validEverything();
        assertThat(m.metadataVersion()).isEqualTo("2.6");
        assertThat(m.name()).isEqualTo("BeagleVote");
        assertThat(m.version()).isEqualTo(Version.parse("1.0a2"));
        assertThat(m.dynamic()).containsExactly("obsoletes-dist");
        assertThat(m.platforms()).containsExactly("ObscureUnix", "RareDOS");
        assertThat(m.supportedPlatforms()).containsExactly("RedHat 7.2", "i386-win32-2791");
        assertThat(m.summary()).hasValue("A module for collecting votes from beagles.");
        assertThat(m.description()).hasValue("This description intentionally left blank.\n");
        assertThat(m.descriptionContentType()).hasValue("text/markdown; charset=UTF-8; variant=GFM");
        assertThat(m.keywords()).containsExactly("dog", "puppy", "voting", "election");
        assertThat(m.homePage()).hasValue("http://www.example.com/~cschultz/bvote/");
        assertThat(m.downloadUrl()).hasValue("\u2026/BeagleVote-0.45.tgz");
        assertThat(m.author()).hasValue(SCHULTZ);
        assertThat(m.authorEmail()).hasValue("\"C. Schultz\" <cschultz@example.com>");
        assertThat(m.maintainer()).hasValue(SCHULTZ);
        assertThat(m.maintainerEmail()).hasValue("\"C. Schultz\" <cschultz@example.com>");
        assertThat(m.license()).hasValueSatisfying(l -> assertThat(l).startsWith("This software").endsWith("it."));
        assertThat(m.licenseExpression()).hasValue(LicenseExpression.parse("Apache-2.0 OR BSD-2-Clause"));
        assertThat(m.licenseFiles()).containsExactly("LICENSE.APACHE", "LICENSE.BSD");
        assertThat(m.classifiers()).hasSize(2);
        assertThat(m.requiresDist()).containsExactly(Requirement.parse("reportlab; extra == 'pdf'"),
                Requirement.parse("pkginfo"), Requirement.parse("PasteDeploy"), Requirement.parse("zope.interface>3.5.0"),
                Requirement.parse("pywin32>1.0; sys_platform == 'win32'"));
        assertThat(m.requiresPython()).hasValue(SpecifierSet.parse(">=3"));
        assertThat(m.requiresExternal()).hasSize(3);
        assertThat(m.projectUrls()).containsEntry("Documentation", "https://example.com/BeagleVote").hasSize(2);
        assertThat(m.providesExtra()).containsExactly("pdf");
        assertThat(m.providesDist()).hasSize(3);
        assertThat(m.obsoletesDist()).isEmpty();
        assertThat(m.has(MetadataField.OBSOLETES_DIST)).isFalse();
        assertThat(m.importNames()).containsExactly("beaglevote", "_beaglevote ; private");
        assertThat(m.importNamespaces()).containsExactly("spam", "_bacon ; private");
        assertThat(m.requires()).isEmpty();
        Corpus.count(EVERYTHING + " typed fields", 31);
    }

    @Test
    void everythingIsWrittenInPackagingsFieldOrderAndReadsBackEqual() {
        Metadata m = validEverything();
        String written = m.toEmail();
        assertThat(written).isEqualTo("""
                Metadata-Version: 2.6
                Name: BeagleVote
                Version: 1.0a2
                Dynamic: obsoletes-dist
                Platform: ObscureUnix
                Platform: RareDOS
                Supported-Platform: RedHat 7.2
                Supported-Platform: i386-win32-2791
                Summary: A module for collecting votes from beagles.
                Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
                Keywords: dog,puppy,voting,election
                Home-page: http://www.example.com/~cschultz/bvote/
                Download-URL: \u2026/BeagleVote-0.45.tgz
                Author: C. Schultz, Universal Features Syndicate,
                        Los Angeles, CA <cschultz@peanuts.example.com>
                Author-email: "C. Schultz" <cschultz@example.com>
                Maintainer: C. Schultz, Universal Features Syndicate,
                        Los Angeles, CA <cschultz@peanuts.example.com>
                Maintainer-email: "C. Schultz" <cschultz@example.com>
                License: This software may only be obtained by sending the
                        author a postcard, and then the user promises not
                        to redistribute it.
                License-Expression: Apache-2.0 OR BSD-2-Clause
                License-File: LICENSE.APACHE
                License-File: LICENSE.BSD
                Classifier: Development Status :: 4 - Beta
                Classifier: Environment :: Console (Text Based)
                Requires-Dist: reportlab; extra == "pdf"
                Requires-Dist: pkginfo
                Requires-Dist: PasteDeploy
                Requires-Dist: zope.interface>3.5.0
                Requires-Dist: pywin32>1.0; sys_platform == "win32"
                Requires-Python: >=3
                Requires-External: C
                Requires-External: libpng (>=1.5)
                Requires-External: make; sys_platform != "win32"
                Project-URL: Bug Tracker, http://bitbucket.org/tarek/distribute/issues/
                Project-URL: Documentation, https://example.com/BeagleVote
                Provides-Extra: pdf
                Provides-Dist: OtherProject
                Provides-Dist: AnotherProject (3.4)
                Provides-Dist: virtual_package; python_version >= "3.4"
                Import-Name: beaglevote
                Import-Name: _beaglevote ; private
                Import-Namespace: spam
                Import-Namespace: _bacon ; private

                This description intentionally left blank.
                """);
        assertThat(Metadata.fromEmail(written)).isEqualTo(m);
        assertThat(Metadata.fromEmail(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(m);
        RawMetadata raw = everything();
        assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
        Corpus.count(EVERYTHING + " round trips", 3);
    }

    /**
     * Each example of the specification, field by field (with continuation lines), inside an
     * otherwise minimal metadata 2.6 document: the spec lists alternatives of single-use
     * fields (License-Expression) and the empty Import-Name one per line.
     */
    @TestFactory
    Stream<DynamicTest> specificationExamplesValidate() {
        List<DynamicTest> tests = new ArrayList<>();
        int skipped = 0;
        for (JsonNode block : Corpus.json(SNIPPETS).get("blocks")) {
            String text = block.get("text").asText();
            if (text.indexOf(':') < 0) {
                skipped++; // the Provides-Extra name regex, not metadata
                continue;
            }
            if (text.contains("<type>/<subtype>")) {
                skipped++; // the Description-Content-Type format template, not a value
                continue;
            }
            for (String example : headerGroups(text)) {
                tests.add(DynamicTest.dynamicTest(block.get("line").asInt() + ": " + example, () -> {
                    RawMetadata raw = RawMetadata.parseEmail(example);
                    assertThat(raw.unparsed()).isEmpty();
                    assertThat(raw.fields()).hasSize(1);
                    StringBuilder doc = new StringBuilder();
                    for (String required : List.of("Metadata-Version: 2.6", "Name: x", "Version: 1")) {
                        if (!example.startsWith(required.substring(0, required.indexOf(':') + 1))) {
                            doc.append(required).append('\n');
                        }
                    }
                    Metadata m = Metadata.fromEmail(doc + example + "\n");
                    assertThat(m.has(raw.fields().iterator().next())).isTrue();
                    assertThat(Metadata.fromEmail(m.toEmail())).isEqualTo(m);
                }));
            }
        }
        Corpus.count(SNIPPETS + " examples", tests.size());
        Corpus.count(SNIPPETS + " blocks (skipped: not metadata)", skipped);
        return tests.stream();
    }

    /** Header lines with their continuation lines; blank lines separate nothing but are dropped. */
    private static List<String> headerGroups(String text) {
        List<String> groups = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !groups.isEmpty()) {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + "\n" + line);
            } else {
                groups.add(line);
            }
        }
        return groups;
    }

    @Test
    void specificationLicenseExpressionExamplesCanonicalize() {
        JsonNode block = null;
        for (JsonNode b : Corpus.json(SNIPPETS).get("blocks")) {
            if (b.get("text").asText().startsWith("License-Expression:")) {
                block = b;
            }
        }
        List<String> canonical = new ArrayList<>();
        for (String line : block.get("text").asText().split("\n")) {
            canonical.add(LicenseExpression.parse(line.substring(line.indexOf(':') + 2)).toString());
        }
        // The spec spells the exception "Classpath-Exception-2.0"; SPDX lists "Classpath-exception-2.0".
        assertThat(canonical).containsExactly("MIT", "BSD-3-Clause", "MIT AND (Apache-2.0 OR BSD-2-Clause)",
                "MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)",
                "GPL-3.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause",
                "LicenseRef-Special-License OR CC0-1.0 OR Unlicense", "LicenseRef-Proprietary");
        Corpus.count(SNIPPETS + " License-Expression canonical forms", canonical.size());
    }
}
