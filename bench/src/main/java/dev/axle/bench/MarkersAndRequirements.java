package dev.axle.bench;

import java.util.List;
import java.util.Map;

/** Marker and requirement workloads of {@link WholeRun} (filled in when markers land). */
final class MarkersAndRequirements {
    private MarkersAndRequirements() {}

    static void run(List<String> markers, Map<String, String> environment, List<String> dependencies) {
        // Marker.evaluate and Requirement.parse are measured here once dev.axle.pep has them.
    }
}
