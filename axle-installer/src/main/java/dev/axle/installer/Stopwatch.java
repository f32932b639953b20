package dev.axle.installer;

/** Reports how long each step took, as details ({@code -v}). */
final class Stopwatch {
    private final InstallListener listener;
    private long last = System.nanoTime();

    Stopwatch(InstallListener listener) {
        this.listener = listener;
    }

    void lap(String what) {
        long now = System.nanoTime();
        listener.detail(what + " in " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
