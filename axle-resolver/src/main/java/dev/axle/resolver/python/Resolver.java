package dev.axle.resolver.python;

import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.pubgrub.Explanation;
import dev.axle.resolver.pubgrub.NoSolutionException;
import dev.axle.resolver.pubgrub.Solver;
import dev.axle.resolver.pubgrub.TermFormatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Python requirements: one version per project that satisfies them all, with their
 * dependencies, for a target interpreter, as {@link PythonProvider} sets the rules.
 */
public final class Resolver {
    /** How the root reads in explanations: "your request depends on ...". */
    static final String ROOT_NAME = "your request";

    private final PackageSource source;

    public Resolver(PackageSource source) {
        this.source = source;
    }

    /**
     * Resolves {@code requirements} (markers not yet evaluated: those false for the target are
     * dropped).
     *
     * @throws ResolutionException           if no solution exists; its message explains why
     * @throws CandidateUnavailableException if a direct reference among the requirements cannot be used
     * @throws IOException                   if the source failed
     */
    public Resolution resolve(List<Requirement> requirements, ResolveOptions options)
            throws ResolutionException, CandidateUnavailableException, IOException {
        PythonProvider provider = new PythonProvider(source, requirements, options);
        Map<String, Version> solution;
        try {
            solution = new Solver<>(provider, Pep440Set.SETS, new Explanation<>(formatter()))
                    .solve(PythonProvider.ROOT, Version.parse("0"));
        } catch (NoSolutionException e) {
            throw explained(e, "", provider);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Set<String>> extras = new LinkedHashMap<>();
        solution.keySet().forEach(pkg -> PythonPackages.extra(pkg).ifPresent(
                extra -> extras.computeIfAbsent(PythonPackages.project(pkg), k -> new HashSet<>()).add(extra)));
        List<Resolution.Package> packages = new ArrayList<>();
        solution.forEach((pkg, version) -> {
            if (!pkg.equals(PythonProvider.ROOT) && PythonPackages.extra(pkg).isEmpty()) {
                packages.add(new Resolution.Package(provider.candidate(pkg, version),
                        extras.getOrDefault(pkg, Set.of()), provider.requested().contains(pkg)));
            }
        });
        return new Resolution(packages);
    }

    /**
     * The solver's explanation, then {@code where} (a line, or ""), then a hint for each project
     * it names that had versions but none usable.
     */
    static ResolutionException explained(NoSolutionException e, String where, PythonProvider provider) {
        StringBuilder text = new StringBuilder(e.explanation()).append(where);
        provider.hints().forEach((project, why) -> {
            if (e.explanation().contains(project)) {
                text.append("\nhint: ").append(why);
            }
        });
        return new ResolutionException(text.toString());
    }

    /** Requirement syntax, the root as {@link #ROOT_NAME}. */
    private static TermFormatter<String, Pep440Set> formatter() {
        TermFormatter<String, Pep440Set> requirements = Pep440Set.formatter();
        return new TermFormatter<>() {
            @Override
            public String name(String pkg) {
                return pkg.equals(PythonProvider.ROOT) ? ROOT_NAME : pkg;
            }

            @Override
            public String versions(String pkg, Pep440Set versions) {
                return requirements.versions(pkg, versions);
            }
        };
    }
}
