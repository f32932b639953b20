package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.resolver.pubgrub.Dependencies;
import dev.axle.resolver.pubgrub.DependencyProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SwiftPM resolver input ({@code {constraints, containers}}) as a PubGrub provider over
 * {@link FiniteVersionSet}, with the rules of resolvelib's harness
 * ({@code tests/functional/swift-package-manager/test_resolvers_swift.py}). A version is
 * {@code major.minor.patch[-rest]}. A requirement lists versions, and admits a version that has
 * the major of one of them and is not below it; for major 0 it must also have the same minor.
 * Candidates come in the harness' "minimal version selection" order: the lowest major first,
 * then the highest minor and patch, a release before its pre-releases; major 0 before all.
 */
final class SwiftIndexProvider implements DependencyProvider<String, String, FiniteVersionSet> {
    static final String ROOT = "<root>";

    /** Container identifier to each version's constraints. */
    private final Map<String, Map<String, JsonNode>> containers = new HashMap<>();
    private final JsonNode constraints;

    SwiftIndexProvider(JsonNode input) {
        this.constraints = input.path("constraints");
        for (JsonNode container : input.path("containers")) {
            Map<String, JsonNode> versions = new LinkedHashMap<>();
            container.path("versions").properties().forEach(e -> versions.put(e.getKey(), e.getValue()));
            containers.put(container.path("identifier").asText(), versions);
        }
    }

    @Override
    public List<String> versions(String pkg) {
        List<String> out = new ArrayList<>(containers.getOrDefault(pkg, Map.of()).keySet());
        out.sort(Comparator.comparing(SwiftVersion::parse, SwiftVersion.PREFERENCE));
        return out;
    }

    @Override
    public Dependencies<String, FiniteVersionSet> dependencies(String pkg, String version) {
        JsonNode requires = pkg.equals(ROOT) ? constraints : containers.get(pkg).get(version);
        Map<String, FiniteVersionSet> dependencies = new LinkedHashMap<>();
        for (JsonNode constraint : requires) {
            String identifier = constraint.path("identifier").asText();
            List<SwiftVersion> lower = new ArrayList<>();
            constraint.path("requirement").forEach(v -> lower.add(SwiftVersion.parse(v.asText())));
            // A container the input lacks has no versions: the requirement admits none.
            List<String> allowed = containers.getOrDefault(identifier, Map.of()).keySet().stream()
                    .filter(v -> SwiftVersion.parse(v).allowedBy(lower)).toList();
            dependencies.merge(identifier, FiniteVersionSet.of(allowed), FiniteVersionSet::intersect);
        }
        return Dependencies.of(dependencies);
    }

    /** {@code major.minor.patch[-rest]}, compared as the harness' tuples (rest as a plain string). */
    record SwiftVersion(int major, int minor, int patch, String rest) {
        private static final Comparator<SwiftVersion> TUPLE = Comparator.comparingInt(SwiftVersion::major)
                .thenComparingInt(SwiftVersion::minor).thenComparingInt(SwiftVersion::patch)
                .thenComparing(SwiftVersion::rest);

        /** Most preferred first: the harness sorts by a key in reverse (see the class comment). */
        static final Comparator<SwiftVersion> PREFERENCE = Comparator
                .comparingInt((SwiftVersion v) -> v.major == 0 ? 0 : -v.major).reversed()
                .thenComparing(Comparator.comparingInt((SwiftVersion v) -> v.major == 0 ? -v.minor : v.minor).reversed())
                .thenComparing(Comparator.comparingInt(SwiftVersion::patch).reversed())
                .thenComparing(Comparator.comparingInt((SwiftVersion v) -> v.rest.isEmpty() ? 0 : -1).reversed())
                .thenComparing(Comparator.comparing(SwiftVersion::rest).reversed());

        static SwiftVersion parse(String text) {
            String[] parts = text.split("\\.", 3);
            String patch = parts[2];
            String rest = "";
            int dash = patch.indexOf('-');
            if (dash >= 0) {
                rest = patch.substring(dash + 1);
                patch = patch.substring(0, dash);
            }
            return new SwiftVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(patch), rest);
        }

        boolean allowedBy(List<SwiftVersion> lowerBounds) {
            for (SwiftVersion r : lowerBounds) {
                if (r.major != major) {
                    continue;
                }
                if (major == 0 ? minor == r.minor && patch >= r.patch : TUPLE.compare(this, r) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
