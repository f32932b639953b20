package dev.axle.dist;

/**
 * The limit on how far an archive may expand, as PyPI sets it: more than 64 MiB and more
 * than 50 times the archive's own size is taken for a decompression bomb. Real
 * distributions, even of very compressible data, stay well below.
 */
final class DecompressionBomb {
    static final long MIN_SIZE = 64L * 1024 * 1024;
    static final int RATIO = 50;

    private DecompressionBomb() {}

    /** The most bytes an archive of {@code compressed} bytes may expand to. */
    static long limit(long compressed) {
        return Math.max(MIN_SIZE, compressed * RATIO);
    }

    static void check(long expanded, long compressed, String filename) throws DistributionException {
        if (expanded > limit(compressed)) {
            throw rejection(expanded, compressed, filename);
        }
    }

    static DistributionException rejection(long expanded, long compressed, String filename) {
        return new DistributionException("Invalid distribution file: '" + filename + "' expands to more than "
                    + RATIO + " times its size (at least " + expanded + " bytes from " + compressed
                    + "); this looks like a decompression bomb", filename, null);
    }
}
