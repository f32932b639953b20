package dev.axle.cli;

import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadListener;
import dev.axle.installer.InstallListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders install progress as one line on a terminal, redrawn at most ten times a second, and
 * warnings and details as lines. Off a terminal it draws nothing but the messages.
 */
final class ProgressBar implements InstallListener, DownloadListener {
    private static final long FRAME_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean draw;
    private final boolean verbose;
    private long lastFrame;
    /** Bytes downloaded and expected per file being downloaded. */
    private final Map<String, long[]> downloads = new HashMap<>();
    private boolean lineShown;

    ProgressBar(PrintWriter err, boolean draw, boolean verbose) {
        this.err = err;
        this.draw = draw;
        this.verbose = verbose;
    }

    @Override
    public synchronized void progress(Stage stage, long done, long total) {
        if (!draw) {
            return;
        }
        draw(switch (stage) {
            case UNPACK -> "Unpacking  " + mib(done) + "/" + mib(total) + " MiB";
            case INSTALL -> "Installing " + done + "/" + total + " files";
            case COMPILE -> "Compiling  " + done + "/" + total + " modules";
        }, done, total);
    }

    private void draw(String label, long done, long total) {
        long now = System.nanoTime();
        if (!draw || done < total && now - lastFrame < FRAME_NANOS) {
            return;
        }
        lastFrame = now;
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        err.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + label + "\033[K");
        err.flush();
        lineShown = true;
    }

    /** Downloads in parallel, drawn as one line of their sums. */
    @Override
    public synchronized void progress(DistributionFile file, long downloaded, long total) {
        downloads.put(file.filename(), new long[] {downloaded, Math.max(total, downloaded)});
        long done = 0;
        long all = 0;
        for (long[] d : downloads.values()) {
            done += d[0];
            all += d[1];
        }
        draw("Downloading " + mib(done) + "/" + mib(all) + " MiB", done, all);
    }

    @Override
    public synchronized void warning(String message) {
        clear();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public synchronized void detail(String message) {
        if (verbose) {
            clear();
            err.println(message);
            err.flush();
        }
    }

    /** Removes the progress line, before the final report is printed. */
    synchronized void clear() {
        if (lineShown) {
            err.print("\r\033[K");
            err.flush();
            lineShown = false;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }
}
