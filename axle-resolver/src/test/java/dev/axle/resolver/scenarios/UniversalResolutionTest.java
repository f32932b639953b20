package dev.axle.resolver.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MarkerSet;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Specifier;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.PackageSource;
import dev.axle.resolver.python.ResolutionException;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import dev.axle.resolver.python.UniversalResolver;
import dev.axle.resolver.python.UniversalResolver.Locked;
import dev.axle.resolver.python.UniversalResolver.UniversalResolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * packse's universal scenarios through {@link UniversalResolver}: solvable or not as expected,
 * and every lock it makes installs a consistent set in each environment of a grid (Linux,
 * macOS, Windows; Python 3.8 to 3.13): for each environment, the packages whose markers hold
 * are one version per project and satisfy every requirement that applies there, the root's
 * and each installed package's (extras included). That is what "one lock serves every
 * platform" means, checked without trusting the resolver's own reasoning.
 */
class UniversalResolutionTest {
    /** Raise this when more scenarios pass. */
    private static final int PASSING_AT_LEAST = 41;

    /**
     * Scenarios where axle deliberately answers otherwise than uv (docs/resolver.md): the lock
     * axle makes must then pass the grid check.
     */
    private static final Map<String, String> DIFFERENT = Map.of(
            "preferences-dependent-forking-conflicting",
            "uv fails on a later run, preferring cleaver 1 from its own lock without forking; axle forks"
                    + " wherever requirements on one project diverge, so each part resolves on its own");

    @Test
    void packseUniversalScenarios() throws Exception {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int locksChecked = 0;
        for (Path file : PackseScenarioTest.files()) {
            PackseScenario scenario = PackseScenario.read(file);
            if (!"true".equals(scenario.options().get("universal"))) {
                continue;
            }
            Optional<String> requiresPython = PackseScenario.rootRequiresPython(file);
            String verdict;
            try {
                UniversalResolution lock = resolve(scenario, requiresPython);
                boolean expected = scenario.satisfiable() || DIFFERENT.containsKey(scenario.name());
                verdict = expected ? check(scenario, lock, universe(requiresPython))
                        : "found " + lock.packages() + ", none was expected";
                locksChecked += expected ? 1 : 0;
            } catch (ResolutionException e) {
                verdict = scenario.satisfiable() ? "no solution found, one was expected:\n" + e.getMessage() : "";
            } catch (RuntimeException e) {
                verdict = "error: " + e;
            }
            (verdict.isEmpty() ? passed : failed).add(scenario.name() + (verdict.isEmpty() ? "" : ": " + verdict));
        }
        StringBuilder report = new StringBuilder("packse universal scenarios: " + passed.size() + " of "
                + (passed.size() + failed.size()) + " pass\n\nnot passing:\n");
        failed.forEach(f -> report.append("- ").append(f.replace("\n", "\n    ")).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/packse-universal-results.txt"), report);
        System.out.println(report.substring(0, report.indexOf("\n")) + " (" + locksChecked + " locks checked)");
        assertThat(passed.size() + failed.size()).as("universal scenarios found").isGreaterThan(30);
        assertThat(passed.size()).as(report.toString()).isGreaterThanOrEqualTo(PASSING_AT_LEAST);
    }

    private static MarkerSet universe(Optional<String> requiresPython) {
        MarkerSet universe = MarkerSet.ALL;
        if (requiresPython.isPresent()) {
            for (Specifier s : SpecifierSet.parse(requiresPython.get()).specifiers()) {
                universe = universe.and(MarkerSet.parse("python_full_version " + s.operator().symbol() + " '"
                        + s.version() + "'"));
            }
        }
        return universe;
    }

    private static UniversalResolution resolve(PackseScenario scenario, Optional<String> requiresPython)
            throws Exception {
        // Requires-Python is checked against the universe's lowest Python: the project's lower bound.
        String lowest = requiresPython.map(r -> r.replaceAll("^[^0-9]*", "").replaceAll("[^0-9.].*$", ""))
                .filter(v -> !v.isEmpty()).orElse("3.8");
        Version python = Version.parse(lowest.split("\\.").length == 2 ? lowest + ".0" : lowest);
        ResolveOptions options = ResolveOptions.of(new Target(environment(python.toString(), "linux"), python));
        PackageSource source = ScenarioProvider.source(scenario, true);
        return new UniversalResolver(source).resolve(scenario.rootRequires(), options, universe(requiresPython));
    }

    private static MarkerEnvironment environment(String python, String platform) {
        Version v = Version.parse(python);
        String minor = v.release().get(0) + "." + v.release().get(1);
        boolean windows = platform.equals("win32");
        return MarkerEnvironment.of(Map.ofEntries(
                Map.entry("python_version", minor), Map.entry("python_full_version", python),
                Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", python),
                Map.entry("platform_python_implementation", "CPython"), Map.entry("os_name", windows ? "nt" : "posix"),
                Map.entry("sys_platform", platform),
                Map.entry("platform_system", windows ? "Windows" : platform.equals("darwin") ? "Darwin" : "Linux"),
                Map.entry("platform_machine", "x86_64"), Map.entry("platform_release", ""),
                Map.entry("platform_version", ""), Map.entry("extra", "")));
    }

    /** Empty when the lock installs a consistent set in every environment of the grid, else the first problem. */
    private static String check(PackseScenario scenario, UniversalResolution lock, MarkerSet universe) {
        Optional<Marker> inUniverse = universe.toMarker();
        for (String python : List.of("3.8.0", "3.9.0", "3.10.0", "3.11.0", "3.12.0", "3.13.0")) {
            for (String platform : List.of("linux", "darwin", "win32")) {
                MarkerEnvironment env = environment(python, platform);
                if (inUniverse.isPresent() && !inUniverse.get().evaluate(env)) {
                    continue;
                }
                String problem = checkOne(scenario, lock, env);
                if (!problem.isEmpty()) {
                    return "in " + platform + " Python " + python + ": " + problem + "; lock: " + lock.packages();
                }
            }
        }
        return "";
    }

    private static String checkOne(PackseScenario scenario, UniversalResolution lock, MarkerEnvironment env) {
        Map<String, Locked> installed = new HashMap<>();
        for (Locked l : lock.packages()) {
            if (l.marker().toMarker().map(m -> m.evaluate(env)).orElse(true)) {
                Locked other = installed.put(l.project().toString(), l);
                if (other != null) {
                    return "two versions of " + l.project() + " installed: " + other.version() + " and " + l.version();
                }
            }
        }
        // Requirements to satisfy: the root's, then each installed package's (and its extras').
        Deque<Requirement> pending = new ArrayDeque<>();
        scenario.rootRequires().stream().filter(r -> applies(r, env, "")).forEach(pending::add);
        Set<String> activated = new HashSet<>();
        while (!pending.isEmpty()) {
            Requirement r = pending.pop();
            String project = ProjectName.parse(r.name()).toString();
            Locked l = installed.get(project);
            if (l == null) {
                return r + " applies but " + project + " is not installed";
            }
            if (!r.specifier().contains(l.version(), true)) {
                return r + " applies but " + project + " " + l.version() + " is installed";
            }
            List<String> extras = new ArrayList<>(List.of(""));
            extras.addAll(r.extras());
            for (String extra : extras) {
                if (activated.add(project + "[" + extra + "]")) {
                    CandidateMetadata metadata = ScenarioProvider.metadata(
                            ((ScenarioProvider.ScenarioCandidate) l.candidate()).release());
                    for (Requirement dependency : metadata.requiresDist()) {
                        if (extra.isEmpty() ? applies(dependency, env, "")
                                : applies(dependency, env, extra) && !applies(dependency, env, "")) {
                            pending.add(dependency);
                        }
                    }
                }
            }
        }
        return "";
    }

    private static boolean applies(Requirement r, MarkerEnvironment env, String extra) {
        return r.marker().map(m -> m.evaluate(env.with("extra", extra))).orElse(true);
    }
}
