package dev.axle.resolver.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Reads pip's resolver tests ({@code ../shared/corpora/pip}) into {@link PipCase}s: the old
 * YAML cases (normalized to JSON) and the functional tests of the 2020 resolver (as steps).
 * A case becomes a scenario only when it is "these distributions are available, install
 * these requirements, expect this set or an error"; everything else is skipped with the
 * reason, since it tests pip's installer or command line, not resolution.
 */
final class PipCases {
    /**
     * pip options that change nothing the solver sees: caches, build isolation, output, and
     * those about installed packages, which do nothing in the fresh environment of a test
     * that runs pip once.
     */
    private static final Set<String> NEUTRAL = Set.of("--no-cache-dir", "--no-index", "--no-build-isolation",
            "--verbose", "-v", "-vv", "--dry-run", "--user", "--upgrade", "-U", "--upgrade-strategy=eager",
            "--force-reinstall", "--ignore-installed");

    /** Tests whose decisive setup is code the step extraction does not capture. */
    private static final Map<String, String> UNCAPTURED = Map.of(
            "test_new_resolver_skip_inconsistent_metadata",
            "the test renames A-2's wheel to A-3 (pip must skip a wheel whose metadata disagrees); not in the steps",
            "test_new_resolver_inconsistent_metadata_keeps_extras",
            "the test renames A-2's wheel to A-3 (pip must skip a wheel whose metadata disagrees); not in the steps");

    private static final ObjectMapper JSON = new ObjectMapper();

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
                requests.add(new PipCase.Request(Optional.empty(), names, state, false));
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
            requests.add(new PipCase.Request(Optional.of(scenario), Set.of(), state, brokenAfter));
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

    /**
     * The functional tests whose steps are all literal: build distributions, one {@code pip
     * install} of requirements with options the solver can map, then assertions on what is
     * installed. Assertions on pip's messages are not compared (the outcome is).
     */
    static List<PipCase> steps(Path file) throws IOException {
        List<PipCase> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(file.toFile()).get("files")) {
            for (JsonNode t : f.get("tests")) {
                String id = t.get("test").asText();
                if (UNCAPTURED.containsKey(id)) {
                    out.add(PipCase.skip(id, UNCAPTURED.get(id)));
                    continue;
                }
                List<Map<String, JsonNode>> parameters = parameters(t.get("decorators"));
                List<PipCase> instances = new ArrayList<>();
                for (int i = 0; i < parameters.size(); i++) {
                    String name = parameters.size() == 1 && t.get("decorators").isEmpty() ? id : id + "[" + i + "]";
                    instances.add(stepsCase(file, name, substitute(t.get("steps"), parameters.get(i))));
                }
                // A parametrized test that is skipped for one reason counts once.
                Set<Optional<String>> reasons = new HashSet<>();
                instances.forEach(c -> reasons.add(c.skipped()));
                boolean skippedAlike = reasons.size() == 1 && reasons.iterator().next().isPresent();
                out.addAll(skippedAlike ? List.of(PipCase.skip(id, instances.getFirst().skipped().get())) : instances);
            }
        }
        return out;
    }

    private static PipCase stepsCase(Path file, String id, JsonNode steps) {
        Optional<String> expression = firstExpression(steps);
        if (expression.isPresent()) {
            return PipCase.skip(id, "non-literal argument " + expression.get());
        }
        Map<String, List<PackseScenario.PackageVersion>> packages = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<Requirement> install = new ArrayList<>();
        Map<String, Version> expected = new LinkedHashMap<>();
        Set<String> notInstalled = new HashSet<>();
        boolean satisfiable = true;
        int runs = 0;
        for (JsonNode step : steps) {
            switch (step.get("op").asText()) {
                case "wheel", "sdist" -> {
                    if (step.has("fails_build") || step.has("extra_files")) {
                        return PipCase.skip(id, "building a distribution (its setup code) is part of the test");
                    }
                    boolean wheel = step.get("op").asText().equals("wheel");
                    add(packages, step.get("name").asText(), version(step.get("version").asText(),
                            strings(step.get("depends")), extras(step.get("extras")),
                            Optional.ofNullable(step.get("requires_python")).map(JsonNode::asText), wheel));
                }
                case "pip" -> {
                    if (++runs > 1) {
                        return PipCase.skip(id, "installed-package state: pip runs more than once");
                    }
                    List<String> args = strings(step.get("args"));
                    if (!args.getFirst().equals("install")) {
                        return PipCase.skip(id, "pip " + args.getFirst());
                    }
                    for (int i = 1; i < args.size(); i++) {
                        String arg = args.get(i);
                        if (arg.equals("--find-links") && args.get(i + 1).equals("<scratch_path>")) {
                            i++;
                        } else if (arg.equals("--no-deps")) {
                            options.put("no_deps", "true");
                        } else if (arg.equals("--pre")) {
                            options.put("prereleases", "true");
                        } else if (arg.startsWith("--python-version=")) {
                            // pip pads a short version with zeros: "2" is 2.0.
                            String python = arg.substring(arg.indexOf('=') + 1);
                            options.put("python", python.contains(".") ? python : python + ".0");
                        } else if (arg.equals("--only-binary=:all:")) {
                            options.put("no_build", "[:all:]");
                        } else if (arg.startsWith("-") && !NEUTRAL.contains(arg)) {
                            return PipCase.skip(id, "option " + arg);
                        } else if (!arg.startsWith("-")) {
                            install.add(Requirement.parse(arg));
                        }
                    }
                    satisfiable = !step.path("expect_error").asBoolean(false);
                }
                case "assert_installed" -> step.get("kwargs").properties().forEach(e ->
                        expected.put(ProjectName.parse(e.getKey()).toString(), Version.parse(e.getValue().asText())));
                case "assert_not_installed" -> strings(step.get("args"))
                        .forEach(name -> notInstalled.add(ProjectName.parse(name).toString()));
                case "assert_output_contains", "assert_output_not_contains" -> {
                    // pip's wording; the solver's outcome is compared instead.
                }
                default -> {
                    return PipCase.skip(id, "step " + step.get("op").asText());
                }
            }
        }
        if (packages.isEmpty()) {
            return PipCase.skip(id, "the test builds its distributions in code the steps do not capture");
        }
        if (runs == 0 || install.isEmpty()) {
            return PipCase.skip(id, "no pip install of named requirements");
        }
        return PipCase.single(id, new PackseScenario(id, file, install, packages, options, Map.of(), satisfiable,
                expected), false, notInstalled);
    }

    /**
     * Every combination of a test's {@code pytest.mark.parametrize} values, as argument name
     * to value; one empty combination for a test without them. A value that is itself an
     * expression stays one, and the case is skipped for it.
     */
    private static List<Map<String, JsonNode>> parameters(JsonNode decorators) {
        List<Map<String, JsonNode>> combinations = new ArrayList<>(List.of(Map.of()));
        for (JsonNode decorator : decorators) {
            String[] names = decorator.get("argnames").asText().split("\\s*,\\s*");
            JsonNode values = decorator.get("values");
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> combination : combinations) {
                if (!values.isArray()) {
                    next.add(extend(combination, names[0], values));
                    continue;
                }
                for (JsonNode value : values) {
                    Map<String, JsonNode> extended = new LinkedHashMap<>(combination);
                    for (int i = 0; i < names.length; i++) {
                        extended.put(names[i].strip(), names.length == 1 ? value : value.get(i));
                    }
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static Map<String, JsonNode> extend(Map<String, JsonNode> map, String key, JsonNode value) {
        Map<String, JsonNode> out = new LinkedHashMap<>(map);
        out.put(key, value);
        return out;
    }

    /** The steps with {@code {"expr": name}} replaced by the parameter's value, {@code *name} spliced into lists. */
    private static JsonNode substitute(JsonNode node, Map<String, JsonNode> parameters) {
        if (node.isObject() && node.has("expr") && node.size() == 1) {
            JsonNode value = parameters.get(node.get("expr").asText());
            return value != null ? value : node;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode child : node) {
                String expr = child.isObject() && child.size() == 1 ? child.path("expr").asText("") : "";
                JsonNode spliced = expr.startsWith("*") ? parameters.get(expr.substring(1)) : null;
                if (spliced != null && spliced.isArray()) {
                    spliced.forEach(out::add);
                } else {
                    out.add(substitute(child, parameters));
                }
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.properties().forEach(e -> out.set(e.getKey(), substitute(e.getValue(), parameters)));
            return out;
        }
        return node;
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

    private static Optional<String> firstExpression(JsonNode node) {
        if (node.isObject() && node.has("expr")) {
            return Optional.of(node.get("expr").asText());
        }
        for (JsonNode child : node) {
            Optional<String> found = firstExpression(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static PackseScenario.PackageVersion version(String version, List<String> depends,
            Map<String, List<Requirement>> extras, Optional<String> requiresPython, boolean wheel) {
        return new PackseScenario.PackageVersion(Version.parse(version),
                depends.stream().map(Requirement::parse).toList(), extras, requiresPython, false, List.of(), !wheel,
                wheel);
    }

    /** Adds a distribution under its normalized name; the same name and version twice is one. */
    private static void add(Map<String, List<PackseScenario.PackageVersion>> packages, String name,
            PackseScenario.PackageVersion version) {
        List<PackseScenario.PackageVersion> versions = packages.computeIfAbsent(ProjectName.parse(name).toString(),
                n -> new ArrayList<>());
        if (versions.stream().noneMatch(v -> v.version().equals(version.version()))) {
            versions.add(version);
        }
    }

    private static Map<String, List<Requirement>> extras(JsonNode node) {
        Map<String, List<Requirement>> out = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> out.put(e.getKey(),
                    strings(e.getValue()).stream().map(Requirement::parse).toList()));
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
