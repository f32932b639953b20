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
import dev.axle.resolver.python.Candidate;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.PackageSource;
import dev.axle.resolver.python.PythonProvider;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A packse scenario as a PubGrub provider: axle's {@link PythonProvider} (the rules pip and uv
 * share) over a {@link PackageSource} made of the scenario's packages, for one target
 * environment (CPython on Linux x86_64, the scenario's Python version). The source leaves out
 * versions with neither a usable sdist nor a wheel for the target; the provider applies the
 * policies. The option {@code no_deps} is pip's {@code --no-deps}, {@code prereleases} its
 * {@code --pre}.
 */
final class ScenarioProvider implements DependencyProvider<String, Version, Pep440Set> {
    static final String ROOT = PythonProvider.ROOT;

    private final PackseScenario scenario;
    private final Version python;
    private final PythonProvider provider;

    ScenarioProvider(PackseScenario scenario) {
        this(scenario, Map.of(), Set.of());
    }

    /**
     * A provider for an environment where {@code installed} (normalized name to the installed
     * distribution) is already installed, tried before the newest unless {@code upgrade}
     * names its package (or is {@code :all:}, for an eager upgrade or a reinstall).
     */
    ScenarioProvider(PackseScenario scenario, Map<String, PackseScenario.PackageVersion> installed,
            Set<String> upgrade) {
        this.scenario = scenario;
        String pythonText = scenario.options().getOrDefault("python",
                scenario.environment().getOrDefault("python", "3.12"));
        this.python = Version.parse(pythonText.split("\\.").length == 2 ? pythonText + ".0" : pythonText);
        String minor = python.release().get(0) + "." + python.release().get(1);
        MarkerEnvironment environment = MarkerEnvironment.of(Map.ofEntries(
                Map.entry("python_version", minor), Map.entry("python_full_version", python.toString()),
                Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", python.toString()),
                Map.entry("platform_python_implementation", "CPython"), Map.entry("os_name", "posix"),
                Map.entry("sys_platform", "linux"), Map.entry("platform_system", "Linux"),
                Map.entry("platform_machine", "x86_64"), Map.entry("platform_release", ""),
                Map.entry("platform_version", "")));
        boolean allPre = "true".equals(scenario.options().get("prereleases"))
                || "allow".equals(scenario.options().get("prereleases"));
        Map<ProjectName, ResolveOptions.Installed> kept = new LinkedHashMap<>();
        installed.forEach((name, dist) -> kept.put(ProjectName.parse(name), new ResolveOptions.Installed(
                ProjectName.parse(name), dist.version(), metadata(dist))));
        Set<ProjectName> upgraded = new HashSet<>();
        upgrade.stream().filter(n -> !n.equals(":all:")).forEach(n -> upgraded.add(ProjectName.parse(n)));
        ResolveOptions options = ResolveOptions.of(new Target(environment, python))
                .withPrereleases(allPre ? ResolveOptions.Prereleases.ALLOW : ResolveOptions.Prereleases.IF_NECESSARY_OR_EXPLICIT)
                .withNoDeps("true".equals(scenario.options().get("no_deps")))
                .withInstalled(kept)
                .withUpgrade(upgraded, upgrade.contains(":all:"));
        try {
            this.provider = new PythonProvider(new Source(scenario, this::installable), scenario.rootRequires(), options);
        } catch (IOException | CandidateUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    Version python() {
        return python;
    }

    @Override
    public List<Version> versions(String pkg) {
        return provider.versions(pkg);
    }

    @Override
    public Dependencies<String, Pep440Set> dependencies(String pkg, Version version) {
        return provider.dependencies(pkg, version);
    }

    record ScenarioCandidate(ProjectName project, PackseScenario.PackageVersion release) implements Candidate {
        @Override
        public Version version() {
            return release.version();
        }

        @Override
        public Optional<String> requiresPython() {
            return release.requiresPython();
        }

        @Override
        public boolean yanked() {
            return release.yanked();
        }
    }

    static CandidateMetadata metadata(PackseScenario.PackageVersion v) {
        List<Requirement> requires = new ArrayList<>(v.requires());
        Set<String> provides = new HashSet<>();
        v.extras().forEach((extra, extraRequires) -> {
            provides.add(PythonPackages.normalizeExtra(extra));
            for (Requirement r : extraRequires) {
                String marker = r.marker().map(m -> "(" + m + ") and ").orElse("");
                requires.add(Requirement.parse(r.toString().replaceFirst(";.*$", "") + "; " + marker
                        + "extra == \"" + extra + "\""));
            }
        });
        return new CandidateMetadata(requires, provides, v.requiresPython());
    }

    /**
     * The scenario's packages: for one target, without the versions it cannot install; for a
     * universal resolution, every version with a wheel or an sdist.
     */
    static PackageSource source(PackseScenario scenario, boolean universal) {
        return new Source(scenario, universal ? (name, v) -> v.wheel() || v.sdist()
                : new ScenarioProvider(scenario)::installable);
    }

    private record Source(PackseScenario scenario, java.util.function.BiPredicate<String, PackseScenario.PackageVersion> usable)
            implements PackageSource {
        @Override
        public List<Candidate> candidates(ProjectName project) {
            List<Candidate> out = new ArrayList<>();
            scenario.packages().forEach((name, versions) -> {
                if (ProjectName.parse(name).equals(project)) {
                    for (PackseScenario.PackageVersion v : versions) {
                        if (usable.test(project.toString(), v)) {
                            out.add(new ScenarioCandidate(project, v));
                        }
                    }
                }
            });
            return out;
        }

        @Override
        public CandidateMetadata metadata(Candidate candidate) {
            return ScenarioProvider.metadata(((ScenarioCandidate) candidate).release());
        }

        @Override
        public Candidate direct(Requirement requirement) throws CandidateUnavailableException {
            throw new CandidateUnavailableException("scenarios have no direct references: " + requirement);
        }
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

}
