package dev.axle.resolver.python;

import dev.axle.pep.MarkerSet;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.pubgrub.Explanation;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves once for every environment of a universe (the platforms and Python versions a lock
 * file serves), as uv's universal resolution does: markers are kept rather than evaluated, a
 * dependency is taken wherever its marker may hold, and where a package's requirements on one
 * project differ under markers (numpy>=2 for Python 3.10 and later, numpy<2 before), the
 * resolution forks: each part of the universe the markers cut is resolved on its own, preferring
 * the versions earlier parts chose, so that parts differ only where they must.
 *
 * <p>The result gives each package version the environments it is installed in: where some
 * path of requirements from the root reaches it, each requirement's marker holding (a lock
 * file's per-package marker).
 *
 * <p>Requires-Python is checked against the universe's lowest Python, the target's: a version
 * that does not support all of the universe's Pythons is not chosen.
 */
public final class UniversalResolver {
    private final PackageSource source;

    public UniversalResolver(PackageSource source) {
        this.source = source;
    }

    /** One package version of the result and where it is installed. */
    public record Locked(Candidate candidate, MarkerSet marker) {
        public ProjectName project() {
            return candidate.project();
        }

        public Version version() {
            return candidate.version();
        }
    }

    /** A universal resolution: its packages in name and version order, and the parts it forked into. */
    public record UniversalResolution(List<Locked> packages, List<MarkerSet> forks) {
        public UniversalResolution {
            packages = List.copyOf(packages);
            forks = List.copyOf(forks);
        }
    }

    /**
     * Resolves {@code requirements} for every environment of {@code universe}.
     *
     * @param options its target's Python is the lowest of the universe (for Requires-Python);
     *                its marker environment is not used
     * @throws ResolutionException if some part of the universe has no solution; the message says which
     */
    public UniversalResolution resolve(List<Requirement> requirements, ResolveOptions options, MarkerSet universe)
            throws ResolutionException, CandidateUnavailableException, IOException {
        Deque<MarkerSet> pending = new ArrayDeque<>(List.of(universe));
        List<MarkerSet> forks = new ArrayList<>();
        Map<String, MarkerSet> where = new LinkedHashMap<>(); // "name version" -> environments
        Map<String, Candidate> candidates = new HashMap<>();
        Map<ProjectName, Version> chosen = new LinkedHashMap<>(options.preferred());
        while (!pending.isEmpty()) {
            MarkerSet fork = pending.pop();
            PythonProvider provider = new PythonProvider(source, requirements, options.withPreferred(chosen), fork);
            Map<String, Version> solution;
            try {
                solution = new Solver<>(provider, Pep440Set.SETS, new Explanation<>(Pep440Set.<String>formatter()))
                        .solve(PythonProvider.ROOT, Version.parse("0"));
            } catch (PythonProvider.ForkRequired split) {
                split.parts.reversed().forEach(pending::push);
                continue;
            } catch (NoSolutionException e) {
                throw Resolver.explained(e,
                        fork.isAll() ? "" : "\n(in the part of the environments where " + fork + ")", provider);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            forks.add(fork);
            reached(provider, solution, fork).forEach((pkg, markers) -> {
                Version version = solution.get(pkg);
                Candidate c = provider.candidate(pkg, version);
                String key = c.project() + " " + version;
                candidates.putIfAbsent(key, c);
                where.merge(key, markers, MarkerSet::or);
                chosen.putIfAbsent(c.project(), version);
            });
        }
        List<Locked> packages = new ArrayList<>();
        where.forEach((key, markers) -> packages.add(new Locked(candidates.get(key), markers.within(universe))));
        packages.sort(Comparator.comparing((Locked l) -> l.project().toString()).thenComparing(Locked::version));
        return new UniversalResolution(packages, forks);
    }

    /**
     * Where each project of a fork's solution is reached from the root: the union, over the
     * requirements naming it, of where the requiring package is reached and the requirement's
     * marker holds. Grows to a fixed point (dependency cycles go round until nothing is added).
     */
    private static Map<String, MarkerSet> reached(PythonProvider provider, Map<String, Version> solution,
            MarkerSet fork) {
        Map<String, MarkerSet> reach = new HashMap<>();
        reach.put(PythonProvider.ROOT, fork);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Version> node : solution.entrySet()) {
                MarkerSet from = reach.get(node.getKey());
                if (from == null) {
                    continue;
                }
                String extra = PythonPackages.extra(node.getKey()).orElse("");
                for (Requirement r : provider.applied(node.getKey(), node.getValue())) {
                    MarkerSet along = from.and(provider.where(r, extra));
                    if (along.isEmpty()) {
                        continue;
                    }
                    String project = ProjectName.parse(r.name()).toString();
                    List<String> targets = new ArrayList<>(List.of(project));
                    r.extras().forEach(e -> targets.add(PythonPackages.withExtra(project, e)));
                    for (String target : targets) {
                        if (!solution.containsKey(target)) {
                            continue;
                        }
                        MarkerSet before = reach.get(target);
                        if (before == null || !along.implies(before)) {
                            reach.put(target, before == null ? along : before.or(along));
                            changed = true;
                        }
                    }
                }
            }
        }
        Map<String, MarkerSet> projects = new LinkedHashMap<>();
        reach.forEach((pkg, markers) -> {
            if (!pkg.equals(PythonProvider.ROOT) && PythonPackages.extra(pkg).isEmpty()) {
                projects.put(pkg, markers);
            }
        });
        return projects;
    }
}
