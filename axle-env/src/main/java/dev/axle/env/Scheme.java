package dev.axle.env;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where each kind of file from a wheel goes: the install scheme's paths, as sysconfig names
 * them (the wheel's {@code .data/<key>/} folders use the same keys).
 *
 * <p>{@code headers} is the folder that holds every distribution's headers; a distribution's
 * own headers go into a subfolder named after it, as pip puts them
 * ({@code <venv>/include/site/python3.12/<name>/}).
 *
 * @param purelib pure-Python modules ({@code site-packages})
 * @param platlib platform-specific modules (the same folder as purelib in most schemes)
 * @param scripts executables and launchers ({@code bin})
 * @param headers the root folder of C headers
 * @param data the root that {@code .data/data/} files are placed under (the prefix)
 */
public record Scheme(Path purelib, Path platlib, Path scripts, Path headers, Path data) {
    public Scheme {
        Objects.requireNonNull(purelib, "purelib");
        Objects.requireNonNull(platlib, "platlib");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The folder for a wheel's {@code .data/<key>/} subfolder key: {@code purelib},
     * {@code platlib}, {@code scripts}, {@code headers} or {@code data}.
     *
     * @throws IllegalArgumentException for any other key
     */
    public Path path(String key) {
        return switch (key) {
            case "purelib" -> purelib;
            case "platlib" -> platlib;
            case "scripts" -> scripts;
            case "headers" -> headers;
            case "data" -> data;
            default -> throw new IllegalArgumentException("not an install scheme key: " + key);
        };
    }
}
