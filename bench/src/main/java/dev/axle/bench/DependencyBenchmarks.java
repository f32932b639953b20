package dev.axle.bench;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Requirement;
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

/** PEP 508 hot paths: requirement parsing on real dependency strings, marker evaluation. Scores are per item. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DependencyBenchmarks {
    static final int DEPENDENCIES = 5835;
    static final int MARKERS = 1794;

    String[] dependencies;
    Marker[] markers;
    MarkerEnvironment environment;

    @Setup
    public void setup() {
        List<String> ds = Inputs.dependencies();
        List<String> ms = Inputs.markers();
        VersionBenchmarks.check(ds.size(), DEPENDENCIES);
        VersionBenchmarks.check(ms.size(), MARKERS);
        dependencies = ds.toArray(String[]::new);
        markers = ms.stream().map(Marker::parse).toArray(Marker[]::new);
        environment = MarkerEnvironment.of(WholeRun.environment());
    }

    @Benchmark
    @OperationsPerInvocation(DEPENDENCIES)
    public void requirementParse(Blackhole bh) {
        for (String d : dependencies) {
            bh.consume(Requirement.parse(d));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MARKERS)
    public void markerEvaluate(Blackhole bh) {
        for (Marker m : markers) {
            bh.consume(m.evaluate(environment));
        }
    }
}
