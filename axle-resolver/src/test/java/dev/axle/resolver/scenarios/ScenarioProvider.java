package dev.axle.resolver.scenarios;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.pubgrub.Dependencies;
import dev.axle.resolver.pubgrub.DependencyProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A packse scenario as a PubGrub provider, for one target environment (CPython on Linux
 * x86_64, the scenario's Python version). Packages are normalized names; {@code name[extra]}
 * is a virtual package that depends on {@code name} at the same version plus the extra's
 * requirements, as uv models extras. The policies are pip's: the newest version first;
 * pre-releases only where a requirement names one, the options allow them, or a package has
 * nothing else; yanked versions only where a requirement pins them with {@code ==}; versions
 * whose Requires-Python excludes the target, or with neither an sdist nor a wheel for it, are
 * left out. The option {@code no_deps} (pip's {@code --no-deps}) installs only what the root names.
 */
final class ScenarioProvider implements DependencyProvider<String, Version, Pep440Set> {
    static final String ROOT = "<root>";

    private final PackseScenario scenario;
    private final Version python;
    private final MarkerEnvironment environment;
    private final Map<String, List<PackseScenario.PackageVersion>> packages = new LinkedHashMap<>();
    private final Set<String> explicitPre = new HashSet<>();
    private final Set<String> pinned = new HashSet<>();
    private final boolean allPre;
    private final boolean noDeps;
    /** Installed versions to try first. */
    private final Map<String, Version> preferred;

    ScenarioProvider(PackseScenario scenario) {
        this(scenario, Map.of(), Set.of());
    }

    /**
     * A provider for an environment where {@code installed} (normalized name to the installed
     * distribution) is already installed. As pip: an installed distribution is a candidate even
     * when the index no longer has it, and it is tried before the newest unless {@code upgrade}
     * names its package (or is {@code :all:}, for an eager upgrade or a reinstall).
     */
    ScenarioProvider(PackseScenario scenario, Map<String, PackseScenario.PackageVersion> installed,
            Set<String> upgrade) {
        this.scenario = scenario;
        Map<String, Version> kept = new LinkedHashMap<>();
        installed.forEach((name, dist) -> {
            if (!upgrade.contains(name) && !upgrade.contains(":all:")) {
                kept.put(name, dist.version());
            }
        });
        this.preferred = Map.copyOf(kept);
        String pythonText = scenario.options().getOrDefault("python",
                scenario.environment().getOrDefault("python", "3.12"));
        this.python = Version.parse(pythonText.split("\\.").length == 2 ? pythonText + ".0" : pythonText);
        String minor = python.release().get(0) + "." + python.release().get(1);
        this.environment = MarkerEnvironment.of(Map.ofEntries(
                Map.entry("python_version", minor), Map.entry("python_full_version", python.toString()),
                Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", python.toString()),
                Map.entry("platform_python_implementation", "CPython"), Map.entry("os_name", "posix"),
                Map.entry("sys_platform", "linux"), Map.entry("platform_system", "Linux"),
                Map.entry("platform_machine", "x86_64"), Map.entry("platform_release", ""),
                Map.entry("platform_version", "")));
        this.allPre = "true".equals(scenario.options().get("prereleases"))
                || "allow".equals(scenario.options().get("prereleases"));
        // pip's --no-deps: the root's requirements only (an extra still means its package).
        this.noDeps = "true".equals(scenario.options().get("no_deps"));
        scenario.packages().forEach((name, versions) -> packages.put(ProjectName.parse(name).toString(), versions));
        installed.forEach((name, dist) -> {
            List<PackseScenario.PackageVersion> versions = new ArrayList<>(packages.getOrDefault(name, List.of()));
            if (versions.stream().noneMatch(v -> v.version().equals(dist.version()))) {
                versions.add(dist);
                packages.put(name, versions);
            }
        });
        // As uv and pip: only what the user asked for opts a package into pre-releases or a
        // yanked version, not what some dependency declares.
        for (Requirement r : scenario.rootRequires()) {
            String name = ProjectName.parse(r.name()).toString();
            if (Boolean.TRUE.equals(r.specifier().prereleases())) {
                explicitPre.add(name);
            }
            if (r.specifier().toString().startsWith("==") && r.specifier().size() == 1) {
                pinned.add(name + " " + Version.parse(r.specifier().toString().substring(2).strip().replace(".*", "")));
            }
        }
    }

    Version python() {
        return python;
    }

    @Override
    public List<Version> versions(String pkg) {
        String name = PythonPackages.project(pkg);
        List<PackseScenario.PackageVersion> all = packages.getOrDefault(name, List.of());
        boolean onlyPre = all.stream().allMatch(v -> v.version().isPrerelease());
        List<Version> out = new ArrayList<>();
        for (PackseScenario.PackageVersion v : all) {
            if (v.version().isPrerelease() && !(allPre || onlyPre || explicitPre.contains(name))) {
                continue;
            }
            if (v.yanked() && !pinned.contains(name + " " + v.version())) {
                continue;
            }
            if (v.requiresPython().isPresent() && !SpecifierSet.parse(v.requiresPython().get()).contains(python, true)) {
                continue;
            }
            if (!installable(name, v)) {
                continue;
            }
            out.add(v.version());
        }
        out.sort(Comparator.reverseOrder());
        Version current = preferred.get(name);
        if (current != null && out.remove(current)) {
            out.addFirst(current);
        }
        return out;
    }

    @Override
    public Dependencies<String, Pep440Set> dependencies(String pkg, Version version) {
        Map<String, Pep440Set> dependencies = new LinkedHashMap<>();
        List<Requirement> requires;
        Set<String> extras = PythonPackages.extra(pkg).map(Set::of).orElse(Set.of());
        if (pkg.equals(ROOT)) {
            requires = scenario.rootRequires();
        } else {
            PackseScenario.PackageVersion v = packages.get(PythonPackages.project(pkg)).stream()
                    .filter(candidate -> candidate.version().equals(version)).findFirst().orElseThrow();
            requires = new ArrayList<>(noDeps ? List.of() : v.requires());
            if (PythonPackages.extra(pkg).isPresent()) {
                dependencies.put(PythonPackages.project(pkg), Pep440Set.SETS.singleton(version));
                if (noDeps) {
                    return Dependencies.of(dependencies);
                }
                v.extras().forEach((name, extraRequires) -> {
                    if (PythonPackages.normalizeExtra(name).equals(PythonPackages.extra(pkg).get())) {
                        requires.addAll(extraRequires);
                    }
                });
            }
        }
        for (Requirement r : requires) {
            if (!matches(r.marker(), extras)) {
                continue;
            }
            if (r.url().isPresent()) {
                return Dependencies.unavailable("it depends on " + r + ", a direct URL");
            }
            PythonPackages.require(dependencies, r);
        }
        return Dependencies.of(dependencies);
    }

    private boolean installable(String name, PackseScenario.PackageVersion v) {
        if (v.sdist() && !listed("no_build", name)) {
            return true;
        }
        if (!v.wheel() || listed("no_binary", name)) {
            return false;
        }
        return v.wheelTags().isEmpty() || v.wheelTags().stream().anyMatch(ScenarioProvider::compatible);
    }

    /** A wheel tag this target (CPython 3.x on Linux x86_64, glibc) installs. */
    private static boolean compatible(String tag) {
        String[] parts = tag.split("-");
        boolean pythonOk = false;
        for (String p : parts[0].split("\\.")) {
            pythonOk |= p.equals("py3") || p.startsWith("py3") || p.startsWith("cp3");
        }
        boolean abiOk = false;
        for (String a : parts[1].split("\\.")) {
            abiOk |= a.equals("none") || a.equals("abi3") || a.startsWith("cp3");
        }
        boolean platformOk = false;
        for (String p : parts[2].split("\\.")) {
            platformOk |= p.equals("any") || p.endsWith("linux_x86_64") || p.startsWith("manylinux") && p.endsWith("x86_64");
        }
        return pythonOk && abiOk && platformOk;
    }

    /** Whether the option (a list of names, or ":all:") covers this package. */
    private boolean listed(String option, String name) {
        String value = scenario.options().getOrDefault(option, "[]");
        String list = value.replaceAll("[\\[\\] ]", "");
        for (String item : list.split(",")) {
            if (item.equals(":all:") || item.equals("true") || !item.isEmpty() && ProjectName.parse(item).toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(Optional<Marker> marker, Set<String> extras) {
        return marker.isEmpty() || marker.get().evaluate(environment.withExtras(extras));
    }
}
