package dev.axle.pep.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Android at an API level, with an Android ABI such as {@code arm64_v8a}: tags
 * {@code android_<level>_<abi>} from that level down to 16, the oldest level CPython runs on.
 */
public record Android(int apiLevel, String abi) implements Platform {
    private static final int MIN_API_LEVEL = 16;

    public Android {
        Objects.requireNonNull(abi, "abi");
    }

    @Override
    public List<String> platformTags() {
        String normalized = Platform.normalize(abi);
        List<String> out = new ArrayList<>();
        for (int level = apiLevel; level >= MIN_API_LEVEL; level--) {
            out.add("android_" + level + "_" + normalized);
        }
        return List.copyOf(out);
    }
}
