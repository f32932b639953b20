package dev.axle.bench;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Requirement;
import java.util.List;
import java.util.Map;

/** The PEP 508 part of {@link WholeRun}: marker evaluation and requirement parsing. */
final class MarkersAndRequirements {
    private MarkersAndRequirements() {}

    static void run(List<String> markers, Map<String, String> environment, List<String> dependencies) {
        Marker[] compiled = markers.stream().map(Marker::parse).toArray(Marker[]::new);
        MarkerEnvironment env = MarkerEnvironment.of(environment);
        WholeRun.measure("marker_evaluate", compiled.length, () -> {
            int acc = 0;
            for (Marker m : compiled) {
                acc += m.evaluate(env) ? 1 : 0;
            }
            WholeRun.sink(acc);
        });
        WholeRun.measure("requirement_parse", dependencies.size(), () -> {
            for (String d : dependencies) {
                WholeRun.sink(Requirement.parse(d));
            }
        });
    }
}
