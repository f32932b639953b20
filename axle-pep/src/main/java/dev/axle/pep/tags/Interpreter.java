package dev.axle.pep.tags;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Python interpreter, described rather than probed: its short name ({@code cp} for
 * CPython, {@code pp} for PyPy, otherwise the implementation name such as
 * {@code graalpy}), language version, ABIs (most specific first) and platform.
 * {@link #supportedTags()} gives what packaging's {@code sys_tags()} would answer on it.
 */
public record Interpreter(String name, PythonVersion pythonVersion, List<String> abis, Platform platform) {
    /** Packaging's {@code INTERPRETER_SHORT_NAMES}: implementation names with a reserved abbreviation. */
    private static final Map<String, String> SHORT_NAMES = Map.of("python", "py", "cpython", "cp", "pypy", "pp",
            "ironpython", "ip", "jython", "jy");

    public Interpreter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        abis = List.copyOf(abis);
        Objects.requireNonNull(platform, "platform");
    }

    /** A release build of CPython, GIL-enabled or free-threaded ({@code cp313t}). */
    public static Interpreter cpython(PythonVersion pythonVersion, boolean freeThreaded, Platform platform) {
        return new Interpreter("cp", pythonVersion, CompatibilityTags.cpythonAbis(pythonVersion, freeThreaded),
                platform);
    }

    /** PyPy with its ABI, such as {@code pypy310_pp73}. */
    public static Interpreter pypy(PythonVersion pythonVersion, String abi, Platform platform) {
        return new Interpreter("pp", pythonVersion, List.of(abi), platform);
    }

    /**
     * The name an implementation ({@code sys.implementation.name}, such as {@code cpython})
     * goes by in tags: its reserved abbreviation, or the name itself.
     */
    public static String shortName(String implementationName) {
        return SHORT_NAMES.getOrDefault(implementationName, implementationName);
    }

    /** The tags this interpreter supports, most preferred first. */
    public SupportedTags supportedTags() {
        return SupportedTags.of(name, pythonVersion, abis, platform.platformTags());
    }
}
