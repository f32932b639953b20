package dev.axle.pep.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Corpus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Platform tag lists for described systems: {@code pypa-packaging/tags.json}. */
class PlatformTagsCorpusTest {
    private static final JsonNode T = Corpus.json("pypa-packaging/tags.json");

    @TestFactory
    Stream<DynamicTest> macPlatforms() {
        Corpus.count("tags.json mac_platforms", T.get("mac_platforms").size());
        return Corpus.list(T.get("mac_platforms")).stream().map(n -> DynamicTest.dynamicTest(
                n.get("version") + " " + n.get("arch").asText(), () -> {
                    MacOS mac = new MacOS(n.at("/version/0").asInt(), n.at("/version/1").asInt(), n.get("arch").asText());
                    assertThat(mac.platformTags()).isEqualTo(Corpus.strings(n.get("platforms")));
                }));
    }

    @TestFactory
    Stream<DynamicTest> macBinaryFormats() {
        Corpus.count("tags.json mac_binary_formats", T.get("mac_binary_formats").size());
        return Corpus.list(T.get("mac_binary_formats")).stream().map(n -> DynamicTest.dynamicTest(
                n.get("version") + " " + n.get("arch").asText(),
                () -> assertThat(MacOS.binaryFormats(n.at("/version/0").asInt(), n.at("/version/1").asInt(),
                        n.get("arch").asText())).isEqualTo(Corpus.strings(n.get("binary_formats")))));
    }

    @TestFactory
    Stream<DynamicTest> macArch() {
        Corpus.count("tags.json mac_arch", T.get("mac_arch").size());
        return Corpus.list(T.get("mac_arch")).stream().map(n -> DynamicTest.dynamicTest(
                n.get("arch").asText() + (n.get("is_32bit").asBoolean() ? " 32-bit" : " 64-bit"),
                () -> assertThat(MacOS.arch(n.get("arch").asText(), n.get("is_32bit").asBoolean()))
                        .isEqualTo(n.get("expected").asText())));
    }

    @TestFactory
    Stream<DynamicTest> iosPlatforms() {
        Corpus.count("tags.json ios_platforms", T.get("ios_platforms").size());
        return Corpus.list(T.get("ios_platforms")).stream().map(n -> DynamicTest.dynamicTest(
                n.get("version") + " " + n.get("multiarch").asText(),
                () -> assertThat(new Ios(n.at("/version/0").asInt(), n.at("/version/1").asInt(),
                        n.get("multiarch").asText()).platformTags()).isEqualTo(Corpus.strings(n.get("platforms")))));
    }

    @TestFactory
    Stream<DynamicTest> androidPlatforms() {
        Corpus.count("tags.json android_platforms", T.get("android_platforms").size());
        return Corpus.list(T.get("android_platforms")).stream().map(n -> DynamicTest.dynamicTest(
                n.get("api_level") + " " + n.get("abi").asText(),
                () -> assertThat(new Android(n.get("api_level").asInt(), n.get("abi").asText()).platformTags())
                        .isEqualTo(Corpus.strings(n.get("platforms")))));
    }

    @TestFactory
    Stream<DynamicTest> manylinuxPlatformTags() {
        JsonNode cases = T.at("/manylinux_platform_tags/cases");
        Corpus.count("tags.json manylinux_platform_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("glibc") + " " + n.get("archs"), () -> {
            int major = n.at("/glibc/0").asInt();
            int minor = n.at("/glibc/1").asInt();
            List<String> archs = Corpus.strings(n.get("archs"));
            List<String> expected = Corpus.strings(n.get("platforms"));
            assertThat(Linux.manylinuxTags(major, minor, archs)).isEqualTo(expected);
            assertDescribedLinux(archs, Libc.glibc(major, minor), expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> musllinuxPlatformTags() {
        JsonNode cases = T.get("musllinux_platform_tags");
        Corpus.count("tags.json musllinux_platform_tags", cases.size());
        return Corpus.list(cases).stream().map(n -> DynamicTest.dynamicTest(n.get("musl") + " " + n.get("archs"), () -> {
            int major = n.at("/musl/0").asInt();
            int minor = n.at("/musl/1").asInt();
            List<String> archs = Corpus.strings(n.get("archs"));
            List<String> expected = Corpus.strings(n.get("platforms"));
            assertThat(Linux.musllinuxTags(major, minor, archs)).isEqualTo(expected);
            assertDescribedLinux(archs, Libc.musl(major, minor), expected);
        }));
    }

    /** The same tags through a described Linux system, whose native {@code linux_*} tags come first. */
    private static void assertDescribedLinux(List<String> archs, Libc libc, List<String> expected) {
        boolean armv8l = archs.get(0).equals("armv8l");
        Linux linux = new Linux(armv8l ? "aarch64" : archs.get(0), armv8l, libc);
        List<String> natives = archs.stream().map(a -> "linux_" + a).toList();
        assertThat(linux.platformTags()).isEqualTo(Stream.concat(natives.stream(), expected.stream()).toList());
    }

    @Test
    void otherSystems() {
        // packaging's test_linux_platforms_32_64bit_on_64bit_os and the ELF-gated architectures.
        assertThat(new Linux("x86_64", true, null).platformTags()).containsExactly("linux_i686");
        assertThat(new Linux("aarch64", true, null).platformTags()).containsExactly("linux_armv8l", "linux_armv7l");
        assertThat(new Linux("armv6l", Libc.glibc(2, 31)).platformTags()).containsExactly("linux_armv6l");
        assertThat(new Linux("i686", Libc.glibc(2, 5)).platformTags()).containsExactly("linux_i686",
                "manylinux_2_5_i686", "manylinux1_i686");
        assertThat(new Windows("amd64").platformTags()).containsExactly("win_amd64");
        assertThat(new Windows("x86").platformTags()).containsExactly("win32");
        assertThat(new Emscripten("2025_0", "emscripten-4.0.9-wasm32").platformTags())
                .containsExactly("pyemscripten_2025_0_wasm32", "emscripten_4_0_9_wasm32");
        assertThat(new OtherPlatform("freebsd-14.1-RELEASE-amd64").platformTags())
                .containsExactly("freebsd_14_1_RELEASE_amd64");
        assertThat(new MacOS(9, 5, "x86_64").platformTags()).isEmpty();
        Corpus.count("tags: own cases", 9);
    }
}
