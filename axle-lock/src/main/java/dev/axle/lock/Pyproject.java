package dev.axle.lock;

import dev.axle.pep.DependencyGroups;
import dev.axle.pep.DependencyGroupsException;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.InvalidSpecifierException;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lock needs of a project's pyproject.toml: its name, {@code requires-python},
 * {@code [project].dependencies}, {@code [project.optional-dependencies]} (the extras) and
 * {@code [dependency-groups]} (PEP 735). The project itself is the lock's root, not a package.
 *
 * @param name                 {@code [project].name}, if given
 * @param requiresPython       {@code [project].requires-python}
 * @param dependencies         {@code [project].dependencies}
 * @param optionalDependencies each extra (normalized name, file order) and its requirements
 * @param dependencyGroups     each group (normalized name, file order) and its requirements, includes expanded
 * @param buildSystem          {@code [build-system]} (PEP 518), if the file has the table
 */
public record Pyproject(Optional<ProjectName> name, Optional<SpecifierSet> requiresPython,
        List<Requirement> dependencies, Map<String, List<Requirement>> optionalDependencies,
        Map<String, List<Requirement>> dependencyGroups, Optional<BuildSystem> buildSystem) {

    /**
     * {@code [build-system]} as written: {@code requires} (PEP 518: required when the table is
     * there), {@code build-backend} and {@code backend-path} (PEP 517), if given.
     */
    public record BuildSystem(List<Requirement> requires, Optional<String> backend, List<String> backendPath) {
        public BuildSystem {
            requires = List.copyOf(requires);
            Objects.requireNonNull(backend, "backend");
            backendPath = List.copyOf(backendPath);
        }
    }

    public Pyproject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requiresPython, "requiresPython");
        dependencies = List.copyOf(dependencies);
        optionalDependencies = Collections.unmodifiableMap(new LinkedHashMap<>(optionalDependencies));
        dependencyGroups = Collections.unmodifiableMap(new LinkedHashMap<>(dependencyGroups));
    }

    /**
     * Reads a pyproject.toml.
     *
     * @throws InvalidPyprojectException naming the file and the key if it cannot be used
     */
    public static Pyproject read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * Parses a pyproject.toml's text; {@code where} names it in messages.
     *
     * @throws InvalidPyprojectException naming the key if it cannot be used
     */
    public static Pyproject parse(String toml, String where) {
        Map<String, Object> document;
        try {
            document = TomlValues.parse(toml);
        } catch (PylockValidationException e) {
            throw new InvalidPyprojectException(where + ": " + e.getMessage());
        }
        Map<String, Object> project = table(document, "project", where);
        Optional<ProjectName> name = Optional.ofNullable(project.get("name"))
                .map(n -> ProjectName.parse(string(n, "project.name", where)));
        Optional<SpecifierSet> requiresPython = Optional.ofNullable(project.get("requires-python")).map(v -> {
            String s = string(v, "project.requires-python", where);
            try {
                return SpecifierSet.parse(s);
            } catch (InvalidSpecifierException e) {
                throw new InvalidPyprojectException(where + ": project.requires-python: " + e.getMessage());
            }
        });
        List<Requirement> dependencies = requirements(project.get("dependencies"), "project.dependencies", where);
        Map<String, List<Requirement>> extras = new LinkedHashMap<>();
        table(project, "optional-dependencies", where).forEach((extra, list) -> extras.put(
                ProjectName.canonicalize(extra),
                requirements(list, "project.optional-dependencies." + extra, where)));
        Map<String, List<Requirement>> groups = new LinkedHashMap<>();
        try {
            DependencyGroups all = DependencyGroups.of(table(document, "dependency-groups", where));
            for (String group : all.names()) {
                groups.put(group, all.resolve(group));
            }
        } catch (DependencyGroupsException e) {
            throw new InvalidPyprojectException(where + ": " + e.getMessage());
        }
        return new Pyproject(name, requiresPython, dependencies, extras, groups, buildSystem(document, where));
    }

    private static Optional<BuildSystem> buildSystem(Map<String, Object> document, String where) {
        if (!document.containsKey("build-system")) {
            return Optional.empty();
        }
        Map<String, Object> table = table(document, "build-system", where);
        if (!table.containsKey("requires")) {
            throw new InvalidPyprojectException(where + ": build-system.requires is missing; PEP 518 requires it"
                    + " when [build-system] is there (for example requires = [\"setuptools>=61\"])");
        }
        List<Requirement> requires = requirements(table.get("requires"), "build-system.requires", where);
        Optional<String> backend = Optional.ofNullable(table.get("build-backend"))
                .map(v -> string(v, "build-system.build-backend", where));
        List<String> backendPath = new ArrayList<>();
        Object path = table.get("backend-path");
        if (path != null) {
            if (!(path instanceof List<?> list)) {
                throw new InvalidPyprojectException(where + ": build-system.backend-path must be an array of strings");
            }
            for (Object item : list) {
                backendPath.add(string(item, "build-system.backend-path", where));
            }
        }
        return Optional.of(new BuildSystem(requires, backend, backendPath));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> parent, String key, String where) {
        Object value = parent.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidPyprojectException(where + ": " + key + " must be a table");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Object value, String key, String where) {
        if (!(value instanceof String s)) {
            throw new InvalidPyprojectException(where + ": " + key + " must be a string");
        }
        return s;
    }

    private static List<Requirement> requirements(Object value, String key, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidPyprojectException(where + ": " + key + " must be an array of dependency specifiers");
        }
        List<Requirement> out = new ArrayList<>();
        for (Object item : list) {
            try {
                out.add(Requirement.parse(string(item, key, where)));
            } catch (InvalidRequirementException e) {
                throw new InvalidPyprojectException(where + ": " + key + ": " + e.getMessage());
            }
        }
        return out;
    }
}
