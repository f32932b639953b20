package dev.axle.resolver.python;

import dev.axle.pep.Marker;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MarkerSet;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Specifier;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.resolver.pep440.Pep440Set;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.pubgrub.Dependencies;
import dev.axle.resolver.pubgrub.DependencyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python's rules as a PubGrub provider. Packages are normalized project names, the root
 * ({@link #ROOT}) and {@code name[extra]}: a virtual package that depends on {@code name} at
 * the same version plus the extra's requirements (as uv models extras).
 *
 * <p>The versions offered for a project, most preferred first: the installed or preferred
 * version (unless upgraded), then the newest (or oldest, as {@link ResolveOptions.Strategy}
 * says). Left out: versions whose Requires-Python excludes the target, yanked versions unless
 * the user pins them with {@code ==}/{@code ===} (PEP 592), and pre-releases unless allowed
 * ({@link ResolveOptions.Prereleases}). Only what the user asked for opts a project into
 * pre-releases or a yanked version, not what some dependency declares: uv's rule (packse's
 * {@code transitive-prerelease-and-stable-dependency}). pip differs for pre-releases: it takes one
 * that a dependency's specifier names ({@code t>=2.0a1}).
 *
 * <p>Source errors surface as {@link UncheckedIOException} (the solver passes runtime
 * exceptions through; {@link Resolver} unwraps them).
 */
public final class PythonProvider implements DependencyProvider<String, Version, Pep440Set> {
    /** The root package: the requirements being resolved. */
    public static final String ROOT = "<root>";

    private final PackageSource source;
    private final ResolveOptions options;
    private final MarkerEnvironment environment;
    /**
     * The environment for each extra, made once: an environment caches what evaluation derives
     * from it (parsed versions), so a new one per evaluation would redo that every time.
     */
    private final Map<String, MarkerEnvironment> byExtra = new HashMap<>();
    private final List<Requirement> requirements;
    private final Map<String, List<Requirement>> constraints = new HashMap<>();
    private final Map<String, List<Requirement>> overrides = new HashMap<>();
    private final Set<String> requested = new HashSet<>();
    private final Set<String> explicitPre = new HashSet<>();
    private final Set<String> pinned = new HashSet<>();
    private final Map<String, Candidate> directReferences = new HashMap<>();
    private final Map<String, Map<Version, Candidate>> candidates = new HashMap<>();
    private final Map<String, List<Version>> versions = new HashMap<>();
    /** Why projects that have versions got none offered, for the user. */
    private final Map<String, String> hints = new LinkedHashMap<>();
    /**
     * A universal resolution's fork (see {@link UniversalResolver}): the environments this
     * resolution is for, where a marker applies if it may hold in any of them; null for one target.
     */
    private final MarkerSet fork;
    /** The interpreter Requires-Python is checked against: the target, or in a fork the lowest Python it holds. */
    private final Target pythonTarget;
    private final Map<String, MarkerSet> forkByExtra = new HashMap<>();
    private final Map<Marker, MarkerSet> markerSets = new HashMap<>();
    /** In a fork: the requirements that applied to each package version ("pkg version"), for the lock's markers. */
    private final Map<String, List<Requirement>> applied = new HashMap<>();

    /**
     * A provider for {@code requirements} (the user's, markers not yet evaluated).
     *
     * @throws CandidateUnavailableException if a direct reference among them cannot be used
     */
    public PythonProvider(PackageSource source, List<Requirement> requirements, ResolveOptions options)
            throws IOException, CandidateUnavailableException {
        this(source, requirements, options, null);
    }

    /**
     * A provider for one fork of a universal resolution: markers apply where they may hold in
     * {@code fork}; Requires-Python is checked against the target's Python, the lowest the
     * resolution is for. Where a package's requirements on one project differ under markers
     * that split the fork, {@link #dependencies} throws {@link ForkRequired}.
     */
    PythonProvider(PackageSource source, List<Requirement> requirements, ResolveOptions options, MarkerSet fork)
            throws IOException, CandidateUnavailableException {
        this.source = source;
        this.options = options;
        this.fork = fork;
        // A fork for python_version >= "3.10" may take versions that need 3.10.
        this.pythonTarget = fork == null ? options.target() : new Target(options.target().markers(),
                fork.pythonVersions().lowestRelease().filter(v -> v.compareTo(options.target().python()) > 0)
                        .orElse(options.target().python()));
        this.environment = options.target().markers();
        this.requirements = requirements.stream().filter(r -> applies(r.marker(), "")).toList();
        for (Requirement r : options.constraints()) {
            if (applies(r.marker(), "")) {
                constraints.computeIfAbsent(name(r), k -> new ArrayList<>()).add(r);
            }
        }
        for (Requirement r : options.overrides()) {
            if (applies(r.marker(), "")) {
                overrides.computeIfAbsent(name(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Requirement> explicit = new ArrayList<>(this.requirements);
        constraints.values().forEach(explicit::addAll);
        overrides.values().forEach(explicit::addAll);
        for (Requirement r : explicit) {
            String name = name(r);
            if (Boolean.TRUE.equals(r.specifier().prereleases())) {
                explicitPre.add(name);
            }
            pinned(r.specifier()).ifPresent(v -> pinned.add(name + " " + v));
        }
        for (Requirement r : this.requirements) {
            requested.add(name(r));
            if (r.url().isPresent()) {
                Candidate direct = source.direct(r);
                Candidate other = directReferences.putIfAbsent(name(r), direct);
                if (other != null && !other.equals(direct)) {
                    throw new CandidateUnavailableException(
                            "two different direct references are given for " + r.name() + ": " + other + " and " + direct);
                }
            }
        }
    }

    /** The projects the user's requirements name (their markers true for the target). */
    public Set<String> requested() {
        return Set.copyOf(requested);
    }

    /** The candidate that the solution's {@code version} of {@code project} stands for. */
    public Candidate candidate(String project, Version version) {
        if (!candidates.containsKey(project)) {
            versions(project);
        }
        Candidate c = candidates.getOrDefault(project, Map.of()).get(version);
        if (c == null) {
            throw new IllegalArgumentException("no candidate " + project + " " + version + " was offered");
        }
        return c;
    }

    @Override
    public List<Version> versions(String pkg) {
        String name = PythonPackages.project(pkg);
        List<Version> known = versions.get(name);
        if (known == null) {
            known = offer(name);
            versions.put(name, known);
            Map<Version, Candidate> byVersion = candidates.get(name);
            if (!known.isEmpty() && !(byVersion.get(known.getFirst()) instanceof ResolveOptions.Installed)) {
                source.prefetch(List.of(byVersion.get(known.getFirst())));
            }
        }
        return known;
    }

    private List<Version> offer(String name) {
        Map<Version, Candidate> byVersion = new LinkedHashMap<>();
        candidates.put(name, byVersion);
        Candidate direct = directReferences.get(name);
        if (direct != null) {
            byVersion.put(direct.version(), direct);
            return List.of(direct.version());
        }
        ProjectName project = ProjectName.parse(name);
        List<Candidate> all;
        try {
            all = source.candidates(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.isEmpty()) {
            source.whyNone(project).ifPresent(why -> hints.put(name, why));
        }
        boolean onlyPre = all.stream().allMatch(c -> c.version().isPrerelease());
        int pres = 0;
        int yanked = 0;
        int python = 0;
        boolean pre = options.prereleases() == ResolveOptions.Prereleases.ALLOW || onlyPre || explicitPre.contains(name);
        for (Candidate c : all) {
            if (c.version().isPrerelease() && !pre) {
                pres++;
            } else if (c.yanked() && !pinned.contains(name + " " + c.version())) {
                yanked++;
            } else if (!pythonTarget.allows(c.requiresPython())) {
                python++;
            } else {
                byVersion.putIfAbsent(c.version(), c);
            }
        }
        if (byVersion.isEmpty() && !all.isEmpty()) {
            List<String> why = new ArrayList<>();
            if (python > 0) {
                why.add(python + " require another Python than " + pythonTarget.python());
            }
            if (pres > 0) {
                why.add(pres + " are pre-releases (allow them with --pre, or name one: " + name + ">="
                        + all.stream().map(Candidate::version).max(Comparator.naturalOrder()).orElseThrow() + ")");
            }
            if (yanked > 0) {
                why.add(yanked + " are yanked (pin one with == to use it)");
            }
            hints.put(name, "no version of " + name + " is usable: of " + all.size() + ", " + String.join("; ", why));
        }
        List<Version> ordered = new ArrayList<>(byVersion.keySet());
        boolean lowest = options.strategy() == ResolveOptions.Strategy.LOWEST
                || options.strategy() == ResolveOptions.Strategy.LOWEST_DIRECT && requested.contains(name);
        ordered.sort(lowest ? Comparator.naturalOrder() : Comparator.reverseOrder());
        if (!options.upgrades(project)) {
            ResolveOptions.Installed installed = options.installed().get(project);
            Version first = installed != null ? installed.version() : options.preferred().get(project);
            if (installed != null) {
                // What is installed stays a candidate even when no index has it any more, as in pip.
                byVersion.put(installed.version(), installed);
            }
            if (first != null && (ordered.remove(first) || installed != null)) {
                ordered.addFirst(first);
            }
        }
        return List.copyOf(ordered);
    }

    /** For each project with versions but none usable, why, in the order they were met. */
    public Map<String, String> hints() {
        return Map.copyOf(hints);
    }

    @Override
    public Dependencies<String, Pep440Set> dependencies(String pkg, Version version) {
        Map<String, Pep440Set> dependencies = new LinkedHashMap<>();
        List<Requirement> requires;
        String extra = "";
        if (pkg.equals(ROOT)) {
            requires = requirements;
        } else {
            String name = PythonPackages.project(pkg);
            Candidate candidate = candidate(name, version);
            CandidateMetadata metadata;
            try {
                metadata = candidate instanceof ResolveOptions.Installed installed ? installed.metadata()
                        : source.metadata(candidate);
            } catch (CandidateUnavailableException e) {
                return Dependencies.unavailable(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!pythonTarget.allows(metadata.requiresPython())) {
                return Dependencies.unavailable("it requires Python " + metadata.requiresPython().get()
                        + " and the target is Python " + pythonTarget.python());
            }
            Optional<String> virtual = PythonPackages.extra(pkg);
            if (virtual.isPresent()) {
                dependencies.put(name, Pep440Set.SETS.singleton(version));
                extra = virtual.get();
            }
            requires = options.noDeps() ? List.of() : metadata.requiresDist();
        }
        List<Requirement> applying = new ArrayList<>();
        for (Requirement declared : requires) {
            // An extra's package adds what the extra adds; the rest comes with the project itself.
            if (!applies(declared.marker(), extra) || !extra.isEmpty() && applies(declared.marker(), "")) {
                continue;
            }
            applying.addAll(overridden(declared));
        }
        if (fork != null) {
            forkWhereRequirementsDiverge(applying, extra);
            applied.put(pkg + " " + version, List.copyOf(applying));
        }
        for (Requirement r : applying) {
            if (r.url().isPresent()) {
                Candidate direct = directReferences.get(name(r));
                if (direct == null) {
                    return Dependencies.unavailable("it depends on " + r + ", a direct reference;"
                            + " name it among the requirements to allow it");
                }
                dependencies.merge(name(r), Pep440Set.SETS.singleton(direct.version()), Pep440Set::intersect);
                for (String e : r.extras()) {
                    dependencies.merge(PythonPackages.withExtra(name(r), e),
                            Pep440Set.SETS.singleton(direct.version()), Pep440Set::intersect);
                }
            } else {
                PythonPackages.require(dependencies, r);
            }
        }
        dependencies.replaceAll((dependency, set) -> constrained(PythonPackages.project(dependency), set));
        return Dependencies.of(dependencies);
    }

    /** The requirements that stand for {@code declared}: the overrides of its project, or itself. */
    private List<Requirement> overridden(Requirement declared) {
        return overrides.getOrDefault(name(declared), List.of(declared));
    }

    private Pep440Set constrained(String project, Pep440Set set) {
        for (Requirement c : constraints.getOrDefault(project, List.of())) {
            if (c.url().isEmpty()) {
                set = set.intersect(Pep440Set.of(c.specifier()));
            }
        }
        return set;
    }

    /**
     * Whether a marker holds for the target (in a fork: may hold somewhere in it), {@code extra}
     * being the extra asked for ("" if none).
     */
    private boolean applies(Optional<Marker> marker, String extra) {
        if (marker.isEmpty()) {
            return true;
        }
        if (fork == null) {
            return marker.get().evaluate(byExtra.computeIfAbsent(extra, e -> environment.with("extra", e)));
        }
        return !forkWithExtra(extra).isDisjointFrom(markerSet(marker.get()));
    }

    private MarkerSet forkWithExtra(String extra) {
        return forkByExtra.computeIfAbsent(extra, e -> fork.and(MarkerSet.parse("extra == \"" + e + "\"")));
    }

    private MarkerSet markerSet(Marker marker) {
        return markerSets.computeIfAbsent(marker, MarkerSet::of);
    }

    /** Where a requirement applies within the fork, for a package asked with {@code extra}. */
    MarkerSet where(Requirement r, String extra) {
        return r.marker().map(m -> markerSet(m).withValue("extra", extra)).orElse(MarkerSet.ALL);
    }

    /**
     * Throws {@link ForkRequired} when requirements on one project differ (other versions or
     * another direct reference) and apply in different parts of the fork: each part then gets
     * its own resolution, in which each requirement applies everywhere or nowhere.
     */
    private void forkWhereRequirementsDiverge(List<Requirement> requirements, String extra) {
        Map<String, List<Requirement>> byProject = new LinkedHashMap<>();
        requirements.forEach(r -> byProject.computeIfAbsent(name(r), k -> new ArrayList<>()).add(r));
        for (List<Requirement> same : byProject.values()) {
            Set<String> kinds = new HashSet<>();
            same.forEach(r -> kinds.add(r.specifier() + " " + r.url().orElse("")));
            if (kinds.size() < 2) {
                continue;
            }
            List<MarkerSet> cells = List.of(fork);
            for (Requirement r : same) {
                MarkerSet where = where(r, extra);
                if (fork.implies(where)) {
                    continue;
                }
                List<MarkerSet> split = new ArrayList<>();
                for (MarkerSet cell : cells) {
                    MarkerSet in = cell.and(where);
                    MarkerSet out = cell.and(where.not());
                    if (!in.isEmpty()) {
                        split.add(in);
                    }
                    if (!out.isEmpty()) {
                        split.add(out);
                    }
                }
                cells = split;
            }
            if (cells.size() > 1) {
                throw new ForkRequired(cells);
            }
        }
    }

    /** In a fork: the requirements that applied to a package version of the solution. */
    List<Requirement> applied(String pkg, Version version) {
        return applied.getOrDefault(pkg + " " + version, List.of());
    }

    /** Thrown out of a fork's solving: the fork must be resolved as these parts, one by one. */
    static final class ForkRequired extends RuntimeException {
        final transient List<MarkerSet> parts;

        ForkRequired(List<MarkerSet> parts) {
            super("the resolution forks into " + parts, null, false, false);
            this.parts = List.copyOf(parts);
        }
    }

    /**
     * The version a specifier set pins with a single {@code ==V} (no wildcard) or {@code ===V}:
     * pinned versions may be yanked ones (PEP 592), and hash-checking mode requires them.
     */
    public static Optional<String> pinned(SpecifierSet specifiers) {
        if (specifiers.size() != 1) {
            return Optional.empty();
        }
        Specifier only = specifiers.specifiers().getFirst();
        return switch (only.operator()) {
            case ARBITRARY -> Optional.of(only.version());
            case EQUAL -> only.isWildcard() ? Optional.empty() : Optional.of(only.parsedVersion().toString());
            default -> Optional.empty();
        };
    }

    private static String name(Requirement r) {
        return ProjectName.parse(r.name()).toString();
    }
}
