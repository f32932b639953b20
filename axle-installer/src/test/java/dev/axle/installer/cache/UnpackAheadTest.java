package dev.axle.installer.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.installer.WheelWriter;
import dev.axle.installer.wheel.InvalidWheelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wheels offered as they arrive go to a real worker JVM once they come to the minimum. */
class UnpackAheadTest {
    @TempDir
    Path dir;

    private Path wheel(String name, int bytes) throws IOException {
        byte[] noise = new byte[bytes]; // incompressible: the wheel file is as big
        new Random(name.hashCode()).nextBytes(noise);
        return WheelWriter.wheel(name, "1.0").file(name + "/__init__.py", "X = 1\n").file(name + "/blob.bin", noise)
                .writeTo(dir);
    }

    private static final class Counting implements UnpackAhead.Listener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger unpacked = new AtomicInteger();

        @Override
        public void started() {
            started.incrementAndGet();
        }

        @Override
        public void unpacked() {
            unpacked.incrementAndGet();
        }
    }

    @Test
    void wheelsWaitUntilTheyComeToTheMinimumThenAllGoToTheWorker() throws IOException {
        WheelCache cache = new WheelCache(dir.resolve("cache"));
        Path small = wheel("small", 1 << 20);
        Path big = wheel("big", (int) UnpackAhead.PROCESS_MINIMUM);
        Path late = wheel("late", 1 << 10);
        Counting told = new Counting();
        try (UnpackAhead ahead = new UnpackAhead(cache, Optional.of(UnpackProcess.ofThisJvm()), told)) {
            ahead.offer(small);
            assertThat(told.started).hasValue(0);
            ahead.offer(big);
            assertThat(told.started).hasValue(1);
            ahead.offer(late);
            assertThat(ahead.finish()).containsExactly(small.toAbsolutePath(), big.toAbsolutePath(),
                    late.toAbsolutePath());
        }
        assertThat(told.unpacked).hasValue(3);
        assertThat(cache.holds(small)).isTrue();
        assertThat(cache.holds(big)).isTrue();
        assertThat(cache.holds(late)).isTrue();
    }

    @Test
    void belowTheMinimumOrWithoutAWorkerNothingIsUnpackedAhead() throws IOException {
        WheelCache cache = new WheelCache(dir.resolve("cache"));
        Path small = wheel("small", 1 << 20);
        Path big = wheel("big", (int) UnpackAhead.PROCESS_MINIMUM);
        Counting told = new Counting();
        try (UnpackAhead ahead = new UnpackAhead(cache, Optional.of(UnpackProcess.ofThisJvm()), told)) {
            ahead.offer(small);
            assertThat(ahead.finish()).isEmpty();
            ahead.offer(big); // after finish: ignored
        }
        try (UnpackAhead none = new UnpackAhead(cache, Optional.empty(), told)) {
            none.offer(big);
            assertThat(none.finish()).isEmpty();
        }
        assertThat(told.started).hasValue(0);
        assertThat(cache.holds(small)).isFalse();
        assertThat(cache.holds(big)).isFalse();
    }

    @Test
    void anInvalidWheelIsThrownByFinish() throws IOException {
        WheelCache cache = new WheelCache(dir.resolve("cache"));
        Path big = wheel("big", (int) UnpackAhead.PROCESS_MINIMUM);
        Path bad = WheelWriter.wheel("bad", "1.0")
                .file("bad/__init__.py", "X = 1\n")
                .recordLine("bad/__init__.py", WheelWriter.hash(new byte[1]), "6")
                .writeTo(dir);
        try (UnpackAhead ahead = new UnpackAhead(cache, Optional.of(UnpackProcess.ofThisJvm()), new Counting())) {
            ahead.offer(big);
            ahead.offer(bad);
            assertThatThrownBy(ahead::finish).isInstanceOfSatisfying(InvalidWheelException.class,
                    e -> assertThat(e.wheel()).isEqualTo("bad-1.0-py3-none-any.whl"));
        }
        assertThat(cache.holds(big)).isTrue();
    }
}
