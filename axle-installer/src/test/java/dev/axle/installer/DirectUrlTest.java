package dev.axle.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * direct_url.json. Validation messages are those of pypa/packaging 26's
 * {@code DirectUrl.from_dict} (checked with the packaging vendored in pip 26.2); requirement
 * URLs are what pip 26 freeze prints.
 */
class DirectUrlTest {

    @Test
    void readsWhatPipWrites() {
        DirectUrl d = DirectUrl.parse("{\"archive_info\": {\"hash\": \"sha256=abc\", \"hashes\": {\"sha256\": \"abc\"}},"
                + " \"url\": \"file:///tmp/w/baz-1.5-py3-none-any.whl\"}");
        assertThat(d.info()).isEqualTo(new DirectUrl.ArchiveInfo(Map.of("sha256", "abc")));
        assertThat(d.isEditable()).isFalse();
        assertThat(d.requirementUrl()).isEqualTo("file:///tmp/w/baz-1.5-py3-none-any.whl#sha256=abc");
        assertThat(d.toJson()).isEqualTo("{\"archive_info\":{\"hash\":\"sha256=abc\",\"hashes\":{\"sha256\":\"abc\"}},"
                + "\"url\":\"file:///tmp/w/baz-1.5-py3-none-any.whl\"}");
        assertThat(DirectUrl.parse(d.toJson())).isEqualTo(d);
    }

    @Test
    void legacyHashStandsInForHashes() {
        DirectUrl d = DirectUrl.parse("{\"url\": \"https://x/a.tar.gz\", \"archive_info\": {\"hash\": \"md5=00ff\"}}");
        assertThat(d.info()).isEqualTo(new DirectUrl.ArchiveInfo(Map.of("md5", "00ff")));
        assertThat(d.requirementUrl()).isEqualTo("https://x/a.tar.gz#md5=00ff");
    }

    @Test
    void factoriesRecordAsPipDoes() {
        assertThat(DirectUrl.archive("https://u:p@files.example/a-1.0.tar.gz", Optional.of("ff")).withSubdirectory("sub")
                .toJson()).isEqualTo("{\"archive_info\":{\"hash\":\"sha256=ff\",\"hashes\":{\"sha256\":\"ff\"}},"
                + "\"subdirectory\":\"sub\",\"url\":\"https://files.example/a-1.0.tar.gz\"}");
        assertThat(DirectUrl.archive("file:///w/a.whl", Optional.empty()).toJson())
                .isEqualTo("{\"archive_info\":{},\"url\":\"file:///w/a.whl\"}");
        DirectUrl editable = DirectUrl.directory(Path.of("/src/my project/ü"), true);
        assertThat(editable.toJson()).isEqualTo("{\"dir_info\":{\"editable\":true},\"url\":\"file:///src/my%20project/%C3%BC\"}");
        assertThat(editable.isEditable()).isTrue();
        assertThat(editable.localPath()).contains("/src/my project/ü");
        assertThat(DirectUrl.directory("file:///src/p", false).toJson()).isEqualTo("{\"dir_info\":{},\"url\":\"file:///src/p\"}");
        DirectUrl vcs = DirectUrl.vcs("git", "https://github.com/o/r.git", "c0ffee", Optional.of("v1")).withSubdirectory("py");
        assertThat(vcs.toJson()).isEqualTo("{\"subdirectory\":\"py\",\"url\":\"https://github.com/o/r.git\","
                + "\"vcs_info\":{\"commit_id\":\"c0ffee\",\"requested_revision\":\"v1\",\"vcs\":\"git\"}}");
        assertThat(vcs.requirementUrl()).isEqualTo("git+https://github.com/o/r.git@c0ffee#subdirectory=py");
        assertThat(DirectUrl.parse(vcs.toJson())).isEqualTo(vcs);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:pass@host/p|https://host/p",
        "https://token@host/p|https://host/p",
        "ssh://git@gitlab.com/user/repo|ssh://git@gitlab.com/user/repo",
        "https://${USER}:${TOKEN}@host/p|https://${USER}:${TOKEN}@host/p",
        "https://${TOKEN}@host/p|https://${TOKEN}@host/p",
        "https://${USER}:secret@host/p|https://host/p",
        "git@github.com:user/repo.git|git@github.com:user/repo.git",
        "https://host/p@v1|https://host/p@v1",
        "https://host/p?q=a@b#f@g|https://host/p?q=a@b#f@g",
        "file:///tmp/x|file:///tmp/x",
    })
    void stripsCredentialsExceptEnvironmentVariablesAndGit(String url, String recorded) {
        assertThat(DirectUrl.redactCredentials(url)).isEqualTo(recorded);
    }

    @Test
    void keepsCredentialsItReadsButNeverWritesThem() {
        DirectUrl d = DirectUrl.parse("{\"url\": \"https://u:p@h/a.whl\", \"archive_info\": {}}");
        assertThat(d.url()).isEqualTo("https://u:p@h/a.whl");
        assertThat(d.toJson()).isEqualTo("{\"archive_info\":{},\"url\":\"https://h/a.whl\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|direct_url.json must hold a JSON object, not list",
        "{\"archive_info\": {}}|Missing required value in 'url'",
        "{\"url\": 1, \"archive_info\": {}}|Unexpected type int (expected str) in 'url'",
        "{\"url\": \"u\"}|Exactly one of vcs_info, archive_info, dir_info must be present",
        "{\"url\": \"u\", \"archive_info\": null}|Exactly one of vcs_info, archive_info, dir_info must be present",
        "{\"url\": \"file:///x\", \"archive_info\": {}, \"dir_info\": {}}|Exactly one of vcs_info, archive_info, dir_info must be present",
        "{\"url\": \"u\", \"archive_info\": []}|Unexpected type list (expected Mapping) in 'archive_info'",
        "{\"url\": \"u\", \"archive_info\": {\"hashes\": {\"sha256\": 1}}}|Hash values must be strings in 'archive_info.hashes'",
        "{\"url\": \"u\", \"archive_info\": {\"hash\": \"nohash\"}}|Invalid hash format (expected '<algorithm>=<hash>') in 'archive_info.hash'",
        "{\"url\": \"u\", \"archive_info\": {\"hash\": \"md5=1\", \"hashes\": {\"sha256\": \"2\"}}}|Algorithm 'md5' used in hash field is not present in hashes field in 'archive_info.hashes'",
        "{\"url\": \"u\", \"archive_info\": {\"hash\": \"sha256=1\", \"hashes\": {\"sha256\": \"2\"}}}|Algorithm 'sha256' used in hash field has different value in hashes field in 'archive_info.hash'",
        "{\"url\": \"u\", \"vcs_info\": {\"vcs\": \"git\"}}|Missing required value in 'vcs_info.commit_id'",
        "{\"url\": \"u\", \"dir_info\": {}}|URL scheme must be file:// when dir_info is present in 'url'",
        "{\"url\": \"file:///x\", \"dir_info\": {\"editable\": \"yes\"}}|Unexpected type str (expected bool) in 'dir_info.editable'",
        "{\"url\": \"u\", \"archive_info\": {}, \"subdirectory\": 3}|Unexpected type int (expected str) in 'subdirectory'",
    })
    void refusesWhatTheSpecificationForbids(String json, String message) {
        assertThatThrownBy(() -> DirectUrl.parse(json)).isInstanceOf(InvalidDirectUrlException.class).hasMessage(message);
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> DirectUrl.parse("{\"url\": ")).isInstanceOf(InvalidDirectUrlException.class)
                .hasMessageStartingWith("direct_url.json is not valid JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "file:///tmp/a%20b/c|/tmp/a b/c",
        "file://localhost/tmp/x|/tmp/x",
        "file:///tmp/x?q#f|/tmp/x",
        "file:///caf%C3%A9|/café",
    })
    void localPathsOfFileUrls(String url, String path) {
        assertThat(DirectUrl.directory(url, true).localPath()).contains(path);
    }

    @Test
    void remoteFileUrlsHaveNoLocalPath() {
        assertThat(DirectUrl.directory("file://server/share/x", true).localPath()).isEmpty();
        assertThat(DirectUrl.archive("https://h/x.whl", Optional.empty()).localPath()).isEmpty();
    }
}
