package dev.axle.index;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code keyring} command, asked as {@code keyring get SERVICE USER} (the protocol pip's
 * subprocess provider uses): the password on standard output, exit status 0 when found. It needs
 * a user name, so it is asked only for URLs that carry one ({@code https://user@host/simple/}).
 */
final class Keyring {
    /** A keyring backend may wait for an unlock prompt; it is not waited for forever. */
    private static final long TIMEOUT_SECONDS = 60;

    private final Optional<Path> command;

    private Keyring(Optional<Path> command) {
        this.command = command;
    }

    /** The {@code keyring} on the environment's PATH; none if it is not there. */
    static Keyring find(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "keyring");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new Keyring(Optional.of(candidate));
                }
            }
        }
        return new Keyring(Optional.empty());
    }

    private static final File NO_INPUT = new File(File.separatorChar == '/' ? "/dev/null" : "NUL");

    static final Keyring NONE = new Keyring(Optional.empty());

    /** The password stored for {@code service} and {@code user}; empty if none (or no keyring). */
    Optional<String> password(String service, String user, Map<String, String> environment) throws IOException {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        // Output to a file rather than a pipe, so that a keyring that hangs can be timed out.
        Path out = Files.createTempFile("axle-keyring", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command.get().toString(), "get", service, user))
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(environment);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process p = pb.start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while asking keyring for a password");
            }
            String password = Files.readString(out, StandardCharsets.UTF_8).replaceAll("\\R+$", "");
            return p.exitValue() == 0 && !password.isEmpty() ? Optional.of(password) : Optional.empty();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
