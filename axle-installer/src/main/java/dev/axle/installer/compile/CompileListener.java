package dev.axle.installer.compile;

import java.nio.file.Path;

/** Hears about each file as a worker finishes it; called from several threads. */
public interface CompileListener {
    /** A listener that ignores every event. */
    CompileListener NONE = new CompileListener() {};

    default void compiled(Path source, Path pyc) {}

    /**
     * The file did not compile (a syntax error, a Python 2 module in a Python 3 environment, an
     * unreadable file); it stays installed without bytecode, as pip leaves it.
     */
    default void notCompiled(Path source, String message) {}
}
