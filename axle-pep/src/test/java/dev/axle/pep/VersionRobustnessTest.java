package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Versions and specifiers from hostile input: null and megabyte strings get the specific
 * exception or a result, never anything else. The time limit only guards against a
 * quadratic blow-up (which would take hours on a megabyte); speed is measured in bench/.
 */
class VersionRobustnessTest {
    private static final int MEGABYTE = 1 << 20;
    private static final Duration GUARD = Duration.ofSeconds(30);

    @Test
    void nullInputsGetTheSpecificException() {
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(InvalidVersionException.class);
        assertThat(Version.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> Specifier.parse(null)).isInstanceOf(InvalidSpecifierException.class);
        assertThatThrownBy(() -> SpecifierSet.parse(null)).isInstanceOf(InvalidSpecifierException.class);
        assertThat(Specifier.parse(">=1").contains((String) null)).isFalse();
        assertThat(SpecifierSet.parse(">=1").contains((String) null)).isFalse();
    }

    @TestFactory
    Stream<DynamicTest> megabyteInputs() {
        return Stream.of(
                valid("one huge release number", () -> "1".repeat(MEGABYTE)),
                valid("huge numbers in every segment", () -> "9".repeat(MEGABYTE / 8) + "!" + "8".repeat(MEGABYTE / 8)
                        + "rc" + "7".repeat(MEGABYTE / 8) + ".post" + "6".repeat(MEGABYTE / 8) + ".dev"
                        + "5".repeat(MEGABYTE / 8) + "+" + "4".repeat(MEGABYTE / 8)),
                valid("many release segments", () -> "1" + ".0".repeat(MEGABYTE / 2)),
                valid("long local label", () -> "1.0+" + "ab.".repeat(MEGABYTE / 3) + "z"),
                valid("surrounding whitespace", () -> " ".repeat(MEGABYTE) + "1.0" + "\t".repeat(MEGABYTE)),
                invalid("trailing garbage", () -> "1.0" + "x".repeat(MEGABYTE)),
                invalid("repeated versions", () -> "1.0a1".repeat(MEGABYTE / 5)),
                invalid("dots only", () -> ".".repeat(MEGABYTE)),
                invalid("separators", () -> "1" + "-".repeat(MEGABYTE)),
                specifiers("many specifiers", () -> ">=1.0.0,".repeat(MEGABYTE / 8), true),
                specifiers("many distinct exclusions", () -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; b.length() < MEGABYTE; i++) {
                        b.append("!=1.").append(i).append(',');
                    }
                    return b.toString();
                }, true),
                specifiers("commas", () -> ",".repeat(MEGABYTE), true),
                specifiers("arbitrary equality of a long string", () -> "===" + "x".repeat(MEGABYTE), true),
                specifiers("unterminated wildcard", () -> "==1" + ".1".repeat(MEGABYTE / 2) + ".", false));
    }

    private static DynamicTest valid(String name, Supplier<String> input) {
        return DynamicTest.dynamicTest(name, () -> {
            String s = input.get();
            Version v = assertTimeoutPreemptively(GUARD, () -> Version.parse(s));
            assertTimeoutPreemptively(GUARD, () -> {
                assertThat(Version.parse(v.toString())).isEqualTo(v);
                assertThat(v.compareTo(Version.parse(v.toString()))).isZero();
                assertThat(v.hashCode()).isEqualTo(Version.parse(v.toString()).hashCode());
            });
        });
    }

    private static DynamicTest invalid(String name, Supplier<String> input) {
        return DynamicTest.dynamicTest(name, () -> {
            String s = input.get();
            assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> Version.parse(s))
                    .isInstanceOf(InvalidVersionException.class));
        });
    }

    private static DynamicTest specifiers(String name, Supplier<String> input, boolean valid) {
        return DynamicTest.dynamicTest(name, () -> {
            String s = input.get();
            assertTimeoutPreemptively(GUARD, () -> {
                if (!valid) {
                    assertThatThrownBy(() -> SpecifierSet.parse(s)).isInstanceOf(InvalidSpecifierException.class);
                    return;
                }
                SpecifierSet set = SpecifierSet.parse(s);
                Version v = Version.parse("1.0.0");
                set.contains(v);
                set.isUnsatisfiable();
                set.filter(List.of(v, Version.parse("2.0")));
                assertThat(SpecifierSet.parse(set.toString())).isEqualTo(set);
            });
        });
    }
}
