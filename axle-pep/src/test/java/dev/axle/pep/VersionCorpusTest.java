package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** pypa/packaging's version vectors ({@code pypa-packaging/versions.json}) and the PEP 440 examples. */
class VersionCorpusTest {
    private static final JsonNode V = Corpus.json("pypa-packaging/versions.json");

    @Test
    void strictlyAscendingVersionsCompareCorrectlyPairwise() {
        List<Version> vs = Corpus.strings(V.at("/ordered_strictly_ascending/versions")).stream()
                .map(Version::parse).toList();
        for (int i = 0; i < vs.size(); i++) {
            for (int j = 0; j < vs.size(); j++) {
                int c = vs.get(i).compareTo(vs.get(j));
                assertThat(Integer.signum(c)).as("%s vs %s", vs.get(i), vs.get(j)).isEqualTo(Integer.compare(i, j));
                assertThat(vs.get(i).equals(vs.get(j))).isEqualTo(i == j);
            }
        }
        Corpus.count("versions.json ordered_strictly_ascending (pairs)", (long) vs.size() * vs.size());
    }

    @TestFactory
    Stream<DynamicTest> validVersionsParse() {
        Corpus.count("versions.json valid", V.get("valid").size());
        return Corpus.strings(V.get("valid")).stream()
                .map(s -> DynamicTest.dynamicTest(s, () -> Version.parse(s)));
    }

    @TestFactory
    Stream<DynamicTest> invalidVersionsAreRefused() {
        Corpus.count("versions.json invalid", V.at("/invalid/strings").size());
        return Corpus.strings(V.at("/invalid/strings")).stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            assertThatThrownBy(() -> Version.parse(s)).isInstanceOf(InvalidVersionException.class)
                    .hasMessageStartingWith("Invalid version: ");
            assertThat(Version.tryParse(s)).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> normalization() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode n : V.get("normalized")) {
            String in = n.get("input").asText();
            String out = n.get("normalized").asText();
            tests.add(DynamicTest.dynamicTest(in, () -> assertThat(Version.parse(in).toString()).isEqualTo(out)));
        }
        for (JsonNode n : V.get("str")) {
            String in = n.get("input").asText();
            String out = n.get("str").asText();
            tests.add(DynamicTest.dynamicTest("str " + in, () -> assertThat(Version.parse(in).toString()).isEqualTo(out)));
        }
        Corpus.count("versions.json normalized + str", tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> attributes() {
        Corpus.count("versions.json attributes", V.get("attributes").size());
        return Corpus.list(V.get("attributes")).stream().map(n -> {
            String version = n.get("version").asText();
            String attribute = n.get("attribute").asText();
            return DynamicTest.dynamicTest(version + " " + attribute,
                    () -> assertThat(attribute(Version.parse(version), attribute).toString()).isEqualTo(n.get("expected").toString()));
        });
    }

    @TestFactory
    Stream<DynamicTest> fromParts() {
        Corpus.count("versions.json from_parts", V.get("from_parts").size());
        return Corpus.list(V.get("from_parts")).stream().map(n -> DynamicTest.dynamicTest(n.get("args").toString(), () -> {
            JsonNode a = n.get("args");
            List<BigInteger> release = new ArrayList<>();
            a.get("release").forEach(x -> release.add(x.bigIntegerValue()));
            Version v = Version.of(big(a.get("epoch")), release,
                    a.hasNonNull("pre") ? new Version.PreRelease(a.get("pre").get(0).asText(), a.get("pre").get(1).bigIntegerValue()) : null,
                    big(a.get("post")), big(a.get("dev")), a.hasNonNull("local") ? a.get("local").asText() : null);
            assertThat(v).isEqualTo(Version.parse(n.get("equals").asText()));
        }));
    }

    /** Every oracle record: validity, normalized form and every attribute. */
    @TestFactory
    Stream<DynamicTest> oracleRecords() {
        Corpus.count("versions.json oracle_records", V.get("oracle_records").size());
        return Corpus.list(V.get("oracle_records")).stream().map(r -> DynamicTest.dynamicTest(r.get("input").asText(), () -> {
            String input = r.get("input").asText();
            if (!r.get("valid").asBoolean()) {
                assertThatThrownBy(() -> Version.parse(input)).isInstanceOf(InvalidVersionException.class)
                        .hasMessageStartingWith(r.get("message").asText());
                return;
            }
            Version v = Version.parse(input);
            assertThat(v.toString()).isEqualTo(r.get("normalized").asText());
            for (String attr : List.of("public", "base_version", "epoch", "release", "pre", "post", "dev", "local",
                    "is_prerelease", "is_postrelease", "is_devrelease", "major", "minor", "micro")) {
                assertThat(attribute(v, attr).toString()).as(attr).isEqualTo(r.get(attr).toString());
            }
        }));
    }

    @Test
    void oracleSortOrderAndEqualityGroups() {
        JsonNode groups = V.at("/oracle_sorted_equality_groups/groups");
        List<Version> previous = null;
        long n = 0;
        for (JsonNode g : groups) {
            List<Version> group = Corpus.strings(g).stream().map(Version::parse).toList();
            for (Version a : group) {
                for (Version b : group) {
                    assertThat(a).isEqualByComparingTo(b).isEqualTo(b);
                    assertThat(a.hashCode()).isEqualTo(b.hashCode());
                }
                if (previous != null) {
                    for (Version p : previous) {
                        assertThat(p).isLessThan(a);
                        assertThat(p).isNotEqualTo(a);
                    }
                }
                n++;
            }
            previous = group;
        }
        Corpus.count("versions.json oracle_sorted_equality_groups (versions)", n);
    }

    @Test
    void pep440OrderingExamples() {
        JsonNode d = Corpus.json("specs/spec-derived-vectors.json");
        for (String key : List.of("pep-0440_ordered_example", "version-specifiers_ordered_example")) {
            List<Version> vs = Corpus.strings(d.at("/" + key + "/versions")).stream().map(Version::parse).toList();
            for (int i = 1; i < vs.size(); i++) {
                assertThat(vs.get(i - 1)).isLessThan(vs.get(i));
            }
            Corpus.count("spec-derived-vectors.json " + key, vs.size());
        }
    }

    @Test
    void integersOfAnySize() {
        String big = "1".repeat(5000);
        assertThat(Version.parse(big).toString()).isEqualTo(big);
        assertThat(Version.parse("1.0a" + big).toString()).isEqualTo("1.0a" + big);
        Version date = Version.parse("2024.01.01.123456789012345678901234567890");
        assertThat(date.release().get(3)).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(Version.parse("1.0.post99999999999999999999")).isGreaterThan(Version.parse("1.0.post9999999999999999999"));
        assertThat(Version.parse("1.0+99999999999999999999")).isGreaterThan(Version.parse("1.0+abc"));
        assertThat(Version.parse("00000000000000000000000001.0")).isEqualTo(Version.parse("1"));
        assertThat(Version.parse("1.0.post99999999999999999999").hashCode())
                .isEqualTo(Version.parse("1.0.post099999999999999999999").hashCode());
    }

    @Test
    void errorsUnderlineWhereParsingStopped() {
        assertThatThrownBy(() -> Version.parse("1.0+foo&asd"))
                .hasMessage("Invalid version: '1.0+foo&asd'\n    1.0+foo&asd\n           ^");
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(InvalidVersionException.class);
    }

    private static BigInteger big(JsonNode n) {
        return n == null || n.isNull() ? null : n.bigIntegerValue();
    }

    /** A packaging attribute of {@code v}, as the JSON the corpus records. */
    static JsonNode attribute(Version v, String name) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (name) {
            case "public" -> f.textNode(v.publicVersion().toString());
            case "base_version" -> f.textNode(v.baseVersion().toString());
            case "epoch" -> f.numberNode(v.epoch());
            case "release" -> {
                var a = f.arrayNode();
                v.release().forEach(a::add);
                yield a;
            }
            case "pre" -> v.pre().<JsonNode>map(p -> f.arrayNode().add(p.kind()).add(p.number())).orElse(f.nullNode());
            case "post" -> v.post().<JsonNode>map(f::numberNode).orElse(f.nullNode());
            case "dev" -> v.dev().<JsonNode>map(f::numberNode).orElse(f.nullNode());
            case "local" -> v.local().<JsonNode>map(f::textNode).orElse(f.nullNode());
            case "is_prerelease" -> f.booleanNode(v.isPrerelease());
            case "is_postrelease" -> f.booleanNode(v.isPostrelease());
            case "is_devrelease" -> f.booleanNode(v.isDevrelease());
            case "major" -> f.numberNode(v.major());
            case "minor" -> f.numberNode(v.minor());
            case "micro" -> f.numberNode(v.micro());
            default -> throw new IllegalArgumentException(name);
        };
    }
}
