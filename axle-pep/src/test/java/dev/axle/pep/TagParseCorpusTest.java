package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** Compressed tag set parsing: {@code pypa-packaging/tags.json} {@code parse_tag}. */
class TagParseCorpusTest {
    private static final JsonNode T = Corpus.json("pypa-packaging/tags.json");

    @TestFactory
    Stream<DynamicTest> parseTag() {
        Corpus.count("tags.json parse_tag", T.get("parse_tag").size());
        return Corpus.list(T.get("parse_tag")).stream().map(n -> {
            String in = n.get("input").asText();
            boolean validateOrder = n.has("validate_order") && n.get("validate_order").asBoolean();
            Long limit = n.has("limit") ? n.get("limit").asLong() : null;
            return DynamicTest.dynamicTest(in + (validateOrder ? " validate_order" : "")
                    + (limit == null ? "" : " limit=" + limit), () -> {
                if (n.has("tags")) {
                    Set<Tag> tags = limit == null ? Tag.parse(in, validateOrder) : Tag.parse(in, validateOrder, limit);
                    assertThat(tags.stream().map(Tag::toString).sorted().toList())
                            .isEqualTo(Corpus.strings(n.get("tags")));
                    return;
                }
                String match = n.get("error_match").asText();
                if (match.equals("limit must be non-negative")) {
                    // packaging raises a plain ValueError: a caller's mistake, not bad tag text.
                    assertThatThrownBy(() -> Tag.parse(in, validateOrder, limit))
                            .isInstanceOf(IllegalArgumentException.class).hasMessage(match);
                    return;
                }
                InvalidTagException.Problem expected = switch (match) {
                    case "empty component" -> InvalidTagException.Problem.EMPTY_COMPONENT;
                    case "invalid interpreter" -> InvalidTagException.Problem.INVALID_INTERPRETER;
                    case "exactly three components" -> InvalidTagException.Problem.COMPONENT_COUNT;
                    case "not in sorted order" -> InvalidTagException.Problem.UNSORTED;
                    case "would generate 2 tags" -> InvalidTagException.Problem.TOO_MANY_TAGS;
                    default -> throw new AssertionError("unknown error_match " + match);
                };
                assertThatThrownBy(() -> {
                    if (limit == null) {
                        Tag.parse(in, validateOrder);
                    } else {
                        Tag.parse(in, validateOrder, limit);
                    }
                }).isInstanceOfSatisfying(InvalidTagException.class, e -> {
                    assertThat(e.problem()).isEqualTo(expected);
                    assertThat(e.reason()).contains(match);
                    if (n.has("oracle")) {
                        assertThat(n.at("/oracle/error").asText()).isEqualTo("InvalidTag");
                        assertThat(e.reason()).isEqualTo(n.at("/oracle/message").asText());
                    }
                });
            });
        });
    }

    @Test
    void tagsAreLowerCasedAndSetsFollowTheText() {
        Tag tag = new Tag("PY3", "None", "ANY");
        assertThat(tag).isEqualTo(new Tag("py3", "none", "any")).hasToString("py3-none-any");
        CompressedTagSet set = Tag.parse("PY3.py2.py3-none.ABI3-Any.linux_X86_64");
        assertThat(set.stream().map(Tag::toString).toList()).containsExactly("py3-none-any", "py3-none-linux_x86_64",
                "py3-abi3-any", "py3-abi3-linux_x86_64", "py2-none-any", "py2-none-linux_x86_64", "py2-abi3-any",
                "py2-abi3-linux_x86_64");
        assertThat(set).hasSize(8).hasToString("py3.py2-none.abi3-any.linux_x86_64");
        assertThat(set.toSortedString()).isEqualTo("py2.py3-abi3.none-any.linux_x86_64");
        Set<Tag> expanded = new HashSet<>(set);
        assertThat(set).isEqualTo(expanded);
        assertThat(expanded).isEqualTo(set);
        assertThat(set.hashCode()).isEqualTo(expanded.hashCode());
        assertThat(set).isEqualTo(Tag.parse("py2.py3-abi3.none-linux_x86_64.any"));
        assertThat(set.contains(new Tag("py2", "abi3", "any"))).isTrue();
        assertThat(set.contains(new Tag("py4", "abi3", "any"))).isFalse();
        assertThat(Tag.parse("py3.py3-none-any", false, 2)).hasSize(1);
        assertThat(Tag.parse("_x-none-any")).containsExactly(new Tag("_x", "none", "any"));
        assertThat(Tag.parse("pý3-none-any")).hasSize(1);
        Corpus.count("tags: own cases", 14);
    }

    @Test
    void errorsPointAtTheBadPart() {
        assertThatThrownBy(() -> Tag.parse("py3.-none-any")).hasMessage(
                "Tag 'py3.-none-any' has an empty component: 'py3.'\n    py3.-none-any\n    ~~~^");
        assertThatThrownBy(() -> Tag.parse("py3-none-any-x")).hasMessage(
                "Tag 'py3-none-any-x' must have exactly three components\n    py3-none-any-x\n                ^");
        assertThatThrownBy(() -> Tag.parse("py3.2x-none-any")).hasMessage(
                "Tag 'py3.2x-none-any' has an invalid interpreter: '2x'\n    py3.2x-none-any\n        ~^");
        assertThatThrownBy(() -> Tag.parse("b.a-none-any", true)).hasMessageStartingWith(
                "Tag component 'b.a' is not in sorted order per PEP 425");
        // Python sorts by code point: U+FF41 comes before U+1D400 although its UTF-16 unit is larger.
        assertThat(Tag.parse("py-\uff41.\ud835\udc00-any", true)).hasSize(2);
        assertThatThrownBy(() -> Tag.parse(null)).isInstanceOf(InvalidTagException.class);
        Corpus.count("tags: own cases", 6);
    }

    @Test
    @Timeout(10)
    void megabyteTagSetsStayLinear() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            members.add("p" + i);
        }
        String component = String.join(".", members);
        CompressedTagSet set = Tag.parse(component + "-" + component + "-" + component);
        assertThat(set.size()).isEqualTo(Integer.MAX_VALUE);
        assertThat(set.contains(new Tag("p99999", "p0", "p5"))).isTrue();
        assertThat(set.hashCode()).isEqualTo(Tag.parse(component + "-" + component + "-" + component).hashCode());
        String many = "a-".repeat(300_000) + "a";
        assertThatThrownBy(() -> Tag.parse(many, false, 0)).isInstanceOfSatisfying(InvalidTagException.class,
                e -> assertThat(e.reason()).startsWith("Compressed tag set would generate 1 tags"));
        String wide = "a.a-".repeat(200_000) + "a";
        assertThatThrownBy(() -> Tag.parse(wide, false, 5)).isInstanceOfSatisfying(InvalidTagException.class,
                e -> assertThat(e.problem()).isEqualTo(InvalidTagException.Problem.TOO_MANY_TAGS));
        assertThatThrownBy(() -> Tag.parse(wide)).isInstanceOfSatisfying(InvalidTagException.class,
                e -> assertThat(e.problem()).isEqualTo(InvalidTagException.Problem.COMPONENT_COUNT));
        Corpus.count("tags: own cases", 5);
    }
}
