package dev.axle.lock;

import static dev.axle.lock.Tables.F40;
import static dev.axle.lock.Tables.list;
import static dev.axle.lock.Tables.lock;
import static dev.axle.lock.Tables.sha256;
import static dev.axle.lock.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Marker;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pypa/packaging's tests/test_pylock.py, case for case (method names are the upstream test
 * names; the parametrized ones read their cases from the corpus's raw_params.json).
 */
class PylockTest {
    private static final String FILE = "tests/test_pylock.py";

    @Test
    void every_upstream_test_has_a_counterpart() {
        Set<String> here = Arrays.stream(PylockTest.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        List<String> upstream = Corpus.list(Corpus.json("pypa-packaging/raw_params.json").get(FILE)).stream()
                .map(t -> t.get("test").asText()).toList();
        assertThat(upstream).hasSize(40);
        assertThat(here).containsAll(upstream);
    }

    @Test
    void test_pylock_file_name() {
        JsonNode cases = Corpus.rawParams(FILE, "test_pylock_file_name").get("cases");
        for (JsonNode c : cases) {
            assertThat(Pylock.isLockFileName(c.get("params").get("file_name").asText()))
                    .as(c.toString()).isEqualTo(c.get("params").get("valid").asBoolean());
        }
        assertThat(cases).hasSize(4);
    }

    @Test
    void test_toml_roundtrip() {
        String text = Corpus.text("pypa-packaging/pylock.spec-example.toml");
        Pylock lock = Pylock.parse(text);
        assertThat(lock.toMap()).isEqualTo(TomlValues.parse(text));
    }

    @Test
    void test_pylock_version() {
        JsonNode cases = Corpus.rawParams(FILE, "test_pylock_version").get("cases");
        for (JsonNode c : cases) {
            String v = c.get("params").get("version").asText();
            assertThat(Pylock.fromMap(table("lock-version", v, "created-by", "pip", "packages", list())).lockVersion())
                    .isEqualTo(Version.parse(v));
        }
        assertThat(cases).hasSize(2);
    }

    @Test
    void test_pylock_unsupported_version() {
        JsonNode cases = Corpus.rawParams(FILE, "test_pylock_unsupported_version").get("cases");
        for (JsonNode c : cases) {
            String v = c.get("params").get("version").asText();
            assertThatThrownBy(() -> Pylock.fromMap(table("lock-version", v, "created-by", "pip", "packages", list())))
                    .isInstanceOf(PylockUnsupportedVersionException.class)
                    .hasMessage("pylock version " + Version.parse(v) + " is not supported");
        }
        assertThat(cases).hasSize(4);
    }

    @Test
    void test_pylock_invalid_version() {
        refused(table("lock-version", "2.x", "created-by", "pip", "packages", list()),
                "Invalid version: '2.x' in 'lock-version'");
    }

    @Test
    void test_pylock_unexpected_type() {
        refused(table("lock-version", 1.0, "created-by", "pip", "packages", list()),
                "Unexpected type float (expected str) in 'lock-version'");
    }

    @Test
    void test_pylock_bool_rejected_for_int() {
        refused(lock(table("name", "example", "wheels", list(table("name", "example-1.0-py3-none-any.whl",
                "size", true, "hashes", sha256(F40))))),
                "Unexpected type bool (expected int) in 'packages[0].wheels[0].size'");
    }

    @Test
    void test_pylock_missing_version() {
        refused(table("created-by", "pip", "packages", list()), "Missing required value in 'lock-version'");
    }

    @Test
    void test_pylock_missing_created_by() {
        refused(table("lock-version", "1.0", "packages", list()), "Missing required value in 'created-by'");
    }

    @Test
    void test_pylock_missing_packages() {
        refused(table("lock-version", "1.0", "created-by", "uv"), "Missing required value in 'packages'");
    }

    @Test
    void test_pylock_packages_without_dist() {
        refused(lock(table("name", "example", "version", "1.0")),
                "Exactly one of vcs, directory, archive must be set if sdist and wheels are not set in 'packages[0]'");
    }

    @Test
    void test_pylock_packages_with_dist_and_archive() {
        refused(lock(table("name", "example", "version", "1.0",
                "archive", table("path", "example.tar.gz", "hashes", sha256(F40)),
                "sdist", table("path", "example-1.0.tar.gz", "hashes", sha256(F40)))),
                "None of vcs, directory, archive must be set if sdist or wheels are set in 'packages[0]'");
    }

    @Test
    void test_pylock_packages_with_archive_directory_and_vcs() {
        refused(lock(table("name", "example", "version", "1.0",
                "archive", table("path", "example.tar.gz", "hashes", sha256(F40)),
                "vcs", table("type", "git", "url", "https://githhub/pypa/packaging", "commit-id", "..."),
                "directory", table("path", ".", "editable", false))),
                "Exactly one of vcs, directory, archive must be set if sdist and wheels are not set in 'packages[0]'");
    }

    @Test
    void test_pylock_basic_package() {
        Map<String, Object> data = table("lock-version", "1.0", "created-by", "pip", "requires-python", ">=3.10",
                "environments", list("os_name == \"posix\""),
                "packages", list(table("name", "example", "version", "1.0", "marker", "os_name == \"posix\"",
                        "requires-python", "!=3.10.1,>=3.10", "directory", table("path", ".", "editable", false))));
        Pylock lock = Pylock.fromMap(data);
        assertThat(lock.environments()).contains(List.of(Marker.parse("os_name == \"posix\"")));
        Package p = lock.packages().get(0);
        assertThat(p.version()).contains(Version.parse("1.0"));
        assertThat(p.marker()).contains(Marker.parse("os_name == \"posix\""));
        assertThat(p.requiresPython()).contains(SpecifierSet.parse(">=3.10, !=3.10.1"));
        assertThat(lock.toMap()).isEqualTo(data);
    }

    @Test
    void test_pylock_vcs_package() {
        Map<String, Object> data = lock(table("name", "packaging",
                "vcs", table("type", "git", "url", "https://githhub/pypa/packaging", "commit-id", "...")));
        assertThat(Pylock.fromMap(data).toMap()).isEqualTo(data);
    }

    @Test
    void test_pylock_invalid_archive() {
        refused(table("lock-version", "1.0", "created-by", "pip", "requires-python", ">=3.10",
                "environments", list("os_name == \"posix\""),
                "packages", list(table("name", "example", "archive", table("hashes", sha256(F40))))),
                "path or url must be provided in 'packages[0].archive'");
    }

    @Test
    void test_pylock_invalid_vcs() {
        assertThatThrownBy(() -> PackageVcs.read(new TableReader(table("type", "git", "commit-id", F40))))
                .isInstanceOf(PylockValidationException.class).hasMessage("path or url must be provided");
    }

    @Test
    void test_dist_filename() {
        JsonNode cases = Corpus.rawParams(FILE, "test_dist_filename").get("cases");
        Pattern field = Pattern.compile("(name|url|path)=(None|'((?:[^'\\\\]|\\\\.)*)')");
        for (JsonNode c : cases) {
            JsonNode dist = c.get("params").get("dist");
            String repr = dist.has("$PackageSdist") ? dist.get("$PackageSdist").asText() : dist.get("$PackageWheel").asText();
            Map<String, Optional<String>> f = new java.util.HashMap<>();
            Matcher m = field.matcher(repr);
            while (m.find()) {
                f.put(m.group(1), m.group(3) == null ? Optional.empty() : Optional.of(m.group(3).replace("\\\\", "\\")));
            }
            String filename = dist.has("$PackageSdist")
                    ? new PackageSdist(f.get("name"), Optional.empty(), f.get("url"), f.get("path"), Optional.empty(),
                            Map.of()).filename()
                    : new PackageWheel(f.get("name"), Optional.empty(), f.get("url"), f.get("path"), Optional.empty(),
                            Map.of()).filename();
            assertThat(filename).as(repr).isEqualTo(c.get("params").get("expected_filename").asText());
        }
        assertThat(cases).hasSize(17);
    }

    @Test
    void test_missing_sdist_filename() {
        assertThatThrownBy(() -> new PackageSdist(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of()).filename()).hasMessage("Cannot determine sdist filename");
    }

    @Test
    void test_missing_wheel_filename() {
        assertThatThrownBy(() -> new PackageWheel(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of()).filename()).hasMessage("Cannot determine wheel filename");
    }

    @Test
    void test_pylock_invalid_wheel_filename() {
        refused(lock(table("name", "example",
                "wheels", list(table("url", "http://example.com/example-1.0.whl", "hashes", sha256(F40))))),
                "Invalid wheel filename 'example-1.0.whl' in 'packages[0].wheels[0]'");
    }

    @Test
    void test_pylock_inconsistent_wheel_name() {
        refused(lock(table("name", "example",
                "wheels", list(table("url", "http://e/other-1.0-py3-none-any.whl", "hashes", sha256(F40))))),
                "Name in 'other-1.0-py3-none-any.whl' is not consistent with package name 'example'"
                        + " in 'packages[0].wheels[0]'");
    }

    @Test
    void test_pylock_inconsistent_wheel_version() {
        refused(lock(table("name", "example", "version", "1.0",
                "wheels", list(table("url", "http://e/example-2.0-py3-none-any.whl", "hashes", sha256(F40))))),
                "Version in 'example-2.0-py3-none-any.whl' is not consistent with package version '1.0'"
                        + " in 'packages[0].wheels[0]'");
    }

    @Test
    void test_pylock_invalid_sdist_filename() {
        refused(lock(table("name", "example", "sdist", table("path", "./example.tar.gz", "hashes", sha256(F40)))),
                "Invalid sdist filename 'example.tar.gz' in 'packages[0].sdist'");
    }

    @Test
    void test_pylock_inconsistent_sdist_name() {
        refused(lock(table("name", "example", "sdist", table("path", "./other-1.0.tar.gz", "hashes", sha256(F40)))),
                "Name in 'other-1.0.tar.gz' is not consistent with package name 'example' in 'packages[0].sdist'");
    }

    @Test
    void test_pylock_inconsistent_sdist_version() {
        refused(lock(table("name", "example", "version", "1.0",
                "sdist", table("path", "./example-2.0.tar.gz", "hashes", sha256(F40)))),
                "Version in 'example-2.0.tar.gz' is not consistent with package version '1.0' in 'packages[0].sdist'");
    }

    @Test
    void test_pylock_invalid_wheel() {
        refused(table("lock-version", "1.0", "created-by", "pip", "requires-python", ">=3.10",
                "environments", list("os_name == \"posix\""),
                "packages", list(table("name", "example", "wheels", list(table(
                        "name", "example-1.0-py3-none-any.whl", "path", "./example-1.0-py3-none-any.whl"))))),
                "Missing required value in 'packages[0].wheels[0].hashes'");
    }

    @Test
    void test_pylock_invalid_environments() {
        refused(table("lock-version", "1.0", "created-by", "pip",
                "environments", list("os_name == \"posix\"", "invalid_marker == \"...\""), "packages", list()),
                "Expected a marker variable or quoted string\n    invalid_marker == \"...\"\n    ^ in 'environments[1]'");
    }

    @Test
    void test_pylock_invalid_environments_type() {
        refused(table("lock-version", "1.0", "created-by", "pip", "environments", list("os_name == \"posix\"", 1),
                "packages", list()), "Unexpected type int (expected str) in 'environments[1]'");
    }

    @Test
    void test_pylock_extras_and_groups() {
        Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "pip", "extras", list("feat1", "feat2"),
                "dependency-groups", list("dev", "docs"), "default-groups", list("dev"), "packages", list()));
        assertThat(lock.extras()).contains(List.of("feat1", "feat2"));
        assertThat(lock.dependencyGroups()).contains(List.of("dev", "docs"));
        assertThat(lock.defaultGroups()).contains(List.of("dev"));
    }

    @Test
    void test_pylock_tool() {
        Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "pip",
                "packages", list(table("name", "example", "sdist", table("name", "example-1.0.tar.gz",
                        "path", "./example-1.0.tar.gz", "upload-time", LocalDateTime.of(2023, 10, 1, 0, 0),
                        "hashes", sha256(F40)), "tool", table("pip", table("foo", "bar")))),
                "tool", table("pip", table("version", "25.2"))));
        assertThat(lock.tool()).contains(Map.of("pip", Map.of("version", "25.2")));
        assertThat(lock.packages().get(0).tool()).contains(Map.of("pip", Map.of("foo", "bar")));
    }

    @Test
    void test_pylock_package_not_a_table() {
        refused(lock("example"), "Unexpected type str (expected Mapping) in 'packages[0]'");
    }

    @Test
    void test_hash_validation() {
        JsonNode cases = Corpus.rawParams(FILE, "test_hash_validation").get("cases");
        for (JsonNode c : cases) {
            JsonNode h = c.get("params").get("hashes");
            Object hashes = h.isTextual() ? h.asText() : new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(h, Map.class);
            assertThatThrownBy(() -> PackageWheel.read(new TableReader(table("name", "example-1.0-py3-none-any.whl",
                    "upload_time", null, "url", "https://example.com/example-1.0-py3-none-any.whl", "path", null,
                    "size", null, "hashes", hashes))))
                    .isInstanceOf(PylockValidationException.class)
                    .hasMessage(c.get("params").get("expected_error").asText());
        }
        assertThat(cases).hasSize(3);
    }

    @Test
    void test_package_name_validation() {
        assertThatThrownBy(() -> Package.read(new TableReader(table("name", "Example"))))
                .hasMessage("Name 'Example' is not normalized in 'name'");
    }

    @Test
    void test_extras_name_validation() {
        refused(table("lock-version", "1.0", "created-by", "pip", "extras", list("extra", "Feature"), "packages", list()),
                "Name 'Feature' is not normalized in 'extras[1]'");
    }

    @Test
    void test_is_direct() {
        assertThat(Package.of(ProjectName.parse("example"), Optional.empty(), PackageDirectory.of(".")).isDirect())
                .isTrue();
        assertThat(Package.of(ProjectName.parse("example"), Optional.empty(),
                PackageWheel.ofUrl("https://example.com/example-1.0-py3-none-any.whl", Map.of("sha256", F40))).isDirect())
                .isFalse();
    }

    @Test
    void test_validate() {
        Pylock good = Pylock.of("some_tool", List.of(Package.of(ProjectName.parse("example-package"),
                Optional.of(Version.parse("1.0.0")),
                PackageWheel.ofUrl("https://example.com/example_package-1.0.0-py3-none-any.whl", Map.of("sha256", "0fd..")))));
        good.validate();
        // A ProjectName is always normalized, so the upstream's unnormalized name can only come from a document.
        Map<String, Object> doc = new java.util.LinkedHashMap<>(good.toMap());
        Map<String, Object> pkg = new java.util.LinkedHashMap<>(PylockMaps.of(good.packages().get(0)));
        pkg.put("name", "example_package");
        doc.put("packages", list(pkg));
        refused(doc, "Name 'example_package' is not normalized in 'packages[0].name'");
    }

    @Test
    void test_validate_sequence_of_str() {
        refused(table("lock-version", "1.0", "created-by", "some_tool", "packages", list(), "dependency-groups", "abc"),
                "Unexpected type str (expected Sequence) in 'dependency-groups'");
    }

    @Test
    void test_validate_attestation_identity_missing_kind() {
        refused(lock(table("name", "example", "directory", table("path", "."),
                "attestation-identities", list(table("kind", "GitHub"), table("repository", "x")))),
                "Missing required value in 'packages[0].attestation-identities[1].kind'");
    }

    @Test
    void test_validate_attestation_identity_invalid_kind() {
        refused(lock(table("name", "example", "directory", table("path", "."),
                "attestation-identities", list(table("kind", 1)))),
                "Unexpected type int (expected str) in 'packages[0].attestation-identities[0].kind'");
    }

    /** More refusals, each message as packaging 26.3 gives it for the same input. */
    @Test
    void packaging_messages_for_other_mistakes() {
        refused(lock(table("name", "example", "wheels", list(table("url", "https://e/", "hashes", sha256(F40))))),
                "Cannot determine wheel filename in 'packages[0]'");
        refused(lock(table("name", "example", "sdist", table("path", "example-1.0.tar.gz",
                "upload-time", LocalDate.of(2020, 1, 1), "hashes", sha256(F40)))),
                "Unexpected type date (expected datetime) in 'packages[0].sdist.upload-time'");
        refused(lock(table("name", "example", "directory", table("path", "."), "dependencies", table("a", 1))),
                "Unexpected type dict (expected Sequence) in 'packages[0].dependencies'");
        refused(lock(table("name", "example", "directory", table("path", "."), "dependencies", list("a"))),
                "Unexpected type str (expected Mapping) in 'packages[0].dependencies[0]'");
        refused(lock(table("name", "example", "vcs", table())), "Missing required value in 'packages[0].vcs.type'");
        refused(lock(table("name", "example", "requires-python", ">=3.x", "directory", table("path", "."))),
                "Invalid specifier: '>=3.x' in 'packages[0].requires-python'");
        refused(lock(table("name", "example", "marker", "os_name ==", "directory", table("path", "."))),
                "Expected a marker variable or quoted string\n    os_name ==\n              ^ in 'packages[0].marker'");
        refused(table("lock-version", "1.0", "created-by", "pip", "packages", "x"),
                "Unexpected type str (expected Sequence) in 'packages'");
        assertThatThrownBy(() -> Pylock.fromMap(table("lock-version", "1.0.dev0", "created-by", "pip", "packages", list())))
                .isInstanceOf(PylockUnsupportedVersionException.class)
                .hasMessage("pylock version 1.0.dev0 is not supported");
        // packaging checks every key before the version, and lets a 2.0 pre-release through.
        refused(table("lock-version", "3", "packages", list()), "Missing required value in 'created-by'");
        assertThat(Pylock.fromMap(table("lock-version", "2.0.dev0", "created-by", "pip", "packages", list()))
                .lockVersion()).isEqualTo(Version.parse("2.0.dev0"));
        refused(table("lock-version", "1.0", "created-by", "pip", "packages", list(), "tool", list()),
                "Unexpected type list (expected Mapping) in 'tool'");
        assertThat(Pylock.fromMap(lock(table("name", "example", "wheels", list(),
                "sdist", table("url", "https://e/example-1.0.zip", "hashes", sha256(F40))))).packages()).hasSize(1);
    }

    static void refused(Map<String, ?> document, String message) {
        assertThatThrownBy(() -> Pylock.fromMap(document)).isInstanceOf(PylockValidationException.class)
                .hasMessage(message);
    }
}
