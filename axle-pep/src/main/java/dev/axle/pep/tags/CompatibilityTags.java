package dev.axle.pep.tags;

import dev.axle.pep.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered tag lists an interpreter supports, most preferred first, built from explicit
 * arguments: packaging's {@code cpython_tags}, {@code generic_tags}, {@code compatible_tags}
 * and {@code pure_python_tags}. Nothing here looks at the running machine; an empty
 * platform list gives no platform-specific tags.
 */
public final class CompatibilityTags {
    private CompatibilityTags() {}

    /**
     * Tags for CPython: {@code cpXY} with each ABI, then the stable ABI ({@code abi3}, or
     * {@code abi3t} when the first ABI is free-threaded), then {@code none}, then the stable
     * ABI of every older minor version down to 3.2; each for every platform in turn.
     * A major-only version gets only the given ABIs and {@code none}.
     */
    public static List<Tag> cpython(PythonVersion pythonVersion, List<String> abis, List<String> platforms) {
        String interpreter = "cp" + pythonVersion.nodot();
        List<String> specific = new ArrayList<>(abis);
        boolean threaded = isFreeThreadedAbi(specific);
        // The stable ABIs and "none" come later in their own places (first occurrence only, as packaging).
        specific.remove("abi3");
        if (threaded) {
            specific.remove("abi3t");
        }
        specific.remove("none");
        List<Tag> out = new ArrayList<>();
        for (String abi : specific) {
            each(out, interpreter, abi, platforms);
        }
        boolean stable = pythonVersion.hasMinor() && pythonVersion.atLeast(3, 2);
        String stableAbi = threaded ? "abi3t" : "abi3";
        if (stable) {
            each(out, interpreter, stableAbi, platforms);
        }
        each(out, interpreter, "none", platforms);
        if (stable) {
            int major = pythonVersion.major();
            for (int minor = pythonVersion.minor().getAsInt() - 1; minor > 1; minor--) {
                String older = "cp" + PythonVersion.of(major, minor).nodot();
                each(out, older, stableAbi, platforms);
            }
        }
        return List.copyOf(out);
    }

    /** Tags for any other interpreter: each ABI, then {@code none} if it was not given, for every platform. */
    public static List<Tag> generic(String interpreter, List<String> abis, List<String> platforms) {
        List<String> all = new ArrayList<>(abis);
        if (!all.contains("none")) {
            all.add("none");
        }
        List<Tag> out = new ArrayList<>();
        for (String abi : all) {
            each(out, interpreter, abi, platforms);
        }
        return List.copyOf(out);
    }

    /**
     * Tags that need no particular interpreter ABI: {@code pyXY-none-<platform>} for this and
     * every older version, then {@code <interpreter>-none-any} when an interpreter is given,
     * then the {@link #purePython pure-Python} tags.
     *
     * @param interpreter such as {@code cp312} or {@code pp3}; null or empty for none
     */
    public static List<Tag> compatible(PythonVersion pythonVersion, String interpreter, List<String> platforms) {
        List<Tag> out = new ArrayList<>();
        for (String version : interpreterRange(pythonVersion)) {
            each(out, version, "none", platforms);
        }
        if (interpreter != null && !interpreter.isEmpty()) {
            out.add(new Tag(interpreter, "none", "any"));
        }
        out.addAll(purePython(pythonVersion));
        return List.copyOf(out);
    }

    /** {@code pyXY-none-any}, {@code pyX-none-any}, then every older minor version down to {@code pyX0}. */
    public static List<Tag> purePython(PythonVersion pythonVersion) {
        List<Tag> out = new ArrayList<>();
        for (String version : interpreterRange(pythonVersion)) {
            out.add(new Tag(version, "none", "any"));
        }
        return List.copyOf(out);
    }

    /**
     * The ABIs of a CPython build, most specific first (packaging's {@code _cpython_abis}
     * with the build's configuration given instead of read from {@code sysconfig}):
     * {@code cpXY} plus {@code t} (free-threaded, 3.13+), {@code d} (debug), {@code m}
     * (pymalloc, before 3.8) and {@code u} (wide unicode, before 3.3). A debug build from
     * 3.8 on also loads the plain ABI, which comes second.
     */
    public static List<String> cpythonAbis(PythonVersion pythonVersion, boolean debug, boolean freeThreaded,
            boolean pymalloc, boolean wideUnicode) {
        String version = "cp" + pythonVersion.nodot();
        String threading = freeThreaded && pythonVersion.atLeast(3, 13) ? "t" : "";
        String flags = debug ? "d" : "";
        List<String> abis = new ArrayList<>(2);
        if (!pythonVersion.atLeast(3, 8)) {
            flags += pymalloc ? "m" : "";
            if (!pythonVersion.atLeast(3, 3)) {
                flags += wideUnicode ? "u" : "";
            }
        } else if (debug) {
            abis.add(version + threading);
        }
        abis.add(0, version + threading + flags);
        return List.copyOf(abis);
    }

    /** The ABIs of a release (non-debug) CPython build, with pymalloc and wide unicode as their builds defaulted. */
    public static List<String> cpythonAbis(PythonVersion pythonVersion, boolean freeThreaded) {
        return cpythonAbis(pythonVersion, false, freeThreaded, true, true);
    }

    /** Whether the first ABI is a free-threaded CPython ABI: {@code cp} and digits, then flags containing {@code t}. */
    private static boolean isFreeThreadedAbi(List<String> abis) {
        if (abis.isEmpty() || !abis.get(0).startsWith("cp")) {
            return false;
        }
        String abi = abis.get(0);
        int i = 2;
        while (i < abi.length() && Character.getType(abi.codePointAt(i)) == Character.DECIMAL_DIGIT_NUMBER) {
            i += Character.charCount(abi.codePointAt(i));
        }
        if (i == 2) {
            return false;
        }
        int flagsEnd = abi.indexOf('\n', i);
        return abi.substring(i, flagsEnd < 0 ? abi.length() : flagsEnd).indexOf('t') >= 0;
    }

    /** {@code pyXY}, {@code pyX}, then {@code pyX(Y-1)} down to {@code pyX0}. */
    private static List<String> interpreterRange(PythonVersion pythonVersion) {
        List<String> out = new ArrayList<>();
        if (pythonVersion.hasMinor()) {
            out.add("py" + pythonVersion.nodot());
        }
        out.add("py" + pythonVersion.major());
        if (pythonVersion.hasMinor()) {
            for (int minor = pythonVersion.minor().getAsInt() - 1; minor >= 0; minor--) {
                out.add("py" + PythonVersion.of(pythonVersion.major(), minor).nodot());
            }
        }
        return out;
    }

    private static void each(List<Tag> out, String interpreter, String abi, List<String> platforms) {
        for (String platform : platforms) {
            out.add(new Tag(interpreter, abi, platform));
        }
    }
}
