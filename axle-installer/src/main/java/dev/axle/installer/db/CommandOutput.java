package dev.axle.installer.db;

import java.util.List;
import java.util.Objects;

/**
 * What a command prints and how it ends: the standard output text, the warnings for standard
 * error (each line already prefixed as pip prefixes it, {@code WARNING: }), and the exit code.
 * Each text is empty or ends with a line break.
 */
public record CommandOutput(String stdout, String stderr, int exitCode) {
    public static final int SUCCESS = 0;
    public static final int ERROR = 1;

    public CommandOutput {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Output made of {@code lines} (each ended by a line break) and {@code warnings}. */
    static CommandOutput of(List<String> lines, List<String> warnings, int exitCode) {
        return new CommandOutput(joinLines(lines, ""), joinLines(warnings, "WARNING: "), exitCode);
    }

    private static String joinLines(List<String> lines, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(prefix).append(line).append('\n');
        }
        return b.toString();
    }
}
