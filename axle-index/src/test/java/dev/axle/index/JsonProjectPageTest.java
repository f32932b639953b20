package dev.axle.index;

import static dev.axle.index.Pages.PAGE;
import static dev.axle.index.Pages.json;
import static dev.axle.index.Pages.jsonFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonProjectPageTest {
    private static final String SHA = "6088930bfe239f0e6710546ab9c19c9ef35e29792895fed6e6e31a023a182a61";

    @Test
    void everyFieldOfAVersion11Page() throws Exception {
        ProjectPage page = json("""
                {
                  "meta": {"api-version": "1.1", "project-status": "active"},
                  "name": "holygrail",
                  "files": [
                    {
                      "filename": "holygrail-1.0.tar.gz",
                      "url": "https://example.com/files/holygrail-1.0.tar.gz",
                      "hashes": {"sha256": "%s", "BLAKE2B": "ABCDEF"},
                      "requires-python": ">=3.7",
                      "yanked": "Had a vulnerability",
                      "gpg-sig": false,
                      "size": 123456,
                      "upload-time": "2022-01-31T12:34:56.123456Z",
                      "some-future-key": {"nested": [1, 2]}
                    },
                    {
                      "filename": "holygrail-1.0-py3-none-any.whl",
                      "url": "../../files/holygrail-1.0-py3-none-any.whl",
                      "hashes": {},
                      "core-metadata": {"sha256": "%s"},
                      "provenance": "https://example.com/files/holygrail-1.0-py3-none-any.whl.provenance",
                      "size": 1337
                    }
                  ],
                  "versions": ["1.0", "2.0"]
                }
                """.formatted(SHA, SHA));
        assertThat(page.name()).isEqualTo("holygrail");
        assertThat(page.normalizedName()).hasToString("holygrail");
        assertThat(page.apiVersion()).isEqualTo(ApiVersion.of(1, 1));
        assertThat(page.versions()).containsExactly("1.0", "2.0");
        assertThat(page.files()).containsExactly(
                new DistributionFile("holygrail-1.0.tar.gz", URI.create("https://example.com/files/holygrail-1.0.tar.gz"),
                        Map.of("sha256", SHA, "blake2b", "abcdef"), Optional.of(">=3.7"),
                        Yanked.because("Had a vulnerability"), CoreMetadata.ABSENT, Optional.of(false),
                        Optional.of(123456L), Optional.of(Instant.parse("2022-01-31T12:34:56.123456Z"))),
                new DistributionFile("holygrail-1.0-py3-none-any.whl",
                        URI.create("https://index.example/files/holygrail-1.0-py3-none-any.whl"), Map.of(),
                        Optional.empty(), Yanked.NO, CoreMetadata.available(Map.of("sha256", SHA)), Optional.empty(),
                        Optional.of(1337L), Optional.empty()));
    }

    @Test
    void anEmptyPage() throws Exception {
        ProjectPage page = json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\", \"files\": []}");
        assertThat(page.files()).isEmpty();
        assertThat(page.versions()).isEmpty();
        assertThat(page.apiVersion()).isEqualTo(ApiVersion.DEFAULT);
        assertThat(page.lastSerial()).isEmpty();
        assertThat(json("{\"meta\": {\"api-version\": \"1.0\", \"_last-serial\": 42}, \"name\": \"x\", \"files\": []}")
                .lastSerial()).hasValue(42);
    }

    @Test
    void aFileWithoutHashesHasNone() throws Exception {
        DistributionFile file = json("""
                {"meta": {"api-version": "1.0"}, "name": "holygrail", "files": [
                  {"filename": "h-1.tar.gz", "url": "h-1.tar.gz", "hashes": null}, {"filename": "h-2.tar.gz", "url": "h-2.tar.gz"}]}
                """).files().get(1);
        assertThat(file).isEqualTo(DistributionFile.of("h-2.tar.gz", URI.create(PAGE + "h-2.tar.gz"), Map.of()));
    }

    @Test
    void yankedAsBooleanOrReason() throws Exception {
        assertThat(jsonFile("").files().get(0).yanked()).isEqualTo(Yanked.NO);
        assertThat(jsonFile("\"yanked\": false").files().get(0).yanked()).isEqualTo(Yanked.NO);
        assertThat(jsonFile("\"yanked\": null").files().get(0).yanked()).isEqualTo(Yanked.NO);
        // An empty string is not truthy: PEP 691 reads it as not yanked.
        assertThat(jsonFile("\"yanked\": \"\"").files().get(0).yanked()).isEqualTo(Yanked.NO);
        assertThat(jsonFile("\"yanked\": true").files().get(0).yanked()).isEqualTo(new Yanked(true, Optional.empty()));
        assertThat(jsonFile("\"yanked\": \"broken\"").files().get(0).yanked())
                .isEqualTo(new Yanked(true, Optional.of("broken")));
    }

    @Test
    void coreMetadataTrueHashFalseAbsentAndPep714Preference() throws Exception {
        assertThat(jsonFile("").files().get(0).coreMetadata()).isEqualTo(CoreMetadata.ABSENT);
        assertThat(jsonFile("\"core-metadata\": false").files().get(0).coreMetadata()).isEqualTo(CoreMetadata.ABSENT);
        assertThat(jsonFile("\"core-metadata\": true").files().get(0).coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of()));
        assertThat(jsonFile("\"dist-info-metadata\": {\"sha256\": \"" + SHA + "\"}").files().get(0).coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of("sha256", SHA)));
        assertThat(jsonFile("\"dist-info-metadata\": {\"sha256\": \"" + SHA + "\"}, \"core-metadata\": true")
                .files().get(0).coreMetadata()).isEqualTo(CoreMetadata.available(Map.of()));
        assertThat(jsonFile("\"dist-info-metadata\": true, \"core-metadata\": false").files().get(0).coreMetadata())
                .isEqualTo(CoreMetadata.ABSENT);
        assertThat(jsonFile("\"dist-info-metadata\": true, \"core-metadata\": null").files().get(0).coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of()));
    }

    @Test
    void relativeUrlsAndHashFragments() throws Exception {
        DistributionFile file = json("""
                {"meta": {"api-version": "1.0"}, "name": "holygrail", "files": [
                  {"filename": "h-1.tar.gz", "url": "/f/h-1.tar.gz#sha256=%s", "hashes": {"md5": "00ff"}}]}
                """.formatted(SHA)).files().get(0);
        assertThat(file.url()).isEqualTo(URI.create("https://index.example/f/h-1.tar.gz"));
        assertThat(file.hashes()).isEqualTo(Map.of("sha256", SHA, "md5", "00ff"));
        assertThat(file.filename()).isEqualTo("h-1.tar.gz");
    }

    @Test
    void aNewerMinorIsAcceptedAndAnotherMajorRefused() throws Exception {
        ProjectPage newer = json("{\"meta\": {\"api-version\": \"1.99\"}, \"name\": \"holygrail\", \"files\": []}");
        assertThat(newer.apiVersion().isNewerThanKnown()).isTrue();
        assertThat(ApiVersion.LATEST_KNOWN.isNewerThanKnown()).isFalse();

        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"2.0\"}, \"name\": \"holygrail\", \"files\": []}"))
                .isInstanceOfSatisfying(UnsupportedApiVersionException.class,
                        e -> assertThat(e.version()).isEqualTo(ApiVersion.of(2, 0)))
                .hasMessageContaining(PAGE.toString()).hasMessageContaining("2.0");
        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"0.9\"}, \"name\": \"holygrail\", \"files\": []}"))
                .isInstanceOf(UnsupportedApiVersionException.class);
    }

    @Test
    void wrongTypesNameTheUrlAndTheKey() {
        assertInvalid(jsonFile_("\"hashes\": \"sha256=" + SHA + "\""), "files[0].hashes", "must be an object");
        assertInvalid(jsonFile_("\"yanked\": 1"), "files[0].yanked", "a boolean or a string");
        assertInvalid(jsonFile_("\"core-metadata\": \"true\""), "files[0].core-metadata", "a boolean or an object");
        assertInvalid(jsonFile_("\"dist-info-metadata\": [1]"), "files[0].dist-info-metadata", "a boolean or an object");
        assertInvalid(jsonFile_("\"size\": \"12\""), "files[0].size", "non-negative integer");
        assertInvalid(jsonFile_("\"size\": -1"), "files[0].size", "non-negative integer");
        assertInvalid(jsonFile_("\"gpg-sig\": \"yes\""), "files[0].gpg-sig", "a boolean");
        assertInvalid(jsonFile_("\"requires-python\": 3"), "files[0].requires-python", "a string");
        assertInvalid(jsonFile_("\"upload-time\": \"yesterday\""), "files[0].upload-time", "ISO 8601");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\", \"files\": [],"
                + " \"versions\": \"1.0\"}"), "versions", "an array");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\", \"files\": {}}"),
                "files", "an array");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\", \"files\": [3]}"),
                "files[0]", "an object");
    }

    @Test
    void missingRequiredKeys() {
        assertInvalid(() -> json("{\"name\": \"holygrail\", \"files\": []}"), "meta", "missing");
        assertInvalid(() -> json("{\"meta\": {}, \"name\": \"holygrail\", \"files\": []}"), "meta.api-version", "missing");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": []}"), "name", "missing");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\"}"), "files", "missing");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holygrail\", \"files\": ["
                + "{\"url\": \"a-1.tar.gz\", \"hashes\": {}}]}"), "files[0].filename", "missing");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.x\"}, \"name\": \"holygrail\", \"files\": []}"),
                "meta.api-version", "'1.x'");
        assertInvalid(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"holy grail\", \"files\": []}"),
                "name", "no valid project name");
    }

    @Test
    void notJson() {
        assertThatThrownBy(() -> json("<html></html>"))
                .isInstanceOf(InvalidIndexPageException.class).hasMessageContaining(PAGE.toString())
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> json("")).isInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining(PAGE.toString());
        assertThatThrownBy(() -> json("[]")).isInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining("must be a JSON object, found []");
    }

    private interface Parse {
        void run() throws Exception;
    }

    private static Parse jsonFile_(String members) {
        return () -> jsonFile(members);
    }

    private static void assertInvalid(Parse parse, String key, String problem) {
        assertThatThrownBy(parse::run)
                .isExactlyInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining(PAGE.toString())
                .hasMessageContaining("key '" + key + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void uploadTimeOffsetsAndNoFraction() throws Exception {
        assertThat(jsonFile("\"upload-time\": \"2022-01-31T12:34:56Z\"").files().get(0).uploadTime())
                .contains(Instant.parse("2022-01-31T12:34:56Z"));
        assertThat(jsonFile("\"upload-time\": \"2022-01-31T14:34:56+02:00\"").files().get(0).uploadTime())
                .contains(Instant.parse("2022-01-31T12:34:56Z"));
        assertThat(jsonFile("").files()).extracting(DistributionFile::size, DistributionFile::uploadTime)
                .containsExactly(tuple(Optional.empty(), Optional.empty()));
    }
}
