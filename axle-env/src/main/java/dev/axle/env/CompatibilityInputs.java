package dev.axle.env;

import dev.axle.pep.tags.CompatibilityTags;
import dev.axle.pep.tags.Interpreter;
import dev.axle.pep.tags.Libc;
import dev.axle.pep.tags.Linux;
import dev.axle.pep.tags.MacOS;
import dev.axle.pep.tags.OtherPlatform;
import dev.axle.pep.tags.Platform;
import dev.axle.pep.tags.PythonVersion;
import dev.axle.pep.tags.Windows;
import java.util.List;

/**
 * What an interpreter reports about itself, turned into the description compatibility tags
 * are generated from, as packaging's {@code sys_tags()} reads the running interpreter.
 *
 * @param implementationName {@code sys.implementation.name}
 * @param pythonVersion the language version ({@code sys.version_info[:2]})
 * @param platformSystem {@code platform.system()}: Linux, Darwin, Windows, ...
 * @param sysconfigPlatform {@code sysconfig.get_platform()}, such as {@code linux-x86_64}
 * @param is32bit whether {@code sys.maxsize} fits in 32 bits
 * @param libc the C library on Linux, null if neither glibc nor musl was found
 * @param macVersion {@code platform.mac_ver()[0]} on macOS (the real one, not 10.16), else null
 * @param macArch {@code platform.mac_ver()[2]} on macOS, else null
 * @param extSuffix {@code EXT_SUFFIX}, such as {@code .cpython-312-x86_64-linux-gnu.so}
 * @param debug a debug build ({@code Py_DEBUG})
 * @param freeThreaded a free-threaded build ({@code Py_GIL_DISABLED})
 * @param pymalloc built with pymalloc ({@code WITH_PYMALLOC}, an ABI flag before 3.8)
 * @param wideUnicode UCS-4 strings (an ABI flag before 3.3)
 */
record CompatibilityInputs(String implementationName, PythonVersion pythonVersion, String platformSystem,
        String sysconfigPlatform, boolean is32bit, Libc libc, String macVersion, String macArch, String extSuffix,
        boolean debug, boolean freeThreaded, boolean pymalloc, boolean wideUnicode) {

    Interpreter interpreter() {
        String name = Interpreter.shortName(implementationName);
        List<String> abis = name.equals("cp")
                ? CompatibilityTags.cpythonAbis(pythonVersion, debug, freeThreaded, pymalloc, wideUnicode)
                : genericAbis();
        return new Interpreter(name, pythonVersion, abis, platform());
    }

    Platform platform() {
        switch (platformSystem) {
            case "Darwin" -> {
                if (macVersion != null && !macVersion.isEmpty()) {
                    String[] parts = macVersion.split("\\.");
                    int major = Integer.parseInt(parts[0]);
                    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                    return new MacOS(major, minor, MacOS.arch(macArch, is32bit));
                }
            }
            case "Linux" -> {
                if (sysconfigPlatform.startsWith("linux-")) {
                    return new Linux(sysconfigPlatform.substring("linux-".length()), is32bit, libc);
                }
            }
            case "Windows" -> {
                if (sysconfigPlatform.equals("win32")) {
                    return new Windows("x86");
                }
                if (sysconfigPlatform.startsWith("win-")) {
                    return new Windows(sysconfigPlatform.substring("win-".length()));
                }
            }
            default -> { }
        }
        return new OtherPlatform(sysconfigPlatform);
    }

    /**
     * The ABI of a non-CPython interpreter, read from its extension module suffix as
     * packaging's {@code _generic_abi} reads it: {@code .pypy310-pp73-x86_64-linux-gnu.so}
     * is {@code pypy310_pp73}.
     */
    List<String> genericAbis() {
        if (extSuffix == null || !extSuffix.startsWith(".")) {
            return List.of();
        }
        String[] parts = extSuffix.split("\\.", -1);
        if (parts.length < 3) {
            // A bare ".pyd" (CPython 3.7 and older on Windows): the CPython ABIs.
            return CompatibilityTags.cpythonAbis(pythonVersion, debug, freeThreaded, pymalloc, wideUnicode);
        }
        String soabi = parts[1];
        String[] pieces = soabi.split("-", -1);
        String abi;
        if (soabi.startsWith("cpython")) {
            abi = pieces.length > 1 ? "cp" + pieces[1] : soabi;
        } else if (soabi.startsWith("cp")) {
            abi = pieces[0];
        } else if (soabi.startsWith("pypy")) {
            abi = String.join("-", List.of(pieces).subList(0, Math.min(2, pieces.length)));
        } else if (soabi.startsWith("graalpy")) {
            abi = String.join("-", List.of(pieces).subList(0, Math.min(3, pieces.length)));
        } else if (!soabi.isEmpty()) {
            abi = soabi;
        } else {
            return List.of();
        }
        return List.of(Platform.normalize(abi));
    }
}
