package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
