package dev.axle.pep.tags;

import java.util.List;
import java.util.Objects;

/**
 * Windows, by the interpreter's architecture: {@code x86} (tag {@code win32}),
 * {@code amd64}, {@code arm64} or {@code arm32} (tags {@code win_<arch>}).
 */
public record Windows(String arch) implements Platform {
    public Windows {
        Objects.requireNonNull(arch, "arch");
    }

    @Override
    public List<String> platformTags() {
        boolean x86 = arch.equals("x86") || arch.equals("win32");
        return List.of(x86 ? "win32" : "win_" + Platform.normalize(arch));
    }
}
