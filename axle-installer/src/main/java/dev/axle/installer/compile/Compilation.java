package dev.axle.installer.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * What a byte compilation did, in the order of the sources.
 *
 * @param compiled the files compiled and the .pyc each was written to (for RECORD)
 * @param notCompiled the files that did not compile, with the compiler's message
 */
public record Compilation(List<Compiled> compiled, List<NotCompiled> notCompiled) {
    public Compilation {
        compiled = List.copyOf(compiled);
        notCompiled = List.copyOf(notCompiled);
    }

    /** The .pyc files written. */
    public List<Path> pycFiles() {
        return compiled.stream().map(Compiled::pyc).toList();
    }

    /** A source and the .pyc written for it. */
    public record Compiled(Path source, Path pyc) {}

    /** A source that did not compile, and why. */
    public record NotCompiled(Path source, String message) {}
}
