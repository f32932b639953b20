package dev.axle.pep;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The optional build tag of a wheel filename: a leading number and the rest of the text,
 * as packaging's {@code (int, str)} pair. Wheels that differ only by build tag are ordered
 * by number, then by the rest.
 */
public record BuildTag(BigInteger number, String suffix) implements Comparable<BuildTag> {
    public BuildTag {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(suffix, "suffix");
        if (number.signum() < 0) {
            throw new IllegalArgumentException("build number must be non-negative, got " + number);
        }
    }

    @Override
    public int compareTo(BuildTag o) {
        int c = number.compareTo(o.number);
        return c != 0 ? c : Text.compareCodePoints(suffix, o.suffix);
    }

    /** The number without leading zeros, followed by the rest. */
    @Override
    public String toString() {
        return number + suffix;
    }
}
