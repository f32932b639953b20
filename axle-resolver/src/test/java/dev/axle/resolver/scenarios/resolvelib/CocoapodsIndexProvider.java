package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.InvalidVersionException;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pubgrub.Dependencies;
import dev.axle.resolver.pubgrub.DependencyProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CocoaPods resolver-spec index ({@code {name: [{name, version, dependencies: {name: spec}}]}})
 * as a PubGrub provider, read the way resolvelib's harness reads it
 * ({@code tests/functional/cocoapods/test_resolvers_cocoapods.py}): versions are PEP 440
 * versions, CocoaPods requirements are translated to PEP 440 specifiers ({@code = v} to
 * {@code == v}, {@code ~> v} to {@code ~= v, >= v}, or {@code >= v} for a one-character
 * version), and a version matches a requirement as packaging's {@code in} decides, which admits a
 * pre-release only for a specifier that names one. Versions the case pins ({@code base}) are the
 * only candidates of their package; otherwise the newest is preferred.
 */
final class CocoapodsIndexProvider implements DependencyProvider<String, Version, Pep440Set> {
    static final String ROOT = "<root>";
    private static final Pattern SPECIFIER = Pattern.compile("^([<>=~!]*)\\s*(.+)$");

    private final Map<String, Map<Version, Map<String, String>>> index = new HashMap<>();
    private final Map<String, String> requested;
    private final Map<String, Version> pinned;

    CocoapodsIndexProvider(JsonNode index, Map<String, String> requested, Map<String, Version> pinned) {
        this.requested = requested;
        this.pinned = pinned;
        index.properties().forEach(pod -> {
            Map<Version, Map<String, String>> versions = this.index.computeIfAbsent(pod.getKey(), k -> new LinkedHashMap<>());
            pod.getValue().forEach(entry -> {
                Version version;
                try {
                    version = Version.parse(entry.path("version").asText());
                } catch (InvalidVersionException e) {
                    return;
                }
                // Some specs give an empty list for "no dependencies".
                Map<String, String> dependencies = new LinkedHashMap<>();
                entry.path("dependencies").properties().forEach(d -> dependencies.put(d.getKey(), d.getValue().asText()));
                versions.put(version, dependencies);
            });
        });
    }

    @Override
    public List<Version> versions(String pkg) {
        Map<Version, Map<String, String>> all = index.getOrDefault(pkg, Map.of());
        Version pin = pinned.get(pkg);
        if (pin != null) {
            return all.containsKey(pin) ? List.of(pin) : List.of();
        }
        List<Version> out = new ArrayList<>(all.keySet());
        out.sort(Comparator.reverseOrder());
        return out;
    }

    @Override
    public Dependencies<String, Pep440Set> dependencies(String pkg, Version version) {
        Map<String, String> requires = pkg.equals(ROOT) ? requested : index.get(pkg).get(version);
        Map<String, Pep440Set> dependencies = new LinkedHashMap<>();
        requires.forEach((name, spec) -> dependencies.put(name, versionsMatching(name, specifierSet(spec))));
        return Dependencies.of(dependencies);
    }

    /** The versions of {@code name} that {@code spec} admits with packaging's default pre-release policy. */
    private Pep440Set versionsMatching(String name, SpecifierSet spec) {
        Pep440Set set = Pep440Set.of(spec);
        if (Boolean.TRUE.equals(spec.prereleases())) {
            return set;
        }
        // Pre-releases are dense in PEP 440's order: leave out the ones the index has, one by one.
        for (Version v : index.getOrDefault(name, Map.of()).keySet()) {
            if (v.isPrerelease()) {
                set = set.intersect(Pep440Set.SETS.singleton(v).complement());
            }
        }
        return set;
    }

    /** A CocoaPods requirement ({@code "~> 1.2, < 1.5"}) as resolvelib's harness translates it. */
    static SpecifierSet specifierSet(String cocoapods) {
        List<String> out = new ArrayList<>();
        for (String raw : cocoapods.split(",")) {
            convert(raw.strip()).ifPresent(out::add);
        }
        return SpecifierSet.parse(String.join(", ", out));
    }

    private static Optional<String> convert(String specifier) {
        if (specifier.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SPECIFIER.matcher(specifier);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a CocoaPods requirement: " + specifier);
        }
        String op = m.group(1);
        String version = m.group(2);
        if (op.isEmpty() || op.equals("=")) {
            return Optional.of("== " + version);
        }
        if (op.equals("~>")) {
            // PEP 440's ~= needs two release parts; "~> 1" accepts any later major version.
            return Optional.of(version.length() == 1 ? ">= " + version : "~= " + version + ", >= " + version);
        }
        return Optional.of(specifier);
    }
}
