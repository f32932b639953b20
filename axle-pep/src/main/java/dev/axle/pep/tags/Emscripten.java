package dev.axle.pep.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Emscripten (Pyodide): the {@code pyemscripten_<version>_wasm32} tag when the build
 * declares a PyEmscripten platform version ({@code PYEMSCRIPTEN_PLATFORM_VERSION}, null if
 * not), then its {@code sysconfig.get_platform()} text normalized, such as
 * {@code emscripten_3_1_58_wasm32}.
 */
public record Emscripten(String pyemscriptenVersion, String sysconfigPlatform) implements Platform {
    public Emscripten {
        Objects.requireNonNull(sysconfigPlatform, "sysconfigPlatform");
    }

    @Override
    public List<String> platformTags() {
        List<String> out = new ArrayList<>(2);
        if (pyemscriptenVersion != null && !pyemscriptenVersion.isEmpty()) {
            out.add("pyemscripten_" + pyemscriptenVersion + "_wasm32");
        }
        out.add(Platform.normalize(sysconfigPlatform));
        return List.copyOf(out);
    }
}
