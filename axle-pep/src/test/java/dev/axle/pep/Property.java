package dev.axle.pep;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner: runs a check on many generated inputs from a fixed seed
 * (reproducible; override with {@code -Daxle.seed=N}) and reports the seed, the try and the
 * input that failed.
 */
final class Property {
    static final long SEED = Long.getLong("axle.seed", 0x5eed_a11eL);

    private Property() {}

    static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> check) {
        Random random = new Random(SEED);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " (seed " + SEED + ") for input: " + input
                        + "\n" + e.getMessage(), e);
            }
        }
    }
}
