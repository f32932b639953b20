package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOML documents read into plain values: the types lock files and pyproject.toml are read as. */
class TomlValuesTest {
    @Test
    void valuesAreReadAsPlainJavaValuesInTheDocumentsOrder() {
        Map<String, Object> doc = TomlValues.parse("""
                s = "text"
                i = 0x1F
                f = +1.5e3
                b = true
                t = 07:32:00
                d = 1979-05-27
                ldt = 1979-05-27T07:32:00
                odt = 1979-05-27 07:32:00.999999-07:00
                dotted.a.b = 1
                inline = {x = 1, y = [1, "two"]}
                [[packages]]
                name = "z"
                [[packages]]
                name = "a"
                """);

        assertThat(doc).containsExactly(
                Map.entry("s", "text"), Map.entry("i", 31L), Map.entry("f", 1500.0), Map.entry("b", true),
                Map.entry("t", LocalTime.of(7, 32)), Map.entry("d", LocalDate.of(1979, 5, 27)),
                Map.entry("ldt", LocalDateTime.of(1979, 5, 27, 7, 32)),
                Map.entry("odt", OffsetDateTime.parse("1979-05-27T07:32:00.999999-07:00")),
                Map.entry("dotted", Map.of("a", Map.of("b", 1L))),
                Map.entry("inline", Map.of("x", 1L, "y", List.of(1L, "two"))),
                Map.entry("packages", List.of(Map.of("name", "z"), Map.of("name", "a"))));
        assertThat(((Map<?, ?>) doc.get("inline")).keySet().toString()).isEqualTo("[x, y]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = 1\\na = 2                   | line 2",
        "[t]\\nx = 1\\n[t]\\ny = 2       | line 3",
        "a = \"\\q\"                     | line 1",
        "a = 9223372036854775808         | line 1",
        "a = 1979-13-27                  | line 1",
        "a = \"unterminated              | line 1",
        "a.b = 1\\n[a]\\nc = 2           | line 2",
        "key = # nothing                 | line 1",
    })
    void invalidDocumentsAreRefusedNamingWhere(String text, String where) {
        assertThatThrownBy(() -> TomlValues.parse(text.replace("\\n", "\n")))
                .isInstanceOf(PylockValidationException.class)
                .hasMessageStartingWith("Invalid TOML at " + where + ", column ");
    }
}
