package dev.axle.cli;

import dev.axle.dist.Digests;
import dev.axle.finder.FileOrigin;
import dev.axle.finder.Finder;
import dev.axle.finder.FoundCandidate;
import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadListener;
import dev.axle.lock.DependencyGraph;
import dev.axle.lock.Package;
import dev.axle.lock.PackageArchive;
import dev.axle.lock.PackageDirectory;
import dev.axle.lock.PackageSdist;
import dev.axle.lock.PackageWheel;
import dev.axle.lock.Pylock;
import dev.axle.pep.InvalidSpecifierException;
import dev.axle.pep.Marker;
import dev.axle.pep.MarkerSet;
import dev.axle.pep.Specifier;
import dev.axle.resolver.python.UniversalResolver;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.Resolution;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resolution made into a PEP 751 lock for one target: each package with every file of its
 * version on its index, the marker that says when it is needed ({@link DependencyGraph}), and
 * the lock's {@code environments}: the target's platform, machine, implementation and Python
 * version, because the resolution is only right where those hold (markers were evaluated, and
 * versions without a wheel for the target skipped, for them alone).
 */
final class Locking {
    private Locking() {}

    /** What the lock is made from: its roots and, for a project, what the project declares. */
    record Roots(Map<DependencyGraph.Root, List<Requirement>> requirements, Optional<ProjectName> self,
            Optional<SpecifierSet> requiresPython, boolean project) {

        /** All the roots' requirements, for one resolution; the project's references to itself left out. */
        List<Requirement> all() {
            List<Requirement> out = new ArrayList<>();
            requirements.values().forEach(list -> list.stream()
                    .filter(r -> self.map(s -> !s.equals(ProjectName.parse(r.name()))).orElse(true))
                    .forEach(out::add));
            return out;
        }
    }

    /** The lock of {@code resolution}; {@code overrides} as given to the resolver. */
    /**
     * Where the lock is written, against which local paths are written relative (PEP 751), and
     * which project folders were asked for editable.
     */
    record Local(Path lockFolder, Predicate<Path> editable) {}

    static Pylock lock(Finder finder, Resolution resolution, Roots roots, List<Requirement> overrides,
            MarkerEnvironment target, Local local) throws IOException {
        Map<ProjectName, FoundCandidate> found = new TreeMap<>(Comparator.comparing(ProjectName::toString));
        Map<ProjectName, CandidateMetadata> metadata = new LinkedHashMap<>();
        for (Resolution.Package p : resolution.packages()) {
            FoundCandidate c = (FoundCandidate) p.candidate();
            found.put(p.project(), c);
            try {
                metadata.put(p.project(), finder.metadata(c));
            } catch (CandidateUnavailableException e) {
                throw new IllegalStateException("the metadata of " + c + " was read for the resolution", e);
            }
        }
        Map<ProjectName, List<Requirement>> requires = new LinkedHashMap<>();
        metadata.forEach((project, m) -> requires.put(project, m.requiresDist()));
        DependencyGraph graph = DependencyGraph.walk(roots.requirements(), roots.self(), requires, overrides, target);
        List<Package> packages = new ArrayList<>();
        for (Map.Entry<ProjectName, FoundCandidate> e : found.entrySet()) {
            packages.add(entry(finder, e.getValue(), metadata.get(e.getKey()), graph, found, local));
        }
        return pylock(roots, Optional.of(List.of(environment(target))), packages);
    }

    /** The lock of {@code packages}: its extras and groups the project's, for {@code environments}. */
    private static Pylock pylock(Roots roots, Optional<List<Marker>> environments, List<Package> packages) {
        List<String> extras = roots.requirements().keySet().stream()
                .filter(r -> r instanceof DependencyGraph.Root.Extra).map(r -> ((DependencyGraph.Root.Extra) r).name())
                .sorted().toList();
        List<String> groups = roots.requirements().keySet().stream()
                .filter(r -> r instanceof DependencyGraph.Root.Group).map(r -> ((DependencyGraph.Root.Group) r).name())
                .sorted().toList();
        return new Pylock(Version.release(1, 0), environments, roots.requiresPython(),
                roots.project() ? Optional.of(extras) : Optional.empty(),
                roots.project() ? Optional.of(groups) : Optional.empty(),
                roots.project() ? Optional.of(List.of()) : Optional.empty(),
                "axle", packages, Optional.empty());
    }

    /**
     * The lock of a universal resolution: no {@code environments} (it serves every one the
     * project's requires-python allows); each package version with the marker of where it is
     * installed, extras and groups as {@code 'x' in extras} and {@code 'g' in dependency_groups}.
     */
    static Pylock universal(Finder finder, UniversalResolver.UniversalResolution resolution, Roots roots, Local local)
            throws IOException {
        List<Package> packages = new ArrayList<>();
        for (UniversalResolver.Locked locked : resolution.packages()) {
            FoundCandidate c = (FoundCandidate) locked.candidate();
            CandidateMetadata metadata;
            try {
                metadata = finder.metadata(c);
            } catch (CandidateUnavailableException e) {
                throw new IllegalStateException("the metadata of " + c + " was read for the resolution", e);
            }
            packages.add(entry(finder, c, metadata, locked.marker().toMarker(), List.of(), local));
        }
        return pylock(roots, Optional.empty(), packages);
    }

    /** The lowest Python a requires-python admits, when it names one ({@code >=3.9}: 3.9). */
    static Optional<Version> lowestPython(Optional<SpecifierSet> requiresPython) {
        Optional<Version> lowest = Optional.empty();
        for (Specifier s : requiresPython.map(SpecifierSet::specifiers).orElse(List.of())) {
            switch (s.operator()) {
                case GREATER_EQUAL, GREATER, COMPATIBLE, EQUAL -> {
                    Version v = Version.parse(s.version().replace(".*", ""));
                    if (lowest.isEmpty() || v.compareTo(lowest.get()) > 0) {
                        lowest = Optional.of(v);
                    }
                }
                default -> { }
            }
        }
        return lowest;
    }

    /** The environments a requires-python admits, as python_full_version markers; all without one. */
    static MarkerSet universe(Optional<SpecifierSet> requiresPython) {
        MarkerSet universe = MarkerSet.ALL;
        for (Specifier s : requiresPython.map(SpecifierSet::specifiers).orElse(List.of())) {
            universe = universe.and(MarkerSet.parse("python_full_version " + s.operator().symbol() + " \""
                    + s.version() + "\""));
        }
        return universe;
    }

    /**
     * The roots' requirements for one universal resolution: an extra's with {@code 'x' in
     * extras} added to their markers, a group's with {@code 'g' in dependency_groups}, and the
     * project's references to its own extras ({@code demo[fancy]}) replaced by those extras'
     * requirements under the same markers.
     */
    static List<Requirement> universalRequirements(Roots roots) {
        Map<String, List<Requirement>> extras = new LinkedHashMap<>();
        roots.requirements().forEach((root, list) -> {
            if (root instanceof DependencyGraph.Root.Extra e) {
                extras.put(ProjectName.canonicalize(e.name()), list);
            }
        });
        List<Requirement> out = new ArrayList<>();
        Deque<Requirement> pending = new ArrayDeque<>();
        roots.requirements().forEach((root, list) -> {
            Optional<Marker> context = root.condition().map(Marker::parse);
            list.forEach(r -> pending.add(r.withMarker(and(context, r.marker()))));
        });
        Set<String> expanded = new HashSet<>();
        while (!pending.isEmpty()) {
            Requirement r = pending.pop();
            if (roots.self().map(s -> s.equals(ProjectName.parse(r.name()))).orElse(false)) {
                for (String extra : r.extras()) {
                    String key = ProjectName.canonicalize(extra) + ";" + r.marker().map(Object::toString).orElse("");
                    if (expanded.add(key)) {
                        extras.getOrDefault(ProjectName.canonicalize(extra), List.of())
                                .forEach(d -> pending.add(d.withMarker(and(r.marker(), d.marker()))));
                    }
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static Optional<Marker> and(Optional<Marker> a, Optional<Marker> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().and(b.get()));
    }

    /** The markers the resolution depended on, as the target has them. */
    static Marker environment(MarkerEnvironment target) {
        List<String> clauses = new ArrayList<>();
        for (String name : List.of("sys_platform", "platform_machine", "implementation_name", "python_version")) {
            target.value(name).ifPresent(v -> clauses.add(name + " == '" + v + "'"));
        }
        return Marker.parse(String.join(" and ", clauses));
    }

    private static Package entry(Finder finder, FoundCandidate candidate, CandidateMetadata metadata,
            DependencyGraph graph, Map<ProjectName, FoundCandidate> found, Local local) throws IOException {
        List<Map<String, Object>> dependencies = new ArrayList<>();
        for (ProjectName dependency : graph.dependencies(candidate.project())) {
            FoundCandidate d = found.get(dependency);
            if (d != null) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("name", dependency.toString());
                key.put("version", d.version().toString());
                dependencies.add(key);
            }
        }
        return entry(finder, candidate, metadata, graph.marker(candidate.project()), dependencies, local);
    }

    /**
     * A package entry: every file of the candidate's version on its index, hashed; for a direct
     * reference, its project folder ({@code [packages.directory]}, editable or not) or its sdist
     * ({@code [packages.archive]}), local paths relative to the lock's folder.
     */
    private static Package entry(Finder finder, FoundCandidate candidate, CandidateMetadata metadata,
            Optional<Marker> marker, List<Map<String, Object>> dependencies, Local where) throws IOException {
        Optional<List<Map<String, Object>>> depends = dependencies.isEmpty() ? Optional.empty() : Optional.of(dependencies);
        URI url = candidate.file().url();
        boolean local = "file".equalsIgnoreCase(url.getScheme());
        if (candidate.direct() && local && Files.isDirectory(Path.of(url))) {
            Path folder = Path.of(url).toAbsolutePath().normalize();
            PackageDirectory directory = new PackageDirectory(relative(where.lockFolder(), folder),
                    where.editable().test(folder) ? Optional.of(true) : Optional.empty(), Optional.empty());
            return new Package(candidate.project(), Optional.of(candidate.version()), marker, requiresPython(metadata),
                    depends, Optional.empty(), Optional.of(directory), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (candidate.direct() && !candidate.wheel()) {
            Described d = describe(finder, candidate, candidate.file());
            PackageArchive archive = new PackageArchive(local ? Optional.empty() : Optional.of(d.url()),
                    local ? Optional.of(relative(where.lockFolder(), Path.of(url))) : Optional.empty(), d.size(),
                    d.uploadTime(), d.hashes(), Optional.empty());
            return new Package(candidate.project(), Optional.of(candidate.version()), marker, requiresPython(metadata),
                    depends, Optional.empty(), Optional.empty(), Optional.of(archive), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        List<PackageWheel> wheels = new ArrayList<>();
        Optional<PackageSdist> sdist = Optional.empty();
        List<DistributionFile> files = new ArrayList<>(finder.files(candidate));
        files.sort(Comparator.comparing(DistributionFile::filename));
        for (DistributionFile file : files) {
            Described d = describe(finder, candidate, file);
            if (file.filename().endsWith(".whl")) {
                wheels.add(new PackageWheel(d.name(), d.uploadTime(), Optional.of(d.url()), Optional.empty(), d.size(),
                        d.hashes()));
            } else if (sdist.isEmpty()) {
                sdist = Optional.of(new PackageSdist(d.name(), d.uploadTime(), Optional.of(d.url()), Optional.empty(),
                        d.size(), d.hashes()));
            }
        }
        Optional<String> index = candidate.direct() ? Optional.empty()
                : candidate.origin() instanceof FileOrigin.OfIndex i ? Optional.of(i.index().url().toString())
                : Optional.empty();
        return new Package(candidate.project(), Optional.of(candidate.version()), marker,
                requiresPython(metadata), dependencies.isEmpty() ? Optional.empty() : Optional.of(dependencies),
                Optional.empty(), Optional.empty(), Optional.empty(), index, sdist,
                wheels.isEmpty() ? Optional.empty() : Optional.of(wheels), Optional.empty(), Optional.empty());
    }

    /** {@code path} as the lock writes it: relative to the lock's folder, with forward slashes. */
    private static String relative(Path lockFolder, Path path) {
        String relative = lockFolder.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return relative.isEmpty() ? "." : relative.startsWith(".") ? relative : "./" + relative;
    }

    /** A Requires-Python that does not parse is left out of the lock, as the resolver ignores it. */
    private static Optional<SpecifierSet> requiresPython(CandidateMetadata metadata) {
        try {
            return metadata.requiresPython().filter(s -> !s.isBlank()).map(SpecifierSet::parse);
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    /** A file as the lock writes it. */
    private record Described(Optional<String> name, String url, Optional<Temporal> uploadTime, Optional<Long> size,
            Map<String, String> hashes) {}

    /**
     * The file's URL, upload time, size and hashes (sorted by algorithm, so the text does not
     * depend on map order). A file the index gives no hash for is downloaded and hashed: a
     * lock without hashes could not be verified.
     */
    private static Described describe(Finder finder, FoundCandidate candidate, DistributionFile file)
            throws IOException {
        Map<String, String> hashes = new TreeMap<>(file.hashes());
        Optional<Long> size = file.size();
        if (hashes.isEmpty()) {
            Digests digests = Digests.of(finder.download(new FoundCandidate(candidate.project(), candidate.version(),
                    file, candidate.origin(), candidate.direct()), DownloadListener.NONE));
            hashes.put("sha256", digests.sha256());
            size = Optional.of(digests.size());
        }
        String url = file.url().toString();
        String last = url.substring(url.lastIndexOf('/') + 1);
        Optional<String> name = last.equals(file.filename()) ? Optional.empty() : Optional.of(file.filename());
        return new Described(name, url, file.uploadTime().map(t -> t.atOffset(ZoneOffset.UTC)), size, hashes);
    }
}
