package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * PEP 735 dependency groups: every case of packaging's tests/test_dependency_groups.py (the
 * corpus lists them, {@code pypa-packaging/raw_params.json}), each written here with the
 * assertion the upstream test makes. A test of the corpus with no check here fails.
 */
class DependencyGroupsTest {
    private static final String FILE = "tests/test_dependency_groups.py";
    private static final Map<String, Consumer<JsonNode>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("test_resolver_init_catches_normalization_conflict", p -> {
            DependencyGroupsException e = failure(() -> DependencyGroups.of(
                    ordered("test", List.of("pytest"), "Test", List.of("pytest", "coverage"))));
            assertThat(e.summary()).isEqualTo("[dependency-groups] data was invalid");
            assertContains(e, DependencyGroupsException.Kind.DUPLICATE_NAMES, "Duplicate dependency group names");
        });
        CHECKS.put("test_lookup_on_trivial_normalization", p -> {
            List<DependencyGroups.Item> items = DependencyGroups.of(Map.of("test", List.of("pytest"))).lookup("Test");
            assertThat(items).singleElement().isInstanceOfSatisfying(DependencyGroups.Item.Dependency.class,
                    d -> assertThat(d.requirement().name()).isEqualTo("pytest"));
        });
        CHECKS.put("test_lookup_with_include_result", p -> {
            List<DependencyGroups.Item> items = DependencyGroups.of(ordered(
                    "test", List.of("pytest", include("runtime")), "runtime", List.of("click"))).lookup("test");
            assertThat(items).hasSize(2);
            assertThat(((DependencyGroups.Item.Dependency) items.get(0)).requirement().name()).isEqualTo("pytest");
            assertThat(items.get(1)).isEqualTo(new DependencyGroups.Item.Include("runtime"));
        });
        CHECKS.put("test_lookup_does_not_trigger_cyclic_include", p -> {
            List<DependencyGroups.Item> items = DependencyGroups.of(ordered(
                    "group1", List.of(include("group2")), "group2", List.of(include("group1")))).lookup("group1");
            assertThat(items).containsExactly(new DependencyGroups.Item.Include("group2"));
        });
        CHECKS.put("test_expand_contract_model_only_does_inner_lookup_once", p -> {
            // Upstream spies on the inner resolution; here: the shared group is resolved once and kept.
            DependencyGroups groups = DependencyGroups.of(ordered(
                    "root", List.of(include("mid1"), include("mid2"), include("mid3"), include("mid4")),
                    "mid1", List.of(include("contract")), "mid2", List.of(include("contract")),
                    "mid3", List.of(include("contract")), "mid4", List.of(include("contract")),
                    "contract", List.of(include("leaf")), "leaf", List.of("attrs")));
            List<Requirement> resolved = groups.resolve("root");
            assertThat(resolved).hasSize(4).allSatisfy(r -> assertThat(r.name()).isEqualTo("attrs"));
            assertThat(groups.resolve("contract")).isSameAs(groups.resolve("contract"));
        });
        CHECKS.put("test_no_double_parse", p -> {
            DependencyGroups groups = DependencyGroups.of(ordered(
                    "test", List.of(include("runtime")), "runtime", List.of("click")));
            List<DependencyGroups.Item> first = groups.lookup("test");
            assertThat(first).containsExactly(new DependencyGroups.Item.Include("runtime"));
            assertThat(groups.lookup("test")).isSameAs(first);
        });
        CHECKS.put("test_normalized_name_is_used_for_include_group_lookups", p -> {
            List<Requirement> result = DependencyGroups.of(ordered(
                    p.get("group_name_declared").asText(), List.of("spam"),
                    "eggs", List.of(include(p.get("group_name_used").asText())))).resolve("eggs");
            assertThat(result).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("spam"));
        });
        CHECKS.put("test_empty_group", p ->
                assertThat(DependencyGroups.resolve(Map.of("test", List.of()), "test")).isEmpty());
        CHECKS.put("test_str_list_group", p ->
                assertThat(DependencyGroups.resolve(Map.of("test", List.of("pytest")), "test")).containsExactly("pytest"));
        CHECKS.put("test_single_include_group", p -> assertThat(DependencyGroups.resolve(ordered(
                "test", List.of("pytest", include("runtime")), "runtime", List.of("sqlalchemy")), "test"))
                .containsExactlyInAnyOrder("pytest", "sqlalchemy"));
        CHECKS.put("test_sdual_include_group", p -> assertThat(DependencyGroups.resolve(ordered(
                "test", List.of("pytest"), "runtime", List.of("sqlalchemy")), "test", "runtime"))
                .containsExactlyInAnyOrder("pytest", "sqlalchemy"));
        CHECKS.put("test_normalized_group_name", p ->
                assertThat(DependencyGroups.resolve(Map.of("TEST", List.of("pytest")), "test")).containsExactly("pytest"));
        CHECKS.put("test_no_such_group_name", p -> {
            DependencyGroupsException e = failure(() ->
                    DependencyGroups.resolve(Map.of("test", List.of("pytest")), "testing"));
            assertThat(e.summary()).isEqualTo("[dependency-groups] data for 'testing' was malformed");
            assertContains(e, DependencyGroupsException.Kind.MISSING_GROUP, "'testing' not found");
        });
        CHECKS.put("test_duplicate_normalized_name", p -> {
            DependencyGroupsException e = failure(() -> DependencyGroups.resolve(
                    ordered("test", List.of("pytest"), "TEST", List.of("nose2")), "test"));
            assertThat(e.summary()).isEqualTo("[dependency-groups] data was invalid");
            assertContains(e, DependencyGroupsException.Kind.DUPLICATE_NAMES,
                    "Duplicate dependency group names: test (test, TEST)");
        });
        CHECKS.put("test_cyclic_include", p -> cyclic(ordered(
                "group1", List.of(include("group2")), "group2", List.of(include("group1"))), "group1",
                "Cyclic dependency group include while resolving group1: group1 -> group2, group2 -> group1"));
        CHECKS.put("test_cyclic_include_many_steps", p -> {
            Map<String, Object> groups = new LinkedHashMap<>();
            for (int i = 0; i < 100; i++) {
                groups.put("group" + i, List.of(include("group" + (i + 1))));
            }
            groups.put("group100", List.of(include("group0")));
            cyclic(groups, "group0", "Cyclic dependency group include while resolving group0: ");
        });
        CHECKS.put("test_cyclic_include_self", p -> cyclic(ordered("group1", List.of(include("group1"))), "group1",
                "Cyclic dependency group include while resolving group1: group1 includes itself"));
        CHECKS.put("test_cyclic_include_pickle_roundtrip", p -> {
            DependencyGroupsException e = failure(() -> DependencyGroups.resolve(
                    ordered("group1", List.of(include("group1"))), "group1"));
            DependencyGroupsException copy = roundTrip(e);
            assertThat(copy.getMessage()).isEqualTo(e.getMessage());
            assertThat(copy.problems()).isEqualTo(e.problems());
        });
        CHECKS.put("test_cyclic_include_ring_under_root", p -> cyclic(ordered(
                "root", List.of(include("group1")), "group1", List.of(include("group2")),
                "group2", List.of(include("group1"))), "root",
                "Cyclic dependency group include while resolving root: group1 -> group2, group2 -> group1"));
        CHECKS.put("test_cyclic_include_accessed_repeatedly_on_resolver_instance", p -> {
            DependencyGroups groups = DependencyGroups.of(ordered(
                    "group1", List.of(include("group2")), "group2", List.of(include("group1"))));
            for (int i = 0; i < 3; i++) {
                DependencyGroupsException e = failure(() -> groups.resolve("group1"));
                assertThat(e.summary()).isEqualTo("[dependency-groups] data for 'group1' was malformed");
                assertContains(e, DependencyGroupsException.Kind.CYCLIC_INCLUDE,
                        "Cyclic dependency group include while resolving group1: group1 -> group2, group2 -> group1");
            }
        });
        CHECKS.put("test_non_str_data", p -> malformed(Map.of("test", "pytest, coverage"),
                DependencyGroupsException.Kind.WRONG_TYPE,
                "Dependency group 'test' contained a string rather than a list."));
        CHECKS.put("test_non_list_data", p -> malformed(Map.of("test", 101L),
                DependencyGroupsException.Kind.WRONG_TYPE, "Dependency group 'test' is not a sequence type."));
        CHECKS.put("test_unknown_object_shape", p -> malformed(Map.of("test", List.of(table(p.get("item")))),
                DependencyGroupsException.Kind.INVALID_OBJECT, "Invalid dependency group item:"));
        CHECKS.put("test_malformed_group_entries_are_not_cached_on_resolver_instance", p -> {
            Map<String, Object> item = table(p.get("item"));
            boolean object = p.get("exc_type").get("$callable").asText().equals("InvalidDependencyGroupObject");
            DependencyGroups groups = DependencyGroups.of(Map.of("test", List.of(item)));
            for (int i = 0; i < 2; i++) {
                assertContains(failure(() -> groups.resolve("test")),
                        object ? DependencyGroupsException.Kind.INVALID_OBJECT : DependencyGroupsException.Kind.WRONG_TYPE,
                        p.get("match").asText());
            }
        });
        CHECKS.put("test_non_unexpected_item_type", p -> malformed(Map.of("test", List.of(new Object())),
                DependencyGroupsException.Kind.WRONG_TYPE, "Invalid dependency group item"));
        CHECKS.put("test_dependency_group_include_repr", p ->
                assertThat(new DependencyGroups.Item.Include("test")).hasToString("DependencyGroupInclude('test')"));
        CHECKS.put("test_resolution_collects_invalid_requirement_with_sibling_errors", p -> {
            DependencyGroupsException e = failure(() -> DependencyGroups.resolve(
                    Map.of("test", List.of("not a requirement!", Map.of()), "other", List.of()), "test"));
            assertThat(e.problems()).extracting(DependencyGroupsException.Problem::kind).containsExactly(
                    DependencyGroupsException.Kind.INVALID_REQUIREMENT, DependencyGroupsException.Kind.INVALID_OBJECT);
        });
        CHECKS.put("test_resolution_can_capture_multiple_errors_at_once", p -> {
            Map<String, Object> groups = ordered(
                    "all", List.of(include("all-invalid"), include("all-valid")),
                    "all-valid", List.of(include("empty"), include("simple")),
                    "all-invalid", List.of(include("self-reference"), include("invalid-object"),
                            include("invalid-type"), include("invalid-type")),
                    "self-reference", List.of(include("self-reference")),
                    "invalid-object", List.of(Map.of()),
                    "invalid-type", "foo",
                    "empty", List.of(),
                    "simple", List.of("jsonschema<5"));
            assertThat(DependencyGroups.resolve(groups, "all-valid")).containsExactly("jsonschema<5");
            DependencyGroupsException e = failure(() -> DependencyGroups.resolve(groups, "all"));
            assertThat(e.summary()).isEqualTo("[dependency-groups] data for 'all' was malformed");
            assertContains(e, DependencyGroupsException.Kind.CYCLIC_INCLUDE,
                    "Cyclic dependency group include while resolving all: self-reference includes itself");
            assertContains(e, DependencyGroupsException.Kind.WRONG_TYPE,
                    "Dependency group 'invalid-type' contained a string rather than a list.");
        });
    }

    @TestFactory
    Stream<DynamicTest> packagingCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode t : Corpus.json("pypa-packaging/raw_params.json").get(FILE)) {
            String name = t.get("test").asText();
            List<JsonNode> cases = Corpus.list(t.get("cases"));
            Corpus.count("raw_params.json " + name, cases.size());
            for (JsonNode c : cases) {
                tests.add(DynamicTest.dynamicTest(name + (c.has("params") ? " " + c.get("params") : ""), () -> {
                    assertThat(CHECKS).as("a check for packaging's " + name).containsKey(name);
                    CHECKS.get(name).accept(c.get("params"));
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(CHECKS.size());
        return tests.stream();
    }

    private static void cyclic(Map<String, ?> groups, String group, String message) {
        DependencyGroupsException e = failure(() -> DependencyGroups.resolve(groups, group));
        assertThat(e.summary()).isEqualTo("[dependency-groups] data for '" + group + "' was malformed");
        assertContains(e, DependencyGroupsException.Kind.CYCLIC_INCLUDE, message);
    }

    private static void malformed(Map<String, ?> groups, DependencyGroupsException.Kind kind, String message) {
        DependencyGroupsException e = failure(() -> DependencyGroups.resolve(groups, "test"));
        assertThat(e.summary()).isEqualTo("[dependency-groups] data for 'test' was malformed");
        assertContains(e, kind, message);
    }

    private static void assertContains(DependencyGroupsException e, DependencyGroupsException.Kind kind, String text) {
        assertThat(e.problems()).as(e.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(kind);
                    assertThat(p.message()).contains(text);
                });
    }

    private static DependencyGroupsException failure(Runnable r) {
        DependencyGroupsException e = catchThrowableOfType(DependencyGroupsException.class, r::run);
        assertThat(e).as("a DependencyGroupsException").isNotNull();
        return e;
    }

    private static Map<String, String> include(String group) {
        return Map.of("include-group", group);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A JSON object of the corpus as the map a TOML parser would give (numbers as Long). */
    private static Map<String, Object> table(JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(),
                e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asText()));
        return m;
    }

    private static DependencyGroupsException roundTrip(DependencyGroupsException e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (DependencyGroupsException) in.readObject();
            }
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }
}
