package dev.axle.cli;

import dev.axle.lock.Pylock;
import dev.axle.lock.PylockValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the commands that read a lock file share: reading it, with errors that name it. */
final class LockFiles {
    private LockFiles() {}

    /** The lock file, parsed and validated (an unsupported lock-version is a validation failure too). */
    static Pylock read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no lock file " + file + ": pass the path of a pylock.toml");
        }
        try {
            return Pylock.read(file);
        } catch (PylockValidationException e) {
            throw new UsageException(file + " is not a valid lock file (PEP 751): " + e.getMessage());
        }
    }
}
