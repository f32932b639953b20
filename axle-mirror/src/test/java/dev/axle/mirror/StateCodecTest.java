package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    @Test
    void roundTrips() throws Exception {
        MirrorState state = MirrorState.of("http://up/simple/", "f", Map.of(
                "b", new ProjectRecord("b", "B", 7, List.of(new FileRecord("b-1.0.tar.gz", "packages/x/b-1.0.tar.gz",
                        "ab", 10, Optional.empty()))),
                "a", new ProjectRecord("a", "A", -1, List.of(new FileRecord("a-1.0-py3-none-any.whl", "k", "cd", 3,
                        Optional.of("ef"))))));
        assertThat(StateCodec.decode(StateCodec.encode(state), "s")).isEqualTo(state);
        assertThat(new String(StateCodec.encode(state), StandardCharsets.UTF_8))
                .startsWith("{\"format\":1,\"upstream\":\"http://up/simple/\",\"filters\":\"f\",\"projects\":[{\"name\":\"a\"");
    }

    @Test
    void anUnreadableStateSaysHowToStartOver() {
        assertThatThrownBy(() -> StateCodec.decode("{\"format\": 9}".getBytes(StandardCharsets.UTF_8), "/m/state.json"))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("the mirror's state file /m/state.json is unreadable (not a format 1 state file);"
                        + " remove it");
        assertThatThrownBy(() -> StateCodec.decode("{".getBytes(StandardCharsets.UTF_8), "s"))
                .isInstanceOf(MirrorException.class);
    }
}
