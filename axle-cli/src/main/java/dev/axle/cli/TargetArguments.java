package dev.axle.cli;

import dev.axle.env.PythonInterpreter;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Version;
import dev.axle.pep.tags.CompatibilityTags;
import dev.axle.pep.tags.Linux;
import dev.axle.pep.tags.PythonVersion;
import dev.axle.pep.tags.SupportedTags;
import dev.axle.resolver.python.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * pip download's target options: resolve and fetch for another interpreter than the one at
 * hand. What is not given is the interpreter's own. The markers follow: {@code python_version}
 * from {@code --python-version}, {@code sys_platform}, {@code platform_system} and
 * {@code platform_machine} from the first {@code --platform}.
 */
final class TargetArguments {
    private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(\\w+)");
    private static final Pattern LEGACY = Pattern.compile("manylinux(1|2010|2014)_(\\w+)");
    /** A platform tag's architecture: what follows its OS and version parts ({@code x86_64} has an underscore itself). */
    private static final Pattern ARCHITECTURE = Pattern.compile(
            "(?:manylinux_\\d+_\\d+|musllinux_\\d+_\\d+|manylinux(?:1|2010|2014)|macosx_\\d+_\\d+|linux)_(\\w+)");

    @Option(names = "--python-version", paramLabel = "VERSION",
            description = "The target's Python version (3.12, 312 or 3.12.4)")
    String pythonVersion;

    @Option(names = {"--platform", "--python-platform"}, paramLabel = "PLATFORM",
            description = "A platform tag the target supports (manylinux_2_28_x86_64, win_amd64, macosx_14_0_arm64);"
                    + " repeat for more")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--implementation", paramLabel = "IMPL", description = "The target's implementation: cp, pp or py")
    String implementation;

    @Option(names = "--abi", paramLabel = "ABI", description = "An ABI tag the target supports (cp312, abi3, none)")
    List<String> abis = new ArrayList<>();

    boolean given() {
        return pythonVersion != null || !platforms.isEmpty() || implementation != null || !abis.isEmpty();
    }

    Target target(PythonInterpreter python) {
        MarkerEnvironment markers = python.markerEnvironment();
        Version version = python.version();
        if (pythonVersion != null) {
            version = fullVersion(pythonVersion);
            markers = markers.with("python_version", version.major() + "." + version.minor())
                    .with("python_full_version", version.toString());
        }
        if (!platforms.isEmpty()) {
            String p = platforms.getFirst();
            String system = p.startsWith("win") ? "Windows" : p.startsWith("macosx") ? "Darwin" : "Linux";
            String sys = p.startsWith("win") ? "win32" : p.startsWith("macosx") ? "darwin" : "linux";
            Matcher arch = ARCHITECTURE.matcher(p);
            String machine = p.equals("win_amd64") ? "AMD64" : p.equals("win32") ? "x86" : p.equals("win_arm64") ? "ARM64"
                    : (arch.matches() ? arch.group(1) : p.substring(p.lastIndexOf('_') + 1))
                            .replace("aarch64", p.startsWith("macosx") ? "arm64" : "aarch64");
            if (p.startsWith("macosx") && p.endsWith("universal2")) {
                machine = "arm64";
            }
            markers = markers.with("sys_platform", sys).with("platform_system", system)
                    .with("platform_machine", machine).with("os_name", p.startsWith("win") ? "nt" : "posix");
        }
        return new Target(markers, version);
    }

    SupportedTags tags(PythonInterpreter python) {
        if (!given()) {
            return python.supportedTags();
        }
        var base = python.compatibility();
        String name = implementation != null ? implementation : base.name();
        PythonVersion version = pythonVersion != null ? PythonVersion.parse(shortVersion(pythonVersion)) : base.pythonVersion();
        List<String> abiList = !abis.isEmpty() ? abis
                : pythonVersion == null && implementation == null ? base.abis()
                : name.equals("cp") ? CompatibilityTags.cpythonAbis(version, false) : List.of();
        List<String> platformList = platforms.isEmpty() ? base.platform().platformTags() : expand(platforms);
        return SupportedTags.of(name, version, abiList, platformList);
    }

    /** pip's expansion of manylinux platforms: the older glibc versions each implies. */
    private static List<String> expand(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : given) {
            Matcher m = MANYLINUX.matcher(p);
            Matcher legacy = LEGACY.matcher(p);
            if (m.matches()) {
                out.addAll(Linux.manylinuxTags(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), List.of(m.group(3))));
            } else if (legacy.matches()) {
                int minor = switch (legacy.group(1)) {
                    case "1" -> 5;
                    case "2010" -> 12;
                    default -> 17;
                };
                out.addAll(Linux.manylinuxTags(2, minor, List.of(legacy.group(2))));
            } else {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static String shortVersion(String v) {
        if (!v.contains(".") && v.length() >= 2) {
            return v.charAt(0) + "." + v.substring(1);
        }
        String[] parts = v.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : v;
    }

    private static Version fullVersion(String v) {
        String s = shortVersion(v);
        String[] parts = v.contains(".") ? v.split("\\.") : new String[0];
        return Version.parse(parts.length >= 3 ? v : s + ".0");
    }
}
