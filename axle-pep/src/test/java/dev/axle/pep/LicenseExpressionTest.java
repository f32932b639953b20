package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPDX license expressions as core metadata 2.4 allows them (packaging.licenses). */
class LicenseExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mit|MIT",
        "' mIt '|MIT",
        "mit and (apache-2.0+ or mpl-2.0+)|MIT AND (Apache-2.0+ OR MPL-2.0+)",
        "'mit  and  ( apache-2.0+  or  mpl-2.0+ )'|MIT AND (Apache-2.0+ OR MPL-2.0+)",
        "gpl-2.0-or-later with bison-exception-2.2|GPL-2.0-or-later WITH Bison-exception-2.2",
        "licenseref-beerware-4.2|LicenseRef-beerware-4.2",
        "LicenseRef-A or licenseref-a|LicenseRef-a OR LicenseRef-a",
        "((mit))|((MIT))",
        "(MIT)AND(Apache-2.0)|(MIT) AND (Apache-2.0)",
        "AGPL-1.0|AGPL-1.0"})
    void canonicalForms(String input, String canonical) {
        assertThat(LicenseExpression.parse(input)).hasToString(canonical)
                .isEqualTo(LicenseExpression.parse(canonical));
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        assertThatThrownBy(() -> LicenseExpression.parse("MIT OR Foo-1.0"))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessage("Unknown license: 'foo-1.0'\n    MIT OR Foo-1.0\n           ~~~~~~~^");
        assertThatThrownBy(() -> LicenseExpression.parse("mit with mit"))
                .hasMessageStartingWith("Unknown license exception: 'mit'\n");
        assertThatThrownBy(() -> LicenseExpression.parse("LicenseRef-x_y"))
                .hasMessageStartingWith("Invalid licenseref: 'licenseref-x_y'\n");
        assertThatThrownBy(() -> LicenseExpression.parse("mit or or apache-2.0"))
                .hasMessage("Invalid license expression: 'mit or or apache-2.0'\n"
                        + "    mit or or apache-2.0\n           ~~^");
        assertThatThrownBy(() -> LicenseExpression.parse("(mit"))
                .hasMessage("Invalid license expression: '(mit'\n    (mit\n        ^");
        assertThatThrownBy(() -> LicenseExpression.parse(""))
                .hasMessageStartingWith("Invalid license expression: ''\n");
    }

    @Test
    void parenthesesNestAsDeepAsPythonsParserAllows() {
        assertThat(LicenseExpression.parse("(".repeat(200) + "mit" + ")".repeat(200)))
                .hasToString("(".repeat(200) + "MIT" + ")".repeat(200));
        assertThatThrownBy(() -> LicenseExpression.parse("(".repeat(201) + "mit" + ")".repeat(201)))
                .isInstanceOf(InvalidLicenseExpressionException.class);
        String deep = "(".repeat(1_000_000) + "mit";
        assertThatThrownBy(() -> LicenseExpression.parse(deep)).isInstanceOf(InvalidLicenseExpressionException.class);
    }

    @Test
    void longExpressionsAreLinear() {
        String flat = String.join(" or ", java.util.Collections.nCopies(200_000, "mit"));
        long start = System.nanoTime();
        assertThat(LicenseExpression.parse(flat).toString()).hasSize(flat.length());
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
