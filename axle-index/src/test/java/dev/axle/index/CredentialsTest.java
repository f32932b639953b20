package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void userAndPasswordDecodedFromTheUrl() {
        var c = Credentials.of(URI.create("https://al%40ice:p%3Ass@host/simple/")).orElseThrow();
        assertThat(c.user()).isEqualTo("al@ice");
        assertThat(c.password()).isEqualTo("p:ss");
        assertThat(c.basicAuthorization()).isEqualTo("Basic YWxAaWNlOnA6c3M="); // base64("al@ice:p:ss")
        assertThat(c.toString()).doesNotContain("p:ss", "p%3Ass");
        assertThat(Credentials.of(URI.create("https://host/simple/"))).isEmpty();
    }

    @Test
    void redactedWhereverShown() {
        assertThat(Credentials.redact(URI.create("https://alice:s3cret@host:8443/simple/a%20b/?q=1#frag")))
                .isEqualTo("https://alice:****@host:8443/simple/a%20b/?q=1#frag");
        assertThat(Credentials.redact(URI.create("https://token@host/simple/"))).isEqualTo("https://****@host/simple/");
        assertThat(Credentials.redact(URI.create("https://host/simple/"))).isEqualTo("https://host/simple/");
        assertThat(Credentials.redact(URI.create("//alice:s3cret@host/simple/"))).isEqualTo("//alice:****@host/simple/");
    }

    @Test
    void strippedForRequests() {
        assertThat(Credentials.strip(URI.create("http://alice:s3cret@127.0.0.1:8080/simple/")))
                .isEqualTo(URI.create("http://127.0.0.1:8080/simple/"));
    }
}
