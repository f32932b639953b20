package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashCheckTest {
    // printf abc | sha256sum; printf abc | md5sum
    static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String ABC_MD5 = "900150983cd24fb0d6963f7d28e17f72";

    static HashCheck fed(Map<String, String> hashes, String... parts) {
        HashCheck check = new HashCheck(hashes);
        for (String part : parts) {
            check.update(ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)));
        }
        return check;
    }

    @Test
    void checksTheAlgorithmsTheJdkHasStrongestFirstAndSkipsTheOthers() throws HashMismatchException {
        HashCheck check = fed(Map.of("md5", ABC_MD5, "blake2b", "00", "sha256", ABC_SHA256.toUpperCase()), "a", "bc");
        assertThat(check.algorithms()).containsExactly("sha256", "md5");
        check.verify("abc");
        assertThat(new HashCheck(Map.of("blake2b", "00")).algorithms()).isEmpty();
    }

    @Test
    void aMismatchNamesTheStrongestAlgorithmThatDiffers() {
        assertThatThrownBy(() -> fed(Map.of("md5", "11", "sha256", "22"), "abc").verify("file.whl"))
                .isInstanceOfSatisfying(HashMismatchException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("sha256");
                    assertThat(e.expected()).isEqualTo("22");
                    assertThat(e.actual()).isEqualTo(ABC_SHA256);
                    assertThat(e.url()).isEqualTo("file.whl");
                });
    }
}
