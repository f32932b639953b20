package dev.axle.cli;

/** Elapsed times as people read them: 840ms, 2.31s. */
final class Durations {
    private Durations() {}

    static String format(long nanos) {
        long millis = nanos / 1_000_000;
        return millis < 1000 ? millis + "ms" : String.format("%.2fs", nanos / 1e9);
    }
}
