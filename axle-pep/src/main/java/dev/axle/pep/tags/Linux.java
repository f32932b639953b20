package dev.axle.pep.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Linux on a machine architecture ({@code uname -m}, such as {@code x86_64}), with a 32-bit
 * or 64-bit interpreter and the C library it is linked against (null if neither glibc nor
 * musl, which leaves only the {@code linux_*} tags).
 *
 * <p>Tags: {@code linux_<arch>} first (since packaging 26.3), then {@code manylinux} tags
 * for glibc or {@code musllinux} tags for musl, each from the library's version downwards.
 * A 32-bit interpreter on a 64-bit kernel uses {@code i686} or {@code armv8l}, and
 * {@code armv8l} also runs {@code armv7l} code.
 *
 * <p>packaging inspects the interpreter's ELF header before offering {@code manylinux}
 * tags on {@code armv7l} and {@code i686}; a described interpreter is taken to be the
 * hard-float ARM or i386 executable those tags require.
 */
public record Linux(String machine, boolean is32bit, Libc libc) implements Platform {
    /** Architectures that have manylinux wheels without further ABI checks. */
    private static final Set<String> MANYLINUX_ARCHS = Set.of("x86_64", "aarch64", "ppc64", "ppc64le", "s390x",
            "loongarch64", "riscv64");
    private static final Map<String, String> LEGACY_MANYLINUX = Map.of("2.17", "manylinux2014",
            "2.12", "manylinux2010", "2.5", "manylinux1");
    /** glibc's last minor version before a future major bump is not known yet; packaging assumes 50. */
    private static final int LAST_GLIBC_MINOR = 50;

    public Linux {
        Objects.requireNonNull(machine, "machine");
    }

    /** A 64-bit interpreter (or a 32-bit one on a 32-bit kernel) on {@code machine}. */
    public Linux(String machine, Libc libc) {
        this(machine, false, libc);
    }

    @Override
    public List<String> platformTags() {
        String arch = Platform.normalize(machine);
        if (is32bit) {
            arch = switch (arch) {
                case "x86_64" -> "i686";
                case "aarch64" -> "armv8l";
                default -> arch;
            };
        }
        List<String> archs = arch.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(arch);
        List<String> out = new ArrayList<>();
        for (String a : archs) {
            out.add("linux_" + a);
        }
        if (libc instanceof Libc.Glibc(int major, int minor) && manylinuxAbi(archs)) {
            out.addAll(manylinuxTags(major, minor, archs));
        } else if (libc instanceof Libc.Musl(int major, int minor)) {
            out.addAll(musllinuxTags(major, minor, archs));
        }
        return List.copyOf(out);
    }

    private static boolean manylinuxAbi(List<String> archs) {
        return archs.contains("armv7l") || archs.contains("i686") || archs.stream().anyMatch(MANYLINUX_ARCHS::contains);
    }

    /**
     * The {@code manylinux} tags for glibc {@code major.minor} on {@code archs} (PEP 600), with
     * the legacy {@code manylinux1}/{@code 2010}/{@code 2014} alias after its glibc version:
     * every glibc version down to 2.17 (2.5 on x86), across major versions, for each
     * architecture in turn.
     */
    public static List<String> manylinuxTags(int glibcMajor, int glibcMinor, List<String> archs) {
        // The oldest glibc with manylinux wheels is 2.17, or 2.5 on x86; below it nothing is offered.
        int oldestMinor = archs.contains("x86_64") || archs.contains("i686") ? 5 : 17;
        List<int[]> maxima = new ArrayList<>();
        maxima.add(new int[] {glibcMajor, glibcMinor});
        for (int major = glibcMajor - 1; major > 1; major--) {
            maxima.add(new int[] {major, LAST_GLIBC_MINOR});
        }
        List<String> out = new ArrayList<>();
        for (String arch : archs) {
            for (int[] max : maxima) {
                int lowest = max[0] == 2 ? oldestMinor : 0;
                for (int minor = max[1]; minor >= lowest; minor--) {
                    out.add("manylinux_" + max[0] + "_" + minor + "_" + arch);
                    String legacy = LEGACY_MANYLINUX.get(max[0] + "." + minor);
                    if (legacy != null) {
                        out.add(legacy + "_" + arch);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The {@code musllinux} tags for musl {@code major.minor} on {@code archs} (PEP 656): minors down to 0. */
    public static List<String> musllinuxTags(int muslMajor, int muslMinor, List<String> archs) {
        List<String> out = new ArrayList<>();
        for (String arch : archs) {
            for (int minor = muslMinor; minor >= 0; minor--) {
                out.add("musllinux_" + muslMajor + "_" + minor + "_" + arch);
            }
        }
        return List.copyOf(out);
    }
}
