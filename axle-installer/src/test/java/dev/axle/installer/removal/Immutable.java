package dev.axle.installer.removal;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes a file or folder immutable with {@code chattr +i}: the one failure to delete that even
 * root meets. Tests that need it are skipped where chattr is missing or not permitted.
 */
public final class Immutable implements AutoCloseable {
    private Path path;

    private Immutable(Path path) {
        this.path = path;
    }

    public static Immutable make(Path path) throws IOException, InterruptedException {
        assumeThat(chattr("+i", path)).as("chattr +i needs root and a filesystem with attributes").isZero();
        return new Immutable(path);
    }

    /** The file was moved (stashed): it stays immutable there, and that is what {@link #close} releases. */
    public void movedTo(Path newPath) {
        path = newPath;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        chattr("-i", path);
    }

    private static int chattr(String change, Path path) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("chattr", change, path.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
