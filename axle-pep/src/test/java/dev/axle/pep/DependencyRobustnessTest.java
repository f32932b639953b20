package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Markers and requirements from hostile input: deep nesting must not overflow the stack,
 * megabyte inputs must parse (or fail) in linear time, and nothing but the specific
 * exception may escape.
 */
class DependencyRobustnessTest {
    private static final int DEEP = 100_000;
    private static final int MEGABYTE = 1 << 20;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static final Map<String, String> LINUX = Map.of(
            "os_name", "posix", "python_version", "3.12", "python_full_version", "3.12.3", "sys_platform", "linux");

    @Test
    void deeplyNestedMarkerParsesFormatsAndEvaluates() {
        String marker = "(".repeat(DEEP) + "python_version >= '3'" + ")".repeat(DEEP);
        Marker m = Marker.parse(marker);
        assertThat(m.toString()).isEqualTo("python_version >= \"3\"");
        assertThat(m.evaluate(LINUX)).isTrue();
        assertThat(m).isEqualTo(Marker.parse("python_version >= '3'"));
    }

    @Test
    void deeplyNestedGroupsWithOperatorsKeepTheirParentheses() {
        String marker = "(os_name == 'a' or ".repeat(DEEP) + "os_name == 'posix'" + ")".repeat(DEEP);
        Marker m = Marker.parse(marker);
        String s = m.toString();
        assertThat(s).startsWith("os_name == \"a\" or (os_name == \"a\" or (").endsWith("\"posix\"" + ")".repeat(DEEP - 1));
        assertThat(m.evaluate(LINUX)).isTrue();
        assertThat(Marker.parse(s)).isEqualTo(m);
    }

    @Test
    void unclosedParenthesesAreASyntaxError() {
        String marker = "(".repeat(DEEP);
        assertThatThrownBy(() -> Marker.parse(marker)).isInstanceOf(InvalidMarkerException.class)
                .hasMessageStartingWith("Expected a marker variable or quoted string");
        String unbalanced = "(".repeat(DEEP) + "os_name == 'a'";
        assertThatThrownBy(() -> Marker.parse(unbalanced)).isInstanceOf(InvalidMarkerException.class)
                .hasMessageStartingWith("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression");
        assertThatThrownBy(() -> Requirement.parse("name; " + unbalanced)).isInstanceOf(InvalidRequirementException.class);
    }

    @Test
    void markersCombinedManyTimesStayUsable() {
        Marker m = Marker.parse("os_name == 'posix'");
        Marker other = Marker.parse("python_version >= '3'");
        for (int i = 0; i < DEEP; i++) {
            m = i % 2 == 0 ? m.and(other) : m.or(other);
        }
        assertThat(m.evaluate(LINUX)).isTrue();
        assertThat(m.toString()).startsWith("(".repeat(DEEP - 1));
        assertThat(m.hashCode()).isEqualTo(Marker.parse(m.toString()).hashCode());
    }

    @TestFactory
    Stream<DynamicTest> megabyteInputsTakeLinearTime() {
        return Stream.of(
                megabyte("long flat marker", () -> "os_name == 'x' and ".repeat(MEGABYTE / 19) + "os_name == 'posix'", true, false),
                megabyte("long quoted string", () -> "os_name == '" + "x".repeat(MEGABYTE) + "'", true, false),
                megabyte("unclosed quoted string", () -> "os_name == '" + "x".repeat(MEGABYTE), false, false),
                megabyte("escapes", () -> "os_name == '" + "\\x41".repeat(MEGABYTE / 4) + "'", true, false),
                megabyte("whitespace", () -> "os_name" + " ".repeat(MEGABYTE) + "== 'a'", true, false),
                megabyte("long identifier", () -> "a" + "-".repeat(MEGABYTE) + "\u00e9", false, true),
                megabyte("long name", () -> "a".repeat(MEGABYTE), true, true),
                megabyte("many extras", () -> "name[" + "e,".repeat(MEGABYTE / 2) + "f]", true, true),
                megabyte("many specifiers", () -> "name" + ">=1.0,".repeat(MEGABYTE / 6) + "<2", true, true),
                megabyte("long version", () -> "name==" + "1.".repeat(MEGABYTE / 2) + "0", true, true),
                megabyte("long arbitrary version", () -> "name===" + "x".repeat(MEGABYTE), true, true),
                megabyte("long url", () -> "name @ https://example.com/" + "a".repeat(MEGABYTE) + " ; os_name == 'a'", true, true),
                megabyte("long marker in requirement", () -> "name>=1; " + "os_name == 'x' or ".repeat(MEGABYTE / 18) + "os_name == 'y'", true, true),
                megabyte("unclosed brackets", () -> "name[" + "a, ".repeat(MEGABYTE / 3), false, true),
                megabyte("garbage after specifier", () -> "name>=1 " + "#".repeat(MEGABYTE), false, true));
    }

    private static DynamicTest megabyte(String name, Supplier<String> input, boolean valid, boolean requirement) {
        return DynamicTest.dynamicTest(name, () -> assertTimeoutPreemptively(LIMIT, () -> {
            String s = input.get();
            if (!valid) {
                assertThatThrownBy(() -> parse(s, requirement)).isInstanceOf(requirement ? InvalidRequirementException.class : InvalidMarkerException.class)
                        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(2000));
                return;
            }
            Object parsed = parse(s, requirement);
            assertThat(parsed.toString()).isNotEmpty();
            Marker marker = parsed instanceof Requirement r ? r.marker().orElse(null) : (Marker) parsed;
            if (marker != null) {
                marker.evaluate(LINUX);
            }
        }));
    }

    private static Object parse(String s, boolean requirement) {
        return requirement ? Requirement.parse(s) : Marker.parse(s);
    }

    @Test
    void nullIsRefusedWithTheSpecificException() {
        assertThatThrownBy(() -> Marker.parse(null)).isInstanceOf(InvalidMarkerException.class);
        assertThatThrownBy(() -> Requirement.parse(null)).isInstanceOf(InvalidRequirementException.class);
    }

    @Test
    void markerWithBothQuotesCannotBeWrittenButStillCompares() {
        Marker m = Marker.parse("os_name == \"\\x22'\"");
        assertThatThrownBy(m::toString).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot serialize marker value containing both quote characters");
        assertThat(m).isEqualTo(Marker.parse("os_name == '\\x22\\x27'")).isNotEqualTo(Marker.parse("os_name == '\"'"));
        assertThat(m.evaluate(Map.of("os_name", "\"'"))).isTrue();
    }
}
