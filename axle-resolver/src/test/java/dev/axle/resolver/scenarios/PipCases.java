package dev.axle.resolver.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.PepSyntaxException;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pip's old YAML resolver cases ({@code ../shared/corpora/pip}, normalized to JSON) into
 * {@link PipCase}s: available packages, one or several install and uninstall requests, and the
 * installed state or error after each; and holds what {@link PipStepCases} shares with it (the
 * in-memory index both map into).
 */
final class PipCases {
    static final ObjectMapper JSON = new ObjectMapper();

    private PipCases() {}

    /** The YAML cases: each has a base of available packages and a list of install requests. */
    static List<PipCase> yaml(Path file) throws IOException {
        List<PipCase> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(file.toFile()).get("files")) {
            for (JsonNode c : f.get("cases")) {
                out.add(yamlCase(file, c));
            }
        }
        return out;
    }

    private static PipCase yamlCase(Path file, JsonNode c) {
        String id = c.get("id").asText();
        Map<String, List<PackseScenario.PackageVersion>> packages = new LinkedHashMap<>();
        for (JsonNode a : c.get("available")) {
            if (!parses(a.get("version").asText(), strings(a.get("depends")))) {
                // huge.yml copies conda metadata ("openssl 1.0.*", "1.0.2l"), not PEP 440/508;
                // such a version cannot be used, as current pip ignores invalid versions.
                continue;
            }
            add(packages, a.get("name").asText(), version(a.get("version").asText(), strings(a.get("depends")),
                    extras(a.get("extras")), Optional.empty(), true));
        }
        List<PipCase.Request> requests = new ArrayList<>();
        for (int i = 0; i < c.get("request").size(); i++) {
            JsonNode request = c.get("request").get(i);
            JsonNode response = c.get("response").get(i);
            Optional<Map<String, Version>> state = response.has("state") ? Optional.of(state(response.get("state")))
                    : Optional.empty();
            if (request.has("uninstall")) {
                Set<String> names = new HashSet<>();
                texts(request.get("uninstall")).forEach(n -> names.add(ProjectName.parse(n).toString()));
                requests.add(new PipCase.Request(Optional.empty(), names, Set.of(), state, Map.of(), Set.of(), false));
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (request.has("options")) {
                String option = request.get("options").asText();
                if (!option.equals("--no-deps")) {
                    return PipCase.skip(id, "option " + option);
                }
                options.put("no_deps", "true");
            }
            // An error with exit code 0 is pip installing and then warning that something
            // already installed has lost what it requires.
            boolean brokenAfter = response.has("error") && response.get("error").path("code").asInt(1) == 0
                    && c.get("request").size() > 1;
            boolean satisfiable = brokenAfter || !response.has("error") && state.map(s -> !s.isEmpty()).orElse(true);
            PackseScenario scenario = new PackseScenario(id, file,
                    texts(request.get("install")).stream().map(Requirement::parse).toList(), packages, options,
                    Map.of(), satisfiable, satisfiable ? state.orElse(Map.of()) : Map.of());
            requests.add(new PipCase.Request(Optional.of(scenario), Set.of(), Set.of(), state, Map.of(), Set.of(),
                    brokenAfter));
        }
        if (requests.size() == 1 && requests.getFirst().install().isPresent()) {
            return PipCase.single(id, requests.getFirst().install().get(), true, Set.of());
        }
        return PipCase.sequence(id, requests);
    }

    /** A YAML state: "NAME VERSION" lines, or null for nothing installed. */
    private static Map<String, Version> state(JsonNode lines) {
        Map<String, Version> out = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            String[] parts = line.asText().split(" ");
            out.put(ProjectName.parse(parts[0]).toString(), Version.parse(parts[1]));
        }
        return out;
    }

    /** One string or a list of them. */
    private static List<String> texts(JsonNode node) {
        return node.isArray() ? strings(node) : List.of(node.asText());
    }

    private static boolean parses(String version, List<String> requirements) {
        try {
            Version.parse(version);
            requirements.forEach(Requirement::parse);
            return true;
        } catch (PepSyntaxException e) {
            return false;
        }
    }

    static PackseScenario.PackageVersion version(String version, List<String> depends,
            Map<String, List<Requirement>> extras, Optional<String> requiresPython, boolean wheel) {
        return new PackseScenario.PackageVersion(Version.parse(version),
                depends.stream().map(Requirement::parse).toList(), extras, requiresPython, false, List.of(), !wheel,
                wheel);
    }

    /** Adds a distribution under its normalized name; the same name and version twice is one. */
    static void add(Map<String, List<PackseScenario.PackageVersion>> packages, String name,
            PackseScenario.PackageVersion version) {
        List<PackseScenario.PackageVersion> versions = packages.computeIfAbsent(ProjectName.parse(name).toString(),
                n -> new ArrayList<>());
        if (versions.stream().noneMatch(v -> v.version().equals(version.version()))) {
            versions.add(version);
        }
    }

    static Map<String, List<Requirement>> extras(JsonNode node) {
        Map<String, List<Requirement>> out = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> out.put(e.getKey(),
                    strings(e.getValue()).stream().map(Requirement::parse).toList()));
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
