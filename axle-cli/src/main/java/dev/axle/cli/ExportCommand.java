package dev.axle.cli;

import dev.axle.lock.Pylock;
import dev.axle.lock.PylockSelectException;
import dev.axle.lock.RequirementsExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code axle export}: a lock file in another format (a pip requirements file). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a lock file (PEP 751 pylock.toml) as a pip requirements file: every package pinned,"
                + " with its marker, and with --hashes the hashes of its files.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PYLOCK", description = "The lock file (default: pylock.toml here)")
    Path lock = Path.of("pylock.toml");

    @Option(names = "--format", paramLabel = "FORMAT", description = "requirements-txt (the only one so far)")
    String format = "requirements-txt";

    @Option(names = "--hashes", description = "Write --hash options (pip then checks every file it installs)")
    boolean hashes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file (default: stdout)")
    Path output;

    @Option(names = "--extra", paramLabel = "EXTRA", description = "Include what this extra of the project needs (repeatable)")
    List<String> extras = new ArrayList<>();

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Include this dependency group (repeatable; default: the lock's default-groups)")
    List<String> groups = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("requirements-txt")) {
            throw new UsageException("--format must be requirements-txt, not " + format);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path lockFile = cwd.resolve(lock).normalize();
        Pylock pylock = LockFiles.read(lockFile);
        LockFiles.checkCovers(pylock, lockFile, extras, groups);
        String text;
        try {
            text = RequirementsExport.of(pylock, lockFile.getParent(), hashes, Set.copyOf(extras),
                    Set.copyOf(groups.isEmpty() ? pylock.defaultGroups().orElse(List.of()) : groups));
        } catch (PylockSelectException e) {
            throw new UsageException(lockFile + ": " + e.getMessage());
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path target = cwd.resolve(output).toAbsolutePath().normalize();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return 0;
    }
}
