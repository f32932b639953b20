package dev.axle.installer.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.installer.WheelWriter;
import dev.axle.installer.wheel.InvalidWheelException;
import dev.axle.installer.wheel.UnpackedWheel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker JVM, started for real with the test's class path. */
class UnpackProcessTest {
    @TempDir
    Path dir;

    private WheelCache cache() {
        return new WheelCache(dir.resolve("cache/wheels-v1"));
    }

    private Path wheel(String name) throws IOException {
        return WheelWriter.wheel(name, "1.0")
                .file(name + "/__init__.py", "X = 1\n")
                .file(name + "/data.bin", new byte[1 << 20])
                .consoleScript(name, name + ":main")
                .writeTo(dir);
    }

    @Test
    void fillsTheCacheSoThatUnpackingOnlyReadsManifests() throws IOException {
        Path a = wheel("alpha");
        Path b = wheel("beta");
        WheelCache cache = cache();
        assertThat(cache.holds(a)).isFalse();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());

        UnpackProcess.ofThisJvm().fill(cache, List.of(a, b), done::add);

        assertThat(done).containsExactlyInAnyOrder(0, 1);
        assertThat(cache.holds(a)).isTrue();
        assertThat(cache.holds(b)).isTrue();
        List<Boolean> fromCache = new ArrayList<>();
        UnpackListener listener = new UnpackListener() {
            @Override
            public void hashing(Path wheel, long bytesDone, long bytesTotal) {
                throw new AssertionError("hashed " + wheel + " again");
            }

            @Override
            public void unpacked(Path wheel, UnpackedWheel unpacked, boolean cached) {
                fromCache.add(cached);
            }
        };
        UnpackedWheel alpha = cache.unpack(a, listener);
        assertThat(fromCache).containsExactly(true);
        assertThat(alpha.displayName()).isEqualTo("alpha");
        assertThat(alpha.files()).extracting(e -> e.path()).contains("alpha/__init__.py", "alpha/data.bin");
        assertThat(Files.size(alpha.root().resolve("alpha/data.bin"))).isEqualTo(1 << 20);
    }

    @Test
    void anInvalidWheelFailsAsItWouldInThisJvmAndTheOthersAreStillCached() throws IOException {
        Path good = wheel("good");
        Path bad = WheelWriter.wheel("bad", "1.0")
                .file("bad/__init__.py", "X = 1\n")
                .recordLine("bad/__init__.py", WheelWriter.hash(new byte[1]), "6")
                .writeTo(dir);
        WheelCache cache = cache();

        assertThatThrownBy(() -> UnpackProcess.ofThisJvm().fill(cache, List.of(good, bad), i -> {}))
                .isInstanceOfSatisfying(InvalidWheelException.class, e -> {
                    assertThat(e.wheel()).isEqualTo("bad-1.0-py3-none-any.whl");
                    assertThat(e.entry()).contains("bad/__init__.py");
                    assertThat(e.problem()).contains("does not match its RECORD hash");
                })
                .hasMessage(messageInThisJvm(bad));
        assertThat(cache.holds(good)).isTrue();
        assertThat(cache.holds(bad)).isFalse();
        try (Stream<Path> left = Files.list(cache.root())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void aMissingFileFailsWithItsName() throws IOException {
        Path missing = dir.resolve("gone-1.0-py3-none-any.whl");
        assertThatThrownBy(() -> UnpackProcess.ofThisJvm().fill(cache(), List.of(missing), i -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    private String messageInThisJvm(Path wheel) {
        try {
            new WheelCache(dir.resolve("other-cache")).unpack(wheel, UnpackListener.NONE);
            throw new AssertionError("unpacked " + wheel);
        } catch (InvalidWheelException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
