package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quoted marker strings are Python string literals; expected values are what
 * {@code ast.literal_eval} gives (checked with Python 3.12 and packaging 26.3).
 */
class QuotedStringTest {

    private static final String[][] ESCAPES = {
        {"'a\\nb'", "a\nb"},
        {"'\\x41\\u00e9\\U0001F600'", "A\u00e9\uD83D\uDE00"},
        {"'\\777\\1234\\0'", "\u01ffS4\u0000"},
        {"'\\d\\8\\\u00e9'", "\\d\\8\\\u00e9"},
        {"'a\\\nb'", "ab"},
        {"'a\\\r\nb'", "ab"},
        {"'a\\\rb'", "ab"},
        {"'\\N{latin small letter a}'", "a"},
        {"'\\N{CJK UNIFIED IDEOGRAPH-4E00}'", "\u4e00"},
        {"'\\N{HANGUL SYLLABLE GAG}'", "\uac01"},
        {"'\\N{CJK COMPATIBILITY IDEOGRAPH-F900}'", "\uf900"},
    };

    @Test
    void escapesHavePythonMeaning() {
        for (String[] c : ESCAPES) {
            assertThat(QuotedString.value(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    private static final String[] REJECTED = {
        "'a\nb'", "'a\rb'", "'\\x4'", "'\\U00110000'", "'abc\\'", "'\u0000'", "'\uD800'",
        "'\\N'", "'\\N{}'", "'\\N{ LATIN SMALL LETTER A}'", "'\\N{CJK UNIFIED IDEOGRAPH-4e00}'",
        "'\\N{hangul syllable gag}'", "'\\N{LINE FEED (LF)}'", "'\\N{LATIN 1 SUPPLEMENT 84}'",
    };

    @Test
    void literalsPythonRejects() {
        for (String literal : REJECTED) {
            assertThat(QuotedString.value(literal)).as(literal).isNull();
        }
    }

    @Test
    void errorUnderlineCountsCodePointsLikePython() {
        assertThatThrownBy(() -> Marker.parse("'\uD83D\uDE00' >= implem[entation_name"))
                .hasMessage("Expected a marker variable or quoted string\n"
                        + "    '\uD83D\uDE00' >= implem[entation_name\n"
                        + "           ^");
    }

    @Test
    void reprShowsPrintableAstralCharacters() {
        assertThatThrownBy(() -> Marker.parse("os_name ~= '\uD83D\uDE00'").evaluate(Map.of("os_name", "posix")))
                .isInstanceOf(UndefinedComparisonException.class)
                .hasMessage("Undefined <Op('~=')> on 'posix' and '\uD83D\uDE00'.");
    }
}
