package dev.axle.bench;

import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;

/**
 * The whole-run workload of {@code bench/compare-packaging.sh}: the same operations on the same
 * inputs as {@code bench/packaging_run.py}, timed the same way (best ns per item over passes
 * repeated for a few seconds, after warm-up), printed in the same format.
 */
public final class WholeRun {
    private static final long SECONDS = Long.getLong("axle.bench.seconds", 3);
    private static volatile Object sink;

    private WholeRun() {}

    public static void main(String[] args) {
        List<String> versions = Inputs.versions();
        List<String> specifiers = Inputs.specifiers();
        System.out.println("# axle, Java " + Runtime.version());
        measure("version_parse", versions.size(), () -> {
            for (String v : versions) {
                sink = Version.parse(v);
            }
        });
        Version[] parsed = versions.stream().map(Version::parse).toArray(Version[]::new);
        int n = parsed.length;
        // Each version against one far away in the list and against its neighbour.
        Version[] left = new Version[2 * n];
        Version[] right = new Version[2 * n];
        for (int i = 0; i < n; i++) {
            left[i] = parsed[i];
            right[i] = parsed[(i * 7919) % n];
            left[n + i] = parsed[i];
            right[n + i] = parsed[(i + 1) % n];
        }
        measure("version_compare", 2 * n, () -> {
            int acc = 0;
            for (int i = 0; i < left.length; i++) {
                acc += left[i].compareTo(right[i]) < 0 ? 1 : 0;
            }
            sink = acc;
        });
        measure("specifier_set_parse", specifiers.size(), () -> {
            for (String s : specifiers) {
                sink = SpecifierSet.parse(s);
            }
        });
        SpecifierSet[] sets = specifiers.stream().map(SpecifierSet::parse).toArray(SpecifierSet[]::new);
        measure("specifier_set_contains", sets.length, () -> {
            int acc = 0;
            for (int i = 0; i < sets.length; i++) {
                acc += sets[i].contains(parsed[i % n]) ? 1 : 0;
            }
            sink = acc;
        });
        MarkersAndRequirements.run(Inputs.markers(), environment(), Inputs.dependencies());
    }

    static Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("implementation_name", "cpython"),
                Map.entry("implementation_version", "3.12.3"),
                Map.entry("os_name", "posix"),
                Map.entry("platform_machine", "x86_64"),
                Map.entry("platform_release", "6.8.0-31-generic"),
                Map.entry("platform_system", "Linux"),
                Map.entry("platform_version", "#31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024"),
                Map.entry("python_full_version", "3.12.3"),
                Map.entry("platform_python_implementation", "CPython"),
                Map.entry("python_version", "3.12"),
                Map.entry("sys_platform", "linux"),
                Map.entry("extra", ""));
    }

    /** Best ns per item over passes repeated for a few seconds, after warm-up passes. */
    static void measure(String name, int items, Runnable pass) {
        long warmupEnd = System.nanoTime() + SECONDS * 1_000_000_000L / 2;
        while (System.nanoTime() < warmupEnd) {
            pass.run();
        }
        double best = Double.MAX_VALUE;
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            pass.run();
            best = Math.min(best, (double) (System.nanoTime() - start) / items);
        }
        System.out.printf("%s\t%d\t%.1f%n", name, items, best);
    }

    static void sink(Object o) {
        sink = o;
    }
}
