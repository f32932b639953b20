package dev.axle.cli;

import dev.axle.lock.Pylock;
import dev.axle.lock.PylockValidationException;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What the commands that read a lock file share: reading it, with errors that name it. */
final class LockFiles {
    private LockFiles() {}

    /** The lock file, parsed and validated (an unsupported lock-version is a validation failure too). */
    /** The lock a task {@linkplain #read reads}, or the task's failure as it would have been thrown. */
    static Pylock await(Future<Pylock> reading) throws IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the lock file");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Refuses extras and dependency groups the lock does not list as covered. */
    static void checkCovers(Pylock pylock, Path lockFile, List<String> extras, List<String> groups) {
        List<String> unknown = new ArrayList<>();
        extras.stream().filter(e -> !pylock.extras().orElse(List.of()).contains(ProjectName.canonicalize(e)))
                .forEach(e -> unknown.add("extra " + e));
        groups.stream().filter(g -> !pylock.dependencyGroups().orElse(List.of()).contains(g))
                .forEach(g -> unknown.add("dependency group " + g));
        if (!unknown.isEmpty()) {
            throw new UsageException(lockFile + " does not cover the " + String.join(", ", unknown) + " (it covers"
                    + " extras " + pylock.extras().orElse(List.of()) + " and dependency groups "
                    + pylock.dependencyGroups().orElse(List.of()) + ")");
        }
    }

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
