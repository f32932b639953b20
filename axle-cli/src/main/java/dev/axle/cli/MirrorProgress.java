package dev.axle.cli;

import dev.axle.index.DistributionFile;
import dev.axle.mirror.MirrorListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a sync: on a terminal one line, redrawn at most ten times a second, of projects done
 * and bytes fetched; warnings always, one line per project with -v. Off a terminal, only the lines.
 */
final class MirrorProgress implements MirrorListener {
    private static final long FRAME_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean draw;
    private final boolean verbose;
    private final Map<String, Long> downloading = new HashMap<>();
    private int total;
    private int done;
    private int files;
    private long bytes;
    private long lastFrame;
    private boolean lineShown;

    MirrorProgress(PrintWriter err, boolean draw, boolean verbose) {
        this.err = err;
        this.draw = draw;
        this.verbose = verbose;
    }

    @Override
    public synchronized void planned(int listed, int toSync, int toRemove) {
        total = toSync + toRemove;
        detail("Upstream lists " + listed + (listed == 1 ? " project" : " projects") + " to mirror: " + toSync
                + " to sync, " + toRemove + " to remove");
        redraw(true);
    }

    @Override
    public synchronized void downloading(String project, DistributionFile file, long bytesDone, long bytesTotal) {
        downloading.put(file.filename(), bytesDone);
        redraw(false);
    }

    @Override
    public synchronized void fetched(String project, String filename, long size) {
        downloading.remove(filename);
        files++;
        bytes += size;
        redraw(false);
    }

    @Override
    public synchronized void projectSynced(String project, int held, int fetched, int deleted) {
        done++;
        detail("Synced " + project + ": " + held + (held == 1 ? " file" : " files") + " (" + fetched + " fetched, "
                + deleted + " deleted)");
        redraw(true);
    }

    @Override
    public synchronized void projectRemoved(String project) {
        done++;
        detail("Removed " + project);
        redraw(true);
    }

    @Override
    public synchronized void projectFailed(String project, String message) {
        done++;
        line("warning: " + project + " not synced: " + message);
        redraw(true);
    }

    @Override
    public synchronized void warning(String message) {
        line("warning: " + message);
        redraw(true);
    }

    private void detail(String message) {
        if (verbose) {
            line(message);
        }
    }

    private void line(String message) {
        clear();
        err.println(message);
        err.flush();
    }

    private void redraw(boolean now) {
        long time = System.nanoTime();
        if (!draw || !now && time - lastFrame < FRAME_NANOS) {
            return;
        }
        lastFrame = time;
        long inFlight = downloading.values().stream().mapToLong(Long::longValue).sum();
        int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
        err.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " projects, "
                + files + (files == 1 ? " file, " : " files, ") + mib(bytes + inFlight) + " MiB\033[K");
        err.flush();
        lineShown = true;
    }

    /** Removes the progress line, before the summary is printed. */
    synchronized void clear() {
        if (lineShown) {
            err.print("\r\033[K");
            err.flush();
            lineShown = false;
        }
    }

    static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }
}
