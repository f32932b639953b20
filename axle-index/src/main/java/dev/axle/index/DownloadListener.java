package dev.axle.index;

/**
 * Told how a download proceeds, so that a user interface can show it; called on the HTTP
 * client's threads. A retried download starts again from 0.
 */
@FunctionalInterface
public interface DownloadListener {
    /** Ignores everything. */
    DownloadListener NONE = (file, downloaded, total) -> {};

    /**
     * @param file       the file being downloaded
     * @param downloaded bytes received so far
     * @param total      the file's length if the server said, else -1
     */
    void progress(DistributionFile file, long downloaded, long total);
}
