package dev.axle.pep.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * iOS at a {@code major.minor} version, with a multiarch such as {@code arm64-iphoneos} or
 * {@code x86_64-iphonesimulator}: tags {@code ios_<major>_<minor>_<multiarch>} from that
 * version down to 12.0, taking every older major release to have had minors 9 to 0.
 */
public record Ios(int major, int minor, String multiarch) implements Platform {
    private static final int OLDEST_MAJOR = 12;
    private static final int HIGHEST_MINOR = 9;

    public Ios {
        Objects.requireNonNull(multiarch, "multiarch");
    }

    @Override
    public List<String> platformTags() {
        List<String> out = new ArrayList<>();
        if (major < OLDEST_MAJOR) {
            return List.of();
        }
        String arch = multiarch.replace('-', '_');
        out.add(tag(major, minor, arch));
        for (int m = minor - 1; m >= 0; m--) {
            out.add(tag(major, m, arch));
        }
        for (int older = major - 1; older >= OLDEST_MAJOR; older--) {
            for (int m = HIGHEST_MINOR; m >= 0; m--) {
                out.add(tag(older, m, arch));
            }
        }
        return List.copyOf(out);
    }

    private static String tag(int major, int minor, String arch) {
        return "ios_" + major + "_" + minor + "_" + arch;
    }
}
