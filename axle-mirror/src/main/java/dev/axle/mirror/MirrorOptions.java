package dev.axle.mirror;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sync runs.
 *
 * @param jobs          how many projects are synced at once
 * @param verify        re-hash every file the destination holds, fetch again the bad and
 *                      missing ones, and rewrite every page
 * @param stateInterval the shortest time between two writes of the state file during a sync
 *                      (it is always written at the end, and when a sync stops on an error)
 */
public record MirrorOptions(int jobs, boolean verify, Duration stateInterval) {
    public static final int DEFAULT_JOBS = 4;

    public MirrorOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        Objects.requireNonNull(stateInterval, "stateInterval");
    }

    public static MirrorOptions defaults() {
        return new MirrorOptions(DEFAULT_JOBS, false, Duration.ofSeconds(1));
    }

    public MirrorOptions withJobs(int jobs) {
        return new MirrorOptions(jobs, verify, stateInterval);
    }

    public MirrorOptions withVerify(boolean verify) {
        return new MirrorOptions(jobs, verify, stateInterval);
    }

    public MirrorOptions withStateInterval(Duration interval) {
        return new MirrorOptions(jobs, verify, interval);
    }
}
