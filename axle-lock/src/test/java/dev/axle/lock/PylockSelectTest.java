package dev.axle.lock;

import static dev.axle.lock.Tables.list;
import static dev.axle.lock.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Tag;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pypa/packaging's tests/test_pylock_select.py, case for case (method names are the upstream
 * test names; parametrized cases come from the corpus's raw_params.json). Where upstream
 * selects for the running interpreter, these select for the same CPython 3.12 on Linux.
 */
class PylockSelectTest {
    private static final String FILE = "tests/test_pylock_select.py";
    static final List<Tag> PY312_LINUX_TAGS = List.of(new Tag("cp312", "cp312", "manylinux_2_17_x86_64"),
            new Tag("py3", "none", "any"));
    static final Map<String, String> PY312_LINUX_VALUES = Map.ofEntries(
            Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", "3.12.12"),
            Map.entry("os_name", "posix"), Map.entry("platform_machine", "x86_64"),
            Map.entry("platform_release", "6.8.0-100-generic"), Map.entry("platform_system", "Linux"),
            Map.entry("platform_version", "#100-Ubuntu SMP PREEMPT_DYNAMIC"),
            Map.entry("python_full_version", "3.12.12"), Map.entry("platform_python_implementation", "CPython"),
            Map.entry("python_version", "3.12"), Map.entry("sys_platform", "linux"));
    static final MarkerEnvironment PY312_LINUX = MarkerEnvironment.of(PY312_LINUX_VALUES);

    @Test
    void every_upstream_test_has_a_counterpart() {
        Set<String> here = Arrays.stream(getClass().getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        List<String> upstream = Corpus.list(Corpus.json("pypa-packaging/raw_params.json").get(FILE)).stream()
                .map(t -> t.get("test").asText()).toList();
        assertThat(upstream).hasSize(15);
        assertThat(here).containsAll(upstream);
    }

    @Test
    void test_smoke_test() {
        Pylock lock = Pylock.parse(Corpus.text("pypa-packaging/pylock.spec-example.toml"));
        List<SelectedPackage> selected = lock.select(PY312_LINUX, PY312_LINUX_TAGS);
        assertThat(selected).extracting(s -> s.entry().name().toString()).containsExactly("attrs", "cattrs", "numpy");
        assertThat(selected).allSatisfy(s -> assertThat(s.source()).isInstanceOf(PackageWheel.class));
        assertThat(((PackageWheel) selected.get(2).source()).filename())
                .isEqualTo("numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    }

    /** Upstream's first case (an empty list) follows the specification and packaging after 26.3, not 26.3 itself. */
    @Test
    void test_lock_no_matching_env() {
        JsonNode cases = Corpus.rawParams(FILE, "test_lock_no_matching_env").get("cases");
        for (JsonNode c : cases) {
            List<Object> environments = new ArrayList<>();
            c.get("params").get("environments").forEach(m -> environments.add(m.get("$Marker").asText()));
            Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "some_tool",
                    "environments", environments, "packages", list()));
            assertThatThrownBy(() -> lock.select(PY312_LINUX, PY312_LINUX_TAGS))
                    .isInstanceOf(PylockSelectException.class).hasMessage(
                            "Provided environment does not satisfy any of the environments specified in the lock file");
        }
        assertThat(cases).hasSize(2);
    }

    @Test
    void test_lock_without_environments() {
        Pylock lock = Pylock.fromMap(Tables.lock(directory("foo", "./foo")));
        assertThat(lock.select(PY312_LINUX, PY312_LINUX_TAGS)).hasSize(1);
    }

    @Test
    void test_lock_require_python_mismatch() {
        Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "some_tool",
                "requires-python", "==3.14.*", "packages", list()));
        assertThatThrownBy(() -> lock.select(PY312_LINUX, PY312_LINUX_TAGS)).isInstanceOf(PylockSelectException.class)
                .hasMessage("python_full_version '3.12.12' in provided environment does not satisfy the Python"
                        + " version requirement '==3.14.*'");
    }

    @Test
    void test_package_require_python_mismatch() {
        Map<String, Object> foo = directory("foo", ".");
        foo.put("version", "1.0");
        foo.put("requires-python", "==3.14.*");
        Pylock lock = Pylock.fromMap(Tables.lock(foo));
        assertThatThrownBy(() -> lock.select(PY312_LINUX, PY312_LINUX_TAGS)).isInstanceOf(PylockSelectException.class)
                .hasMessage("python_full_version '3.12.12' in provided environment does not satisfy the Python"
                        + " version requirement '==3.14.*' for package 'foo' at packages[0]");
    }

    @Test
    void test_package_select_by_marker() {
        Pylock lock = Pylock.fromMap(Tables.lock(
                table("name", "tomli", "marker", "python_version < \"3.11\"", "version", "1.0",
                        "archive", table("path", "tomli-1.0.tar.gz", "hashes", Tables.sha256("abc123"))),
                table("name", "foo", "marker", "python_version >= \"3.11\"", "version", "1.0",
                        "archive", table("path", "foo-1.0.tar.gz", "hashes", Tables.sha256("abc123")))));
        assertThat(lock.select(PY312_LINUX, PY312_LINUX_TAGS)).extracting(s -> s.entry().name().toString())
                .containsExactly("foo");
    }

    @Test
    void test_duplicate_packages() {
        Pylock lock = Pylock.fromMap(Tables.lock(
                table("name", "foo", "version", "1.0",
                        "archive", table("path", "tomli-1.0.tar.gz", "hashes", Tables.sha256("abc123"))),
                table("name", "foo", "version", "2.0",
                        "archive", table("path", "foo-1.0.tar.gz", "hashes", Tables.sha256("abc123")))));
        assertThatThrownBy(() -> lock.select(PY312_LINUX, PY312_LINUX_TAGS)).isInstanceOf(PylockSelectException.class)
                .hasMessage("Multiple packages with the name 'foo' are selected at packages[1] and packages[0]");
    }

    @Test
    void test_yield_all_types() {
        Pylock lock = Pylock.fromMap(Tables.lock(
                table("name", "foo-archive", "archive", table("path", "tomli-1.0.tar.gz", "hashes", Tables.sha256("abc123"))),
                directory("foo-directory", "./foo-directory"),
                table("name", "foo-vcs", "vcs", table("type", "git", "url", "https://example.com/foo.git", "commit-id", "fa123")),
                table("name", "foo-sdist", "sdist", table("path", "foo_sdist-1.0.tar.gz", "hashes", Tables.sha256("abc123"))),
                table("name", "foo-wheel", "wheels", list(wheel("foo_wheel-1.0-py3-none-any.whl")))));
        assertThat(lock.select(PY312_LINUX, PY312_LINUX_TAGS)).extracting(s -> s.source().getClass().getSimpleName())
                .containsExactly("PackageArchive", "PackageDirectory", "PackageVcs", "PackageSdist", "PackageWheel");
    }

    @Test
    void test_sdist_fallback() {
        Pylock lock = Pylock.fromMap(Tables.lock(table("name", "foo",
                "sdist", table("path", "foo-1.0.tar.gz", "hashes", Tables.sha256("abc123")),
                "wheels", list(wheel("foo-1.0-py5-none-any.whl")))));
        assertThat(lock.select(PY312_LINUX, PY312_LINUX_TAGS)).singleElement()
                .satisfies(s -> assertThat(s.source()).isInstanceOf(PackageSdist.class));
    }

    @Test
    void test_missing_sdist_fallback() {
        Pylock lock = Pylock.fromMap(Tables.lock(table("name", "foo", "wheels", list(wheel("foo-1.0-py5-none-any.whl")))));
        assertThatThrownBy(() -> lock.select(PY312_LINUX, PY312_LINUX_TAGS)).isInstanceOf(PylockSelectException.class)
                .hasMessage("No wheel found matching the provided tags for package 'foo' at packages[0],"
                        + " and no sdist available as a fallback");
    }

    @Test
    void test_empty_tags_selects_sdist_instead_of_host_compatible_wheel() {
        Pylock lock = Pylock.fromMap(Tables.lock(table("name", "foo",
                "sdist", table("path", "foo-1.0.tar.gz", "hashes", Tables.sha256("abc123")),
                "wheels", list(wheel("foo-1.0-py3-none-any.whl")))));
        assertThat(lock.select(PY312_LINUX, List.of())).singleElement()
                .satisfies(s -> assertThat(s.source()).isInstanceOf(PackageSdist.class));
    }

    @Test
    void test_empty_tags_rejects_wheel_only_lock() {
        Pylock lock = Pylock.fromMap(Tables.lock(table("name", "foo", "wheels", list(wheel("foo-1.0-py3-none-any.whl")))));
        assertThatThrownBy(() -> lock.select(PY312_LINUX, List.of())).isInstanceOf(PylockSelectException.class)
                .hasMessageStartingWith("No wheel found matching the provided tags for package 'foo'");
    }

    @Test
    void test_prefer_sdist_predicate() {
        JsonNode cases = Corpus.rawParams(FILE, "test_prefer_sdist_predicate").get("cases");
        for (JsonNode c : cases) {
            JsonNode p = c.get("params");
            Map<String, Object> foo = table("name", "foo");
            if (!p.get("wheel_python_tag").isNull()) {
                foo.put("wheels", list(wheel("foo-1.0-" + p.get("wheel_python_tag").asText() + "-none-any.whl")));
            }
            if (p.get("include_sdist").asBoolean()) {
                foo.put("sdist", table("path", "foo-1.0.tar.gz", "hashes", Tables.sha256("abc123")));
            }
            Pylock lock = Pylock.fromMap(Tables.lock(foo));
            List<ProjectName> asked = new ArrayList<>();
            List<SelectedPackage> selected = lock.select(PY312_LINUX, PY312_LINUX_TAGS, Set.of(), Optional.empty(),
                    name -> asked.add(name) && p.get("prefer_sdist").asBoolean());
            assertThat(selected.get(0).source().getClass().getSimpleName()).as(p.toString())
                    .isEqualTo(p.get("expected_type").get("$callable").asText());
            assertThat(asked).as(p.toString()).hasSize(p.get("called").asBoolean() ? 1 : 0);
        }
        assertThat(cases).hasSize(5);
    }

    @Test
    void test_extras_and_groups() {
        Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "some_tool",
                "extras", list("feat1", "feat2"), "dependency-groups", list("dev", "docs"), "default-groups", list("dev"),
                "packages", list(directory("foo", "./foo"),
                        marked(directory("foo-dev", "./foo-dev"), "'dev' in dependency_groups"),
                        marked(directory("foo-docs", "./foo-docs"), "'docs' in dependency_groups"),
                        marked(directory("foo-feat1", "./foo-feat1"), "'feat1' in extras"),
                        marked(directory("foo-feat2", "./foo-feat2"), "'feat2' in extras"))));
        JsonNode cases = Corpus.rawParams(FILE, "test_extras_and_groups").get("cases");
        for (JsonNode c : cases) {
            JsonNode p = c.get("params");
            List<String> extras = p.get("extras").isNull() ? List.of() : Corpus.list(p.get("extras")).stream()
                    .map(JsonNode::asText).toList();
            Optional<List<String>> groups = p.get("dependency_groups").isNull() ? Optional.empty()
                    : Optional.of(Corpus.list(p.get("dependency_groups")).stream().map(JsonNode::asText).toList());
            assertThat(lock.select(PY312_LINUX, PY312_LINUX_TAGS, extras, groups, name -> false))
                    .as(p.toString()).extracting(s -> s.entry().name().toString())
                    .containsExactlyElementsOf(Corpus.list(p.get("expected")).stream().map(JsonNode::asText).toList());
        }
        assertThat(cases).hasSize(10);
    }

    /** A pre-release interpreter satisfies a requires-python its final release would (packaging 26.3 agrees). */
    @Test
    void test_python_prerelease() {
        Map<String, Object> foo = directory("foo", ".");
        foo.put("requires-python", ">=3.13");
        Pylock lock = Pylock.fromMap(table("lock-version", "1.0", "created-by", "some_tool",
                "requires-python", ">=3.13", "packages", list(foo)));
        MarkerEnvironment py314rc = PY312_LINUX.with("python_full_version", "3.14.0rc1").with("python_version", "3.14");
        assertThat(lock.select(py314rc, PY312_LINUX_TAGS)).hasSize(1);
    }

    static Map<String, Object> directory(String name, String path) {
        return table("name", name, "directory", table("path", path));
    }

    static Map<String, Object> marked(Map<String, Object> pkg, String marker) {
        pkg.put("marker", marker);
        return pkg;
    }

    static Map<String, Object> wheel(String filename) {
        return table("name", filename, "path", "./" + filename, "hashes", Tables.sha256("abc123"));
    }
}
