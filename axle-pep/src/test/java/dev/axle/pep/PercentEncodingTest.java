package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Answers of Python 3.12's {@code urllib.parse.unquote} for the same inputs. */
class PercentEncodingTest {
    @Test
    void decodesAsPythonsUnquote() {
        assertThat(PercentEncoding.decode("plain-1.0.tar.gz")).isEqualTo("plain-1.0.tar.gz");
        assertThat(PercentEncoding.decode("a%20b%2Bc")).isEqualTo("a b+c");
        assertThat(PercentEncoding.decode("caf%C3%A9%e2%82%ac")).isEqualTo("café€");
        assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentEncoding.decode("%zz%4")).isEqualTo("%zz%4");
        assertThat(PercentEncoding.decode("%C3x")).isEqualTo("\uFFFDx");
        assertThat(PercentEncoding.decode("%\uFF11\uFF12")).isEqualTo("%\uFF11\uFF12");
    }
}
