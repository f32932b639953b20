package dev.axle.resolver.scenarios;

import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * One packse scenario (astral-sh/packse, {@code ../shared/corpora/packse/scenarios}): a root
 * requirement list, packages with versions and what each version requires, resolver options
 * and the expected outcome. Read from its TOML form; the resolver's scenario runner turns it
 * into an in-memory provider.
 *
 * @param name the scenario's name
 * @param file where it was read from
 * @param rootRequires the root's requirements
 * @param packages every package's versions, in the file's order
 * @param options the {@code [resolver_options]} table, as strings (universal, python, prereleases...)
 * @param environment the {@code [environment]} table, as strings (python, ...)
 * @param satisfiable whether a solution exists
 * @param expected the expected version of each package in the solution (may be empty)
 */
record PackseScenario(String name, Path file, List<Requirement> rootRequires, Map<String, List<PackageVersion>> packages,
        Map<String, String> options, Map<String, String> environment, boolean satisfiable,
        Map<String, Version> expected) {

    /**
     * A version of a package.
     *
     * @param requiresPython the {@code requires_python} specifier, if any
     * @param wheelTags the tags of its wheels (packse defaults to one {@code py3-none-any} wheel when empty)
     * @param sdist whether it has a source distribution (packse's default: yes)
     */
    record PackageVersion(Version version, List<Requirement> requires, Map<String, List<Requirement>> extras,
            Optional<String> requiresPython, boolean yanked, List<String> wheelTags, boolean sdist, boolean wheel) {}

    /** The {@code [root] requires_python} specifier, if the scenario has one. */
    static Optional<String> rootRequiresPython(Path file) throws IOException {
        return Optional.ofNullable(Toml.parse(file).getString("root.requires_python"));
    }

    static PackseScenario read(Path file) throws IOException {
        TomlParseResult toml = Toml.parse(file);
        if (toml.hasErrors()) {
            throw new IOException(file + ": " + toml.errors());
        }
        Map<String, List<PackageVersion>> packages = new LinkedHashMap<>();
        TomlTable all = toml.getTableOrEmpty("packages");
        for (String name : all.keySet()) {
            TomlTable versions = all.getTableOrEmpty(List.of(name, "versions"));
            List<PackageVersion> list = new ArrayList<>();
            for (String v : versions.keySet()) {
                TomlTable t = versions.getTableOrEmpty(List.of(v));
                Map<String, List<Requirement>> extras = new LinkedHashMap<>();
                TomlTable extraTable = t.getTableOrEmpty("extras");
                for (String extra : extraTable.keySet()) {
                    extras.put(extra, requirements(extraTable.getArray(List.of(extra))));
                }
                list.add(new PackageVersion(Version.parse(v), requirements(t.getArray("requires")), extras,
                        Optional.ofNullable(t.getString("requires_python")), Boolean.TRUE.equals(t.getBoolean("yanked")),
                        strings(t.getArray("wheel_tags")), !Boolean.FALSE.equals(t.getBoolean("sdist")),
                        !Boolean.FALSE.equals(t.getBoolean("wheel"))));
            }
            packages.put(name, List.copyOf(list));
        }
        Map<String, Version> expected = new LinkedHashMap<>();
        TomlTable expectedPackages = toml.getTableOrEmpty("expected.packages");
        for (String name : expectedPackages.keySet()) {
            expected.put(name, Version.parse(expectedPackages.getString(List.of(name))));
        }
        return new PackseScenario(toml.getString("name"), file, requirements(toml.getArray("root.requires")),
                packages, texts(toml.getTableOrEmpty("resolver_options")), texts(toml.getTableOrEmpty("environment")),
                Boolean.TRUE.equals(toml.getBoolean("expected.satisfiable")), expected);
    }

    private static List<Requirement> requirements(TomlArray array) {
        return strings(array).stream().map(Requirement::parse).toList();
    }

    private static List<String> strings(TomlArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            out.add(array.getString(i));
        }
        return out;
    }

    private static Map<String, String> texts(TomlTable table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            Object value = table.get(List.of(key));
            out.put(key, value instanceof TomlArray a ? a.toList().toString() : String.valueOf(value));
        }
        return out;
    }
}
