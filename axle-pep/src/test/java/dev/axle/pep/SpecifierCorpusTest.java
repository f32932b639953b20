package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** pypa/packaging's specifier vectors ({@code pypa-packaging/specifiers.json}), including the full oracle matrix. */
class SpecifierCorpusTest {
    private static final JsonNode S = Corpus.json("pypa-packaging/specifiers.json");
    /** Where packaging 26.3 answers differently from the corpus oracle (26.4.dev0), 26.3 is the reference. */
    private static final Map<String, Boolean> VALIDITY_IN_26_3 = validityOverrides();

    private static Map<String, Boolean> validityOverrides() {
        Map<String, Boolean> m = new HashMap<>();
        JsonNode diffs = Corpus.json("pypa-packaging/oracle-diffs/packaging-26.3.json").at("/differences/specifier_valid");
        for (JsonNode d : diffs) {
            m.put(d.get("case").asText(), d.get("this_release").asBoolean());
        }
        return m;
    }

    private static boolean expectedValid(String spec, boolean corpus) {
        return VALIDITY_IN_26_3.getOrDefault(spec, corpus);
    }

    @TestFactory
    Stream<DynamicTest> validAndInvalidSpecifiers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String s : Corpus.strings(S.get("valid_specifiers"))) {
            tests.add(DynamicTest.dynamicTest("valid " + s, () -> Specifier.parse(s)));
        }
        for (String s : Corpus.strings(S.get("invalid_specifiers"))) {
            tests.add(DynamicTest.dynamicTest("invalid " + s, () -> {
                if (expectedValid(s, false)) {
                    Specifier.parse(s);
                } else {
                    assertThatThrownBy(() -> Specifier.parse(s)).isInstanceOf(InvalidSpecifierException.class)
                            .hasMessageStartingWith("Invalid specifier: ");
                }
            }));
        }
        Corpus.count("specifiers.json valid_specifiers + invalid_specifiers", tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> versionsValidWithEveryOperator() {
        List<String> versions = Corpus.strings(S.at("/versions_valid_with_every_operator/versions"));
        Corpus.count("specifiers.json versions_valid_with_every_operator (x7 operators)", versions.size() * 7L);
        return versions.stream().map(v -> DynamicTest.dynamicTest(v, () -> {
            boolean local = v.contains("+");
            for (String op : List.of("~=", "==", "!=", "<=", ">=", "<", ">")) {
                if (!local || op.equals("==") || op.equals("!=")) {
                    assertThat(Specifier.parse(op + v).version()).isEqualTo(Text.strip(v));
                } else {
                    assertThatThrownBy(() -> Specifier.parse(op + v)).isInstanceOf(InvalidSpecifierException.class);
                }
            }
        }));
    }

    @Test
    void strAndProperties() {
        for (JsonNode n : S.get("specifier_str")) {
            assertThat(Specifier.parse(n.get("input").asText()).toString()).isEqualTo(n.get("str").asText());
        }
        for (JsonNode n : S.get("specifier_set_str")) {
            assertThat(SpecifierSet.parse(n.get("input").asText()).toString()).isEqualTo(n.get("str").asText());
        }
        JsonNode p = S.get("properties");
        for (JsonNode n : p.get("operator")) {
            assertThat(Specifier.parse(n.get("spec").asText()).operator().symbol()).isEqualTo(n.get("operator").asText());
        }
        for (JsonNode n : p.get("version")) {
            assertThat(Specifier.parse(n.get("spec").asText()).version()).isEqualTo(n.get("version").asText());
        }
        for (JsonNode n : p.get("prereleases_detected")) {
            assertThat(Specifier.parse(n.get("spec").asText()).prereleases()).as(n.toString())
                    .isEqualTo(Corpus.bool(n.get("prereleases")));
        }
        for (JsonNode n : p.get("set_length")) {
            assertThat(SpecifierSet.parse(n.get("spec").asText()).size()).isEqualTo(n.get("length").asInt());
        }
        for (JsonNode n : p.get("set_iteration")) {
            List<String> members = new ArrayList<>();
            SpecifierSet.parse(n.get("spec").asText()).forEach(s -> members.add(s.toString()));
            assertThat(members).containsExactlyInAnyOrderElementsOf(Corpus.strings(n.get("members")));
        }
        Corpus.count("specifiers.json specifier_str, specifier_set_str, properties",
                S.get("specifier_str").size() + S.get("specifier_set_str").size() + p.get("operator").size()
                        + p.get("version").size() + p.get("prereleases_detected").size() + p.get("set_length").size()
                        + p.get("set_iteration").size());
    }

    @TestFactory
    Stream<DynamicTest> equality() {
        Corpus.count("specifiers.json equality", S.get("equality").size());
        return Corpus.list(S.get("equality")).stream().map(n -> DynamicTest.dynamicTest(n.toString(), () -> {
            String l = n.get("left").asText();
            String r = n.get("right").asText();
            boolean same = n.get("class").asText().equals("Specifier")
                    ? Specifier.parse(l).equals(Specifier.parse(r))
                    : SpecifierSet.parse(l).equals(SpecifierSet.parse(r));
            boolean expected = n.get("expected").asBoolean();
            assertThat(n.get("op").asText().equals("eq") ? same : !same).isEqualTo(expected);
            if (same) {
                Object a = n.get("class").asText().equals("Specifier") ? Specifier.parse(l) : SpecifierSet.parse(l);
                Object b = n.get("class").asText().equals("Specifier") ? Specifier.parse(r) : SpecifierSet.parse(r);
                assertThat(a.hashCode()).isEqualTo(b.hashCode());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> contains() {
        Corpus.count("specifiers.json contains", S.get("contains").size());
        return Corpus.list(S.get("contains")).stream().map(n -> DynamicTest.dynamicTest(n.toString(), () -> {
            String spec = n.get("specifier").asText();
            Boolean specPre = Corpus.bool(n.get("spec_prereleases"));
            Boolean callPre = Corpus.bool(n.get("call_prereleases"));
            boolean installed = n.has("installed") && n.get("installed").asBoolean();
            String version = n.get("version").asText();
            boolean asVersion = n.has("via") && n.get("via").asText().startsWith("Version(v)");
            boolean actual;
            if (n.get("class").asText().equals("Specifier")) {
                Specifier s = Specifier.parse(spec, specPre);
                actual = asVersion ? s.contains(Version.parse(version), callPre) : s.contains(version, callPre);
            } else {
                SpecifierSet s = SpecifierSet.parse(spec, specPre);
                actual = asVersion ? s.contains(Version.parse(version), callPre, installed)
                        : s.contains(version, callPre, installed);
            }
            assertThat(actual).isEqualTo(n.get("expected").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> filter() {
        Corpus.count("specifiers.json filter", S.get("filter").size());
        return Corpus.list(S.get("filter")).stream().map(n -> DynamicTest.dynamicTest(n.toString(), () -> {
            String spec = n.get("specifier").asText();
            Boolean specPre = Corpus.bool(n.get("spec_prereleases"));
            Boolean callPre = Corpus.bool(n.get("call_prereleases"));
            List<String> input = Corpus.strings(n.get("input"));
            List<String> actual = n.get("class").asText().equals("Specifier")
                    ? Specifier.parse(spec, specPre).filterStrings(input, callPre)
                    : SpecifierSet.parse(spec, specPre).filterStrings(input, callPre);
            assertThat(actual).containsExactlyElementsOf(Corpus.strings(n.get("expected")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> setRelationsAndCombination() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode n : S.get("set_relations")) {
            tests.add(DynamicTest.dynamicTest(n.toString(), () -> {
                SpecifierSet l = SpecifierSet.parse(n.get("left").asText());
                SpecifierSet r = SpecifierSet.parse(n.get("right").asText());
                boolean actual = switch (n.get("relation").asText()) {
                    case "is_subset" -> l.isSubsetOf(r);
                    case "is_superset" -> l.isSupersetOf(r);
                    case "is_disjoint" -> l.isDisjointFrom(r);
                    default -> throw new IllegalStateException(n.toString());
                };
                assertThat(actual).isEqualTo(n.get("expected").asBoolean());
            }));
        }
        for (JsonNode n : S.get("combine_and")) {
            tests.add(DynamicTest.dynamicTest(n.toString(), () -> assertThat(
                    SpecifierSet.parse(n.get("left").asText()).and(SpecifierSet.parse(n.get("right").asText())))
                    .isEqualTo(SpecifierSet.parse(n.get("expected").asText()))));
        }
        for (JsonNode n : S.get("intersection_preserving")) {
            tests.add(DynamicTest.dynamicTest(n.toString(), () -> {
                String a = n.get("spec1").asText();
                String b = n.get("spec2").asText();
                List<String> input = Corpus.strings(n.get("input"));
                Set<String> both = new HashSet<>(Specifier.parse(a).filterStrings(input, null));
                both.retainAll(Specifier.parse(b).filterStrings(input, null));
                assertThat(new HashSet<>(SpecifierSet.parse(a + "," + b).filterStrings(input, null))).isEqualTo(both);
            }));
        }
        Corpus.count("specifiers.json set_relations, combine_and, intersection_preserving", tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> satisfiability() {
        JsonNode d = S.get("satisfiability");
        List<String> samples = Corpus.strings(d.get("sample_versions"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String section : List.of("unsatisfiable", "satisfiable", "unsatisfiable_when_prereleases_false",
                "satisfiable_when_prereleases_false", "post_release_boundary_unsatisfiable")) {
            boolean unsatisfiable = section.contains("unsatisfiable");
            boolean preFalse = section.endsWith("prereleases_false");
            for (String s : Corpus.strings(d.get(section))) {
                tests.add(DynamicTest.dynamicTest(section + " " + s, () -> {
                    SpecifierSet set = SpecifierSet.parse(s, preFalse ? Boolean.FALSE : null);
                    assertThat(set.isUnsatisfiable()).isEqualTo(unsatisfiable);
                    List<String> matched = preFalse ? set.filterStrings(samples, null) : set.filterStrings(samples, true);
                    assertThat(matched.isEmpty()).isEqualTo(unsatisfiable);
                }));
            }
        }
        Corpus.count("specifiers.json satisfiability", tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> oracleSpecifierRecords() {
        Corpus.count("specifiers.json oracle_specifier_records", S.get("oracle_specifier_records").size());
        return Corpus.list(S.get("oracle_specifier_records")).stream().map(r -> DynamicTest.dynamicTest("record " + r.get("input").asText(), () -> {
            String input = r.get("input").asText();
            if (expectedValid(input, r.get("valid_specifier").asBoolean())) {
                Specifier s = Specifier.parse(input);
                if (r.has("str")) {
                    assertThat(s.toString()).isEqualTo(r.get("str").asText());
                    assertThat(s.operator().symbol()).isEqualTo(r.get("operator").asText());
                    assertThat(s.version()).isEqualTo(r.get("version").asText());
                    assertThat(s.prereleases()).isEqualTo(Corpus.bool(r.get("prereleases_detected")));
                }
            } else {
                assertThatThrownBy(() -> Specifier.parse(input)).isInstanceOf(InvalidSpecifierException.class)
                        .hasMessageStartingWith(r.get("specifier_error").asText());
            }
            if (expectedValid(input, r.get("valid_specifier_set").asBoolean())) {
                SpecifierSet set = SpecifierSet.parse(input);
                if (r.has("set_str")) {
                    assertThat(set.toString()).isEqualTo(r.get("set_str").asText());
                    assertThat(set.size()).isEqualTo(r.get("set_len").asInt());
                    assertThat(set.specifiers().stream().map(Specifier::toString).sorted().toList())
                            .isEqualTo(Corpus.strings(r.get("set_members")).stream().sorted().toList());
                    assertThat(set.prereleases()).isEqualTo(Corpus.bool(r.get("set_prereleases_detected")));
                    assertThat(set.isUnsatisfiable()).isEqualTo(r.get("is_unsatisfiable").asBoolean());
                }
            } else {
                assertThatThrownBy(() -> SpecifierSet.parse(input)).isInstanceOf(InvalidSpecifierException.class)
                        .hasMessageStartingWith(r.get("set_error").asText());
            }
        }));
    }

    /** 389 specifier sets x 1,189 versions x (contains, filter) x (default, true, false). */
    @TestFactory
    Stream<DynamicTest> oracleMatrix() {
        JsonNode m = S.get("oracle_matrix");
        List<String> versionStrings = Corpus.strings(m.get("versions"));
        List<Version> versions = versionStrings.stream().map(Version::parse).toList();
        List<DynamicTest> tests = new ArrayList<>();
        m.get("specs").fields().forEachRemaining(e -> tests.add(DynamicTest.dynamicTest("matrix " + e.getKey(), () -> {
            SpecifierSet set = SpecifierSet.parse(e.getKey());
            JsonNode cols = e.getValue();
            Boolean[] policies = {null, Boolean.TRUE, Boolean.FALSE};
            String[] names = {"default", "pre_true", "pre_false"};
            for (int p = 0; p < 3; p++) {
                String contains = cols.get("contains_" + names[p]).asText();
                String filter = cols.get("filter_" + names[p]).asText();
                // The oracle passed version strings; === compares those verbatim, so the
                // Version-typed calls are checked only where no === is involved.
                boolean typed = !e.getKey().contains("===");
                Set<String> kept = new HashSet<>(set.filterStrings(versionStrings, policies[p]));
                Set<Integer> keptTyped = new HashSet<>(set.filter(indices(versions.size()), versions::get, policies[p]));
                for (int i = 0; i < versions.size(); i++) {
                    boolean expectContains = contains.charAt(i) == '1';
                    boolean expectKept = filter.charAt(i) == '1';
                    assertThat(set.contains(versionStrings.get(i), policies[p], false))
                            .as("contains(%s, %s)", versionStrings.get(i), policies[p]).isEqualTo(expectContains);
                    assertThat(kept.contains(versionStrings.get(i))).as("filter %s %s", versionStrings.get(i), policies[p])
                            .isEqualTo(expectKept);
                    if (typed) {
                        assertThat(set.contains(versions.get(i), policies[p]))
                                .as("contains(Version %s, %s)", versionStrings.get(i), policies[p]).isEqualTo(expectContains);
                        assertThat(keptTyped.contains(i)).as("filter(Version %s, %s)", versionStrings.get(i), policies[p])
                                .isEqualTo(expectKept);
                    }
                }
            }
        })));
        Corpus.count("specifiers.json oracle_matrix (cells: sets x versions x 6 modes)",
                (long) tests.size() * versions.size() * 6);
        return tests.stream();
    }

    private static List<Integer> indices(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void pep440MatchingExamplesAndCompatibleEquivalences() {
        JsonNode d = Corpus.json("specs/spec-derived-vectors.json");
        long n = 0;
        for (String key : List.of("pep-0440_matching_examples", "version-specifiers_matching_examples")) {
            for (JsonNode c : d.get(key)) {
                Specifier s = Specifier.parse(c.get("specifier").asText());
                assertThat(s.contains(c.get("version").asText(), true)).as(c.toString())
                        .isEqualTo(c.get("oracle_contains_prereleases_true").asBoolean())
                        .isEqualTo(c.get("expected").asBoolean());
                n++;
            }
        }
        List<String> samples = Corpus.strings(S.at("/satisfiability/sample_versions"));
        for (String key : List.of("pep-0440_compatible_release_equivalences", "version-specifiers_compatible_release_equivalences")) {
            for (JsonNode c : d.get(key)) {
                SpecifierSet compatible = SpecifierSet.parse(c.get("compatible").asText());
                SpecifierSet equivalent = SpecifierSet.parse(c.get("equivalent").asText());
                for (String v : samples) {
                    assertThat(compatible.contains(v, true, false)).as("%s %s", c, v)
                            .isEqualTo(equivalent.contains(v, true, false));
                }
                n++;
            }
        }
        Corpus.count("spec-derived-vectors.json PEP 440 matching examples + ~= equivalences", n);
    }
}
