package dev.axle.bench;

import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PEP 440 hot paths on real PyPI strings. Each invocation walks a whole input list; scores
 * are per item (ns/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class VersionBenchmarks {
    /** Sizes of the input lists (checked in setup, used by @OperationsPerInvocation). */
    static final int VERSIONS = 4987;
    static final int SPECIFIERS = 5835;

    String[] versionStrings;
    Version[] versions;
    Version[] left;
    Version[] right;
    SpecifierSet[] specifierSets;
    String[] specifierStrings;

    @Setup
    public void setup() {
        List<String> vs = Inputs.versions();
        List<String> ss = Inputs.specifiers();
        check(vs.size(), VERSIONS);
        check(ss.size(), SPECIFIERS);
        versionStrings = vs.toArray(String[]::new);
        versions = vs.stream().map(Version::parse).toArray(Version[]::new);
        int n = versions.length;
        left = new Version[2 * n];
        right = new Version[2 * n];
        for (int i = 0; i < n; i++) {
            left[i] = versions[i];
            right[i] = versions[(i * 7919) % n];
            left[n + i] = versions[i];
            right[n + i] = versions[(i + 1) % n];
        }
        specifierStrings = ss.toArray(String[]::new);
        specifierSets = ss.stream().map(SpecifierSet::parse).toArray(SpecifierSet[]::new);
    }

    static void check(int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException("input has " + actual + " items, benchmark expects " + expected);
        }
    }

    @Benchmark
    @OperationsPerInvocation(VERSIONS)
    public void versionParse(Blackhole bh) {
        for (String s : versionStrings) {
            bh.consume(Version.parse(s));
        }
    }

    /** Each version against a version far away in the list, and against its neighbour (pairs made in setup). */
    @Benchmark
    @OperationsPerInvocation(2 * VERSIONS)
    public void versionCompare(Blackhole bh) {
        Version[] l = left;
        Version[] r = right;
        for (int i = 0; i < l.length; i++) {
            bh.consume(l[i].compareTo(r[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SPECIFIERS)
    public void specifierSetParse(Blackhole bh) {
        for (String s : specifierStrings) {
            bh.consume(SpecifierSet.parse(s));
        }
    }

    /** Each dependency's specifier set against one of the real versions. */
    @Benchmark
    @OperationsPerInvocation(SPECIFIERS)
    public void specifierSetContains(Blackhole bh) {
        SpecifierSet[] s = specifierSets;
        Version[] v = versions;
        for (int i = 0; i < s.length; i++) {
            bh.consume(s[i].contains(v[i % v.length]));
        }
    }
}
