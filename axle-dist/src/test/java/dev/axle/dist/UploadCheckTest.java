package dev.axle.dist;

import static dev.axle.dist.Archives.metadata;
import static dev.axle.dist.Archives.sdistEntries;
import static dev.axle.dist.Archives.tarGz;
import static dev.axle.dist.Archives.wheelEntries;
import static dev.axle.dist.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckTest {
    private static final String WHL = "foo_bar-1.0-py3-none-any.whl";
    private static final String META = metadata("Foo_Bar", "1.0", "Requires-Dist: requests>=2",
            "Requires-Dist: idna; extra == \"idna\"", "Provides-Extra: idna", "Classifier: Private :: Do Not Upload",
            "Project-URL: Homepage, https://example.com");

    @TempDir
    Path dir;

    private Distribution wheel;

    @BeforeEach
    void setUp() throws Exception {
        wheel = Distribution.inspect(zip(dir.resolve(WHL), wheelEntries("foo_bar-1.0.dist-info", META)), WHL);
    }

    /**
     * The fields twine 6 sends for this wheel (twine's PackageFile.metadata_dictionary plus
     * the action and protocol version): the name with runs of characters other than letters,
     * digits and '.' replaced by '-', multiple-use fields repeated, Project-URL as "label, url".
     */
    private static Map<String, List<String>> twineFields(Distribution d, String pyversion) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("metadata_version", List.of("2.1"));
        f.put("name", List.of("Foo-Bar"));
        f.put("version", List.of("1.0"));
        f.put("summary", List.of("A test distribution"));
        f.put("description", List.of("The description.\n"));
        f.put("classifiers", List.of("Private :: Do Not Upload"));
        f.put("requires_dist", List.of("requests>=2", "idna; extra == \"idna\""));
        f.put("project_urls", List.of("Homepage, https://example.com"));
        f.put("provides_extra", List.of("idna"));
        f.put("pyversion", List.of(pyversion));
        f.put("filetype", List.of(d.kind().filetype()));
        f.put("comment", List.of());
        f.put("sha256_digest", List.of(d.digests().sha256()));
        f.put("md5_digest", List.of(d.digests().md5()));
        f.put("blake2_256_digest", List.of("0f".repeat(32)));
        f.put(":action", List.of("file_upload"));
        f.put("protocol_version", List.of("1"));
        return f;
    }

    private UploadForm form(Map<String, String> changes) {
        Map<String, List<String>> f = twineFields(wheel, "py3");
        changes.forEach((k, v) -> {
            if (v == null) {
                f.remove(k);
            } else {
                f.put(k, List.of(v));
            }
        });
        return new UploadForm(f);
    }

    private void assertRejected(Map<String, String> changes, String message) {
        assertThatThrownBy(() -> UploadCheck.check(form(changes), wheel)).isInstanceOf(UploadRejectedException.class)
                .hasMessage(message);
    }

    private void assertAccepted(Map<String, String> changes) {
        assertThatCode(() -> UploadCheck.check(form(changes), wheel)).doesNotThrowAnyException();
    }

    @Test
    void twinesWheelFormIsAccepted() throws Exception {
        UploadForm form = new UploadForm(twineFields(wheel, "py3"));

        UploadCheck.check(form, wheel);

        assertThat(form.action()).isEqualTo("file_upload");
        assertThat(form.name()).isEqualTo("Foo-Bar");
        assertThat(form.filetype()).isEqualTo("bdist_wheel");
        assertThat(form.all("requires_dist")).hasSize(2);
        assertThat(form.first("comment")).isEmpty();
    }

    @Test
    void twinesSdistFormIsAccepted() throws Exception {
        String name = "foo_bar-1.0.tar.gz";
        Distribution sdist = Distribution.inspect(tarGz(dir.resolve(name), sdistEntries("foo_bar-1.0", META)), name);

        UploadCheck.check(new UploadForm(twineFields(sdist, "source")), sdist);
    }

    @Test
    void actionMustBeFileUpload() {
        assertRejected(Map.of(":action", "doc_upload"), "Unsupported :action 'doc_upload': only file_upload is supported.");
        assertRejected(nulls(":action"), "Missing :action field (use file_upload).");
    }

    @Test
    void protocolVersionMustBeOne() {
        assertRejected(Map.of("protocol_version", "2"), "Unknown protocol version.");
        assertAccepted(nulls("protocol_version")); // PyPI takes an absent one as 1
    }

    @Test
    void nameVersionAndFiletypeAreRequired() {
        assertRejected(nulls("name"), "Invalid value for name. Error: This field is required.");
        assertRejected(Map.of("version", ""), "Invalid value for version. Error: This field is required.");
        assertRejected(nulls("filetype"), "Invalid value for filetype. Error: This field is required.");
    }

    @Test
    void malformedValuesAreRejected() {
        assertRejected(Map.of("name", "-foo-"), "Invalid value for name. Error: Start and end with a letter or numeral"
                + " containing only ASCII numeric and '.', '_' and '-'.");
        assertRejected(Map.of("version", "one"), "Invalid value for version. Error: 'one' is not a valid PEP 440 version.");
        assertRejected(Map.of("filetype", "bdist_egg"), "Invalid value for filetype. Error: Use a known file type.");
        assertRejected(Map.of("sha256_digest", "abc"),
                "Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.");
        assertRejected(Map.of("md5_digest", "z".repeat(32)),
                "Invalid value for md5_digest. Error: Use a valid, hex-encoded, MD5 message digest.");
        assertRejected(Map.of("blake2_256_digest", "nope"),
                "Invalid value for blake2_256_digest. Error: Use a valid, hex-encoded, blake2 message digest.");
    }

    @Test
    void filetypeMustMatchTheFile() {
        assertRejected(Map.of("filetype", "sdist"), "Invalid value for filetype. Error: 'sdist' does not match '" + WHL
                + "', a wheel (use bdist_wheel).");
    }

    @Test
    void nameAndVersionMustMatchTheMetadataNormalized() {
        // Names compare normalized (twine sends "Foo-Bar" for Foo_Bar), versions by PEP 440.
        for (String same : List.of("name=foo.bar", "name=FOO__BAR", "version=1.0.0", "version=v1.0")) {
            String[] kv = same.split("=");
            assertAccepted(Map.of(kv[0], kv[1]));
        }
        assertRejected(Map.of("name", "foo-baz"),
                "The name in the upload form ('foo-baz') does not match the name in the file's metadata ('Foo_Bar').");
        assertRejected(Map.of("version", "1.0.1"),
                "The version in the upload form ('1.0.1') does not match the version in the file's metadata ('1.0').");
    }

    @Test
    void digestsGivenMustMatchTheFile() {
        String sha256 = wheel.digests().sha256();
        String md5 = wheel.digests().md5();
        String otherSha = "0".repeat(64);
        String otherMd5 = "0".repeat(32);

        assertRejected(Map.of("sha256_digest", otherSha), "The digest supplied does not match a digest calculated from"
                + " the uploaded file (sha256: given " + otherSha + ", file has " + sha256 + ").");
        assertRejected(Map.of("md5_digest", otherMd5), "The digest supplied does not match a digest calculated from"
                + " the uploaded file (md5: given " + otherMd5 + ", file has " + md5 + ").");
        assertAccepted(Map.of("sha256_digest", sha256.toUpperCase(Locale.ROOT)));
        assertAccepted(nulls("sha256_digest")); // md5 alone
        assertAccepted(nulls("md5_digest")); // sha256 alone
    }

    @Test
    void aCheckableDigestIsRequired() {
        Map<String, String> onlyBlake2 = nulls("sha256_digest", "md5_digest");
        assertRejected(onlyBlake2, "Include at least one message digest (sha256_digest or md5_digest).");

        Map<String, String> none = nulls("sha256_digest", "md5_digest", "blake2_256_digest");
        assertRejected(none, "Include at least one message digest (sha256_digest or md5_digest).");
    }

    @Test
    void blake2IsNotCompared() {
        // The JDK has no BLAKE2: a well-formed blake2_256_digest is taken as given.
        assertAccepted(Map.of("blake2_256_digest", "ab".repeat(32)));
    }

    @Test
    void theFormAloneIsCheckedBeforeTheFileIsRead() {
        assertThatCode(() -> UploadCheck.checkForm(form(Map.of()))).doesNotThrowAnyException();
        assertThatThrownBy(() -> UploadCheck.checkForm(form(Map.of("protocol_version", "0"))))
                .hasMessage("Unknown protocol version.");
        assertThat(UploadRejectedException.noContent()).hasMessage("Upload payload does not have a file.");
    }

    @Test
    void formsAreImmutableCopies() {
        Map<String, List<String>> fields = new LinkedHashMap<>(Map.of("name", List.of("a")));
        UploadForm form = new UploadForm(fields);
        fields.put("name", List.of("b"));

        assertThat(form.name()).isEqualTo("a");
        assertThatThrownBy(() -> form.fields().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(UploadForm.of(Map.of("version", "1")).version()).isEqualTo("1");
    }

    private static Map<String, String> nulls(String... fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : fields) {
            m.put(f, null);
        }
        return m;
    }
}
