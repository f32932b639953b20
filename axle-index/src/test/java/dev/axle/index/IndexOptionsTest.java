package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexOptionsTest {
    @Test
    void defaultsAsPip() {
        IndexOptions o = IndexOptions.defaults();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.retries()).isEqualTo(3);
        assertThat(o.userAgent()).matches("axle/\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        IndexOptions o = IndexOptions.defaults().withRetries(6, Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(o.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(o.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.backoff(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.backoff(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void invalidOptions() {
        assertThatThrownBy(() -> IndexOptions.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexOptions.defaults().withRetries(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMethodsChangeOnlyTheirField() {
        IndexOptions o = IndexOptions.defaults()
                .withCache(Path.of("/c"))
                .withCacheMode(IndexOptions.CacheMode.OFFLINE)
                .withEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128"))
                .withNetrc(Path.of("/n"))
                .withKeyring(true)
                .withCert(Path.of("/bundle.pem"))
                .withTrustedHosts(List.of("pypi.example", "10.0.0.5:8443", "[::1]:8080"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(o.cache()).hasValue(Path.of("/c"));
        assertThat(o.cacheMode()).isEqualTo(IndexOptions.CacheMode.OFFLINE);
        assertThat(o.environment()).containsOnlyKeys("HTTPS_PROXY");
        assertThat(o.netrcFile()).isEqualTo(Path.of("/n"));
        assertThat(o.keyring()).isTrue();
        assertThat(o.cert()).hasValue(Path.of("/bundle.pem"));
        assertThat(o.trustedHosts()).hasSize(3);
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.withCache(null).cache()).isEmpty();
    }

    @Test
    void netrcFromTheEnvironmentElseHome() {
        IndexOptions o = IndexOptions.defaults();
        assertThat(o.netrcFile()).isEqualTo(Path.of(System.getProperty("user.home"), ".netrc"));
        assertThat(o.withEnvironment(Map.of("HOME", "/home/alice")).netrcFile()).isEqualTo(Path.of("/home/alice/.netrc"));
        assertThat(o.withEnvironment(Map.of("NETRC", "/etc/netrc", "HOME", "/h")).netrcFile())
                .isEqualTo(Path.of("/etc/netrc"));
    }

    @Test
    void trustedHostsWithAndWithoutPorts() {
        IndexOptions o = IndexOptions.defaults().withTrustedHosts(List.of("PyPI.example", "10.0.0.5:8443", "[::1]:8080"));
        assertThat(o.trusted("pypi.EXAMPLE", 443)).isTrue();
        assertThat(o.trusted("pypi.example", 80)).isTrue();
        assertThat(o.trusted("10.0.0.5", 8443)).isTrue();
        assertThat(o.trusted("10.0.0.5", 443)).isFalse();
        assertThat(o.trusted("[::1]", 8080)).isTrue();
        assertThat(o.trusted("other.example", 443)).isFalse();
        assertThat(TrustedHost.parse("::1")).isEqualTo(new TrustedHost("::1", -1));
        for (String bad : List.of("", "host:", "host:http", "https://host/", "user@host", "[::1", "host:123456")) {
            assertThatThrownBy(() -> IndexOptions.defaults().withTrustedHosts(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
        }
    }
}
