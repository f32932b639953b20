package dev.axle.installer.removal;

/**
 * How long to wait between tries of a failed deletion: exponential pauses, a limited number of
 * tries per entry and a total pause budget per job, so that a folder of thousands of stuck files
 * costs seconds rather than hours.
 */
final class Backoff {
    static final int TRIES = 6;
    static final long FIRST_PAUSE_MILLIS = 10;
    static final long BUDGET_MILLIS = 2_000;

    private long spentMillis;

    /**
     * Pauses before try {@code attempt + 1} (attempts count from 1) and answers whether another
     * try should be made: false when the entry had its tries, the job spent its budget, or the
     * thread was interrupted (the interrupt stays set).
     */
    boolean pause(int attempt) {
        if (attempt >= TRIES) {
            return false;
        }
        long pause = FIRST_PAUSE_MILLIS << (attempt - 1);
        if (spentMillis + pause > BUDGET_MILLIS) {
            return false;
        }
        spentMillis += pause;
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
