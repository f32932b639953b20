package dev.axle.resolver.scenarios;

import static dev.axle.resolver.scenarios.PipCases.JSON;
import static dev.axle.resolver.scenarios.PipCases.add;
import static dev.axle.resolver.scenarios.PipCases.extras;
import static dev.axle.resolver.scenarios.PipCases.strings;
import static dev.axle.resolver.scenarios.PipCases.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Reads the functional tests of pip's 2020 resolver ({@code new-resolver-test-steps.json}:
 * each test as its steps) into {@link PipCase}s. A test runs when its steps are literal
 * (after its parametrize values are put in): distributions built into the find-links
 * directory, {@code pip install} runs with options the provider can express, and assertions on
 * what is installed. Assertions on pip's messages are not compared (the outcome is); the rest
 * is skipped with the reason.
 */
final class PipStepCases {
    /**
     * pip options that change nothing the solver sees: caches, build isolation, output, a dry
     * run, and the user site (these tests have one environment).
     */
    private static final Set<String> NEUTRAL = Set.of("--no-cache-dir", "--no-index", "--no-build-isolation",
            "--verbose", "-v", "-vv", "--dry-run", "--user");

    /** Tests whose decisive setup is code the step extraction does not capture. */
    private static final Map<String, String> UNCAPTURED = Map.of(
            "test_new_resolver_skip_inconsistent_metadata",
            "the test renames A-2's wheel to A-3 (pip must skip a wheel whose metadata disagrees); not in the steps",
            "test_new_resolver_inconsistent_metadata_keeps_extras",
            "the test renames A-2's wheel to A-3 (pip must skip a wheel whose metadata disagrees); not in the steps");


    private PipStepCases() {}

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
        // The find-links directory as it grows; each run sees it as it is then.
        Map<String, List<PackseScenario.PackageVersion>> packages = new LinkedHashMap<>();
        List<PackseScenario> runs = new ArrayList<>();
        List<Set<String>> upgrades = new ArrayList<>();
        List<Map<String, Version>> expected = new ArrayList<>();
        List<Set<String>> notInstalled = new ArrayList<>();
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
                    List<String> args = strings(step.get("args"));
                    if (!args.getFirst().equals("install")) {
                        return PipCase.skip(id, "pip " + args.getFirst());
                    }
                    Map<String, String> options = new LinkedHashMap<>();
                    List<Requirement> install = new ArrayList<>();
                    Set<String> upgrade = new HashSet<>();
                    boolean findLinks = false;
                    boolean upgradeRequested = false;
                    boolean eager = false;
                    for (int i = 1; i < args.size(); i++) {
                        String arg = args.get(i);
                        if (arg.equals("--find-links") && args.get(i + 1).equals("<scratch_path>")) {
                            findLinks = true;
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
                        } else if (arg.equals("--upgrade") || arg.equals("-U")) {
                            upgradeRequested = true;
                        } else if (arg.equals("--upgrade-strategy=eager")) {
                            eager = true;
                        } else if (arg.equals("--force-reinstall") || arg.equals("--ignore-installed")) {
                            upgrade.add(":all:");
                        } else if (arg.startsWith("-") && !NEUTRAL.contains(arg)) {
                            return PipCase.skip(id, "option " + arg);
                        } else if (!arg.startsWith("-")) {
                            install.add(Requirement.parse(arg));
                        }
                    }
                    if (upgradeRequested && eager) {
                        upgrade.add(":all:");
                    } else if (upgradeRequested) {
                        // Only if needed, pip's default: what the user names, not its dependencies.
                        install.forEach(r -> upgrade.add(ProjectName.parse(r.name()).toString()));
                    }
                    if (install.isEmpty()) {
                        return PipCase.skip(id, "no pip install of named requirements");
                    }
                    Map<String, List<PackseScenario.PackageVersion>> index = new LinkedHashMap<>();
                    if (findLinks) {
                        packages.forEach((name, versions) -> index.put(name, List.copyOf(versions)));
                    }
                    runs.add(new PackseScenario(id, file, install, index, options, Map.of(),
                            !step.path("expect_error").asBoolean(false), Map.of()));
                    upgrades.add(upgrade);
                    expected.add(new LinkedHashMap<>());
                    notInstalled.add(new HashSet<>());
                }
                case "assert_installed" -> {
                    if (runs.isEmpty()) {
                        return PipCase.skip(id, "asserts an installation made by code the steps do not capture");
                    }
                    step.get("kwargs").properties().forEach(e -> expected.getLast()
                            .put(ProjectName.parse(e.getKey()).toString(), Version.parse(e.getValue().asText())));
                }
                case "assert_not_installed" -> {
                    if (!runs.isEmpty()) {
                        strings(step.get("args")).forEach(n -> notInstalled.getLast().add(ProjectName.parse(n).toString()));
                    }
                }
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
        if (runs.isEmpty()) {
            return PipCase.skip(id, "no pip install of named requirements");
        }
        if (runs.size() == 1) {
            PackseScenario run = runs.getFirst();
            return PipCase.single(id, new PackseScenario(id, file, run.rootRequires(), run.packages(), run.options(),
                    Map.of(), run.satisfiable(), expected.getFirst()), false, notInstalled.getFirst());
        }
        List<PipCase.Request> requests = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            requests.add(new PipCase.Request(Optional.of(runs.get(i)), Set.of(), upgrades.get(i), Optional.empty(),
                    expected.get(i), notInstalled.get(i), false));
        }
        return PipCase.sequence(id, requests);
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
}
