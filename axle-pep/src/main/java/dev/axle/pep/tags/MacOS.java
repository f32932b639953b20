package dev.axle.pep.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * macOS at a {@code major.minor} version, for an interpreter of the given architecture
 * ({@code x86_64}, {@code arm64}, {@code i386}, {@code ppc}, {@code ppc64}, or a fat
 * format such as {@code universal2}; see {@link #arch(String, boolean)}).
 *
 * <p>Tags run from this version down to 10.0: each yearly release bumped the minor
 * version up to 10.16 and the major one from 11 on. Binaries built for x86_64 on older
 * releases keep working on 11+, and {@code universal2} ones may name a 10.x version.
 */
public record MacOS(int major, int minor, String arch) implements Platform {
    private static final Set<String> UNIVERSAL2 = Set.of("arm64", "x86_64");
    private static final Set<String> UNIVERSAL = Set.of("x86_64", "i386", "ppc64", "ppc", "intel");

    public MacOS {
        Objects.requireNonNull(arch, "arch");
    }

    /** The architecture a 32-bit interpreter reports on a machine of {@code cpuArch}: {@code ppc} or {@code i386}. */
    public static String arch(String cpuArch, boolean is32bit) {
        if (!is32bit) {
            return cpuArch;
        }
        return cpuArch.startsWith("ppc") ? "ppc" : "i386";
    }

    /**
     * The binary formats that can run {@code arch} code on macOS {@code major.minor}: the
     * architecture itself and the fat formats that include it, or none before the
     * architecture was supported (packaging's {@code _mac_binary_formats}).
     */
    public static List<String> binaryFormats(int major, int minor, String arch) {
        List<String> formats = new ArrayList<>();
        formats.add(arch);
        boolean before104 = before(major, minor, 10, 4);
        switch (arch) {
            case "x86_64" -> {
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat64", "fat3"));
            }
            case "i386" -> {
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat3", "fat"));
            }
            case "ppc64" -> {
                if (before104 || !before(major, minor, 10, 6)) {
                    return List.of();
                }
                formats.add("fat64");
            }
            case "ppc" -> {
                if (!before(major, minor, 10, 7)) {
                    return List.of();
                }
                formats.addAll(List.of("fat3", "fat"));
            }
            default -> { }
        }
        if (UNIVERSAL2.contains(arch)) {
            formats.add("universal2");
        }
        if (UNIVERSAL.contains(arch)) {
            formats.add("universal");
        }
        return List.copyOf(formats);
    }

    @Override
    public List<String> platformTags() {
        List<String> out = new ArrayList<>();
        if (!before(major, minor, 10, 0) && before(major, minor, 11, 0)) {
            for (int m = minor; m >= 0; m--) {
                addAll(out, 10, m, binaryFormats(10, m, arch));
            }
        }
        if (!before(major, minor, 11, 0)) {
            for (int yearly = major; yearly > 10; yearly--) {
                addAll(out, yearly, 0, binaryFormats(yearly, 0, arch));
            }
            for (int m = 16; m > 3; m--) {
                addAll(out, 10, m, arch.equals("x86_64") ? binaryFormats(10, m, arch) : List.of("universal2"));
            }
        }
        return List.copyOf(out);
    }

    private static void addAll(List<String> out, int major, int minor, List<String> formats) {
        for (String format : formats) {
            out.add("macosx_" + major + "_" + minor + "_" + format);
        }
    }

    /** Whether {@code major.minor} comes before {@code otherMajor.otherMinor}. */
    private static boolean before(int major, int minor, int otherMajor, int otherMinor) {
        return major != otherMajor ? major < otherMajor : minor < otherMinor;
    }
}
