package dev.axle.finder;

import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadCache;
import dev.axle.index.DownloadListener;
import dev.axle.index.FindLinks;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.ProjectPage;
import dev.axle.pep.InvalidSdistFilenameException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Requirement;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import dev.axle.resolver.python.Candidate;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.PackageSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configured indexes as one {@link PackageSource}. For each version of a project it offers
 * the one file the target would install: the compatible wheel with the most preferred tags,
 * else the sdist; files whose Requires-Python excludes the target, and wheels for other
 * platforms, are not offered. Metadata comes from the index's metadata file (PEP 658) when it
 * has one, else from the wheel (HTTP range requests, or the local file), and is kept by hash.
 *
 * <p>Work is done ahead on a pool of {@link FinderOptions#parallelism()} threads: the metadata
 * the resolver will probably need next ({@link #prefetch}), and the project pages of each
 * fetched metadata's dependencies. Results are kept for the life of the finder; close it to
 * stop the pool.
 */
public final class Finder implements PackageSource, AutoCloseable {
    private final List<Index> indexes;
    private final List<FindLinks> findLinks;
    private CompletableFuture<List<Map.Entry<FindLinks, DistributionFile>>> linked;
    private final FinderOptions options;
    /** The target's markers with no extra, made once (evaluation caches what it derives from it). */
    private final MarkerEnvironment noExtra;
    private final IndexOptions indexOptions;
    private final ExecutorService pool;
    private final Map<ProjectName, CompletableFuture<List<Candidate>>> pages = new ConcurrentHashMap<>();
    private final Map<URI, CompletableFuture<Read>> metadata = new ConcurrentHashMap<>();

    /** A candidate's core metadata as read, and the resolver's view of it. */
    private record Read(RawMetadata raw, CandidateMetadata parsed) {}
    private final Map<URI, CompletableFuture<Path>> downloads = new ConcurrentHashMap<>();
    private final Map<URI, Index> directOrigins = new ConcurrentHashMap<>();
    /** Per project, every file of it the pages and find-links list, by version: for {@link #files}. */
    private final Map<ProjectName, List<Listed>> listed = new ConcurrentHashMap<>();

    /** A file of a project's page (or find-links), with its version and where it came from. */
    private record Listed(Version version, DistributionFile file, FileOrigin origin) {}
    /** Per project, files seen but not offered: for {@link #whyNone}. */
    private final Map<ProjectName, List<String>> skipped = new ConcurrentHashMap<>();
    /** Rank offsets of {@link #consider}: above every tag's place, an sdist; above all, a yanked file. */
    private static final long SDIST = 1L << 32;
    /** A wheel for another platform (universal resolutions only): after the target's wheels, before the sdist. */
    private static final int OTHER_PLATFORM = Integer.MAX_VALUE;
    private static final long YANKED = 1L << 33;

    /**
     * A finder over {@code indexes}, in order of precedence, and the files of {@code findLinks}
     * (always merged in, as pip does, and preferred to an index's file of the same rank);
     * {@code indexOptions} serve the origins of direct references.
     */
    public Finder(List<Index> indexes, List<FindLinks> findLinks, IndexOptions indexOptions, FinderOptions options) {
        this.indexes = List.copyOf(indexes);
        this.findLinks = List.copyOf(findLinks);
        this.options = options;
        this.noExtra = options.target().markers().with("extra", "");
        this.indexOptions = indexOptions;
        this.pool = Executors.newFixedThreadPool(options.parallelism(), Thread.ofPlatform().daemon().name("axle-fetch-", 0).factory());
    }

    @Override
    public List<Candidate> candidates(ProjectName project) throws IOException {
        try {
            return awaitRetrying(pages, project, () -> page(project));
        } catch (CandidateUnavailableException e) {
            throw new IllegalStateException(e); // a page is never unavailable, only unreachable
        }
    }

    /**
     * The project's candidates, fetched once. As soon as a page is read, the metadata of its
     * newest final version is fetched too (the resolver usually takes it), which fetches the
     * pages of its dependencies, and so on: the likely part of the graph is crawled in
     * parallel ahead of the solver, which works one package at a time.
     */
    private CompletableFuture<List<Candidate>> page(ProjectName project) {
        return pages.computeIfAbsent(project, p -> async(() -> {
            List<Candidate> found = find(p);
            found.stream().filter(c -> !c.version().isPrerelease() && !c.yanked())
                    .max(Comparator.comparing(Candidate::version))
                    .ifPresent(newest -> metadataOf((FoundCandidate) newest));
            return found;
        }));
    }

    private List<Candidate> find(ProjectName project) throws IOException {
        Map<Version, FoundCandidate> best = new LinkedHashMap<>();
        Map<Version, Long> ranks = new LinkedHashMap<>();
        List<Listed> all = new ArrayList<>();
        for (Map.Entry<FindLinks, DistributionFile> link : linkedFiles()) {
            if (FindLinks.projectName(link.getValue().filename()).filter(project::equals).isPresent()) {
                consider(project, link.getValue(), new FileOrigin.OfLinks(link.getKey()), best, ranks, all);
            }
        }
        for (Index index : indexes) {
            Optional<ProjectPage> page = index.projectPage(project);
            if (page.isEmpty()) {
                continue;
            }
            FileOrigin origin = new FileOrigin.OfIndex(index);
            for (DistributionFile file : page.get().files()) {
                consider(project, file, origin, best, ranks, all);
            }
            if (options.strategy() == IndexStrategy.FIRST_INDEX) {
                break;
            }
        }
        listed.put(project, List.copyOf(all));
        return List.copyOf(best.values());
    }

    /**
     * Keeps {@code file} if it is the best so far for its version: a wheel the target supports
     * over an sdist, better tags over worse, a file not yanked over a yanked one, the first index
     * over later ones. Every file of the project goes to {@code all}, offered or not, but those
     * the options leave out ({@link FinderOptions#excluding}: a lock records none of them).
     */
    private void consider(ProjectName project, DistributionFile file, FileOrigin origin, Map<Version, FoundCandidate> best,
            Map<Version, Long> ranks, List<Listed> all) {
        String filename = file.filename();
        Version version;
        // Lower is better: not yanked, then a wheel (by its best tag's place) before the sdist.
        long rank = file.yanked().yanked() ? YANKED : 0;
        try {
            if (filename.endsWith(".whl")) {
                WheelFilename wheel = WheelFilename.parse(filename);
                OptionalInt r = options.tags().bestRank(wheel.tags());
                if (!wheel.name().equals(project.toString()) || excluded(project, filename, true)) {
                    return;
                }
                all.add(new Listed(wheel.version(), file, origin));
                if (r.isEmpty() && !options.anyPlatform()) {
                    skip(project, filename);
                    return;
                }
                version = wheel.version();
                rank += r.orElse(OTHER_PLATFORM);
            } else {
                SdistFilename sdist = SdistFilename.parse(filename);
                if (!sdist.name().equals(project.toString()) || excluded(project, filename, false)) {
                    return;
                }
                version = sdist.version();
                all.add(new Listed(version, file, origin));
                rank += SDIST;
            }
        } catch (InvalidWheelFilenameException | InvalidSdistFilenameException e) {
            return;
        }
        if (!options.target().allows(file.requiresPython())) {
            skip(project, filename + " (Requires-Python " + file.requiresPython().get() + ")");
            return;
        }
        Long held = ranks.get(version);
        if (held == null || rank < held) {
            ranks.put(version, rank);
            best.put(version, new FoundCandidate(project, version, file, origin, false));
        }
    }

    /** Whether an option leaves the file out (--no-binary, --only-binary, --no-build): skipped, saying which. */
    private boolean excluded(ProjectName project, String filename, boolean wheel) {
        Optional<String> option = options.excluding(project, wheel);
        option.ifPresent(o -> skip(project, filename + " (" + o + ")"));
        return option.isPresent();
    }

    private void skip(ProjectName project, String file) {
        skipped.computeIfAbsent(project, k -> new CopyOnWriteArrayList<>()).add(file);
    }

    /** Every find-links location's files, listed once (on the pool, with the first page). */
    private List<Map.Entry<FindLinks, DistributionFile>> linkedFiles() throws IOException {
        synchronized (this) {
            if (linked == null) {
                linked = async(() -> {
                    List<Map.Entry<FindLinks, DistributionFile>> all = new ArrayList<>();
                    for (FindLinks links : findLinks) {
                        links.files().forEach(f -> all.add(Map.entry(links, f)));
                    }
                    return all;
                });
            }
        }
        return awaitIo(linked);
    }

    /**
     * Every file of the candidate's version where the candidate was found, in the order its
     * page lists them: the wheels for every platform and Python, and the sdist, as a lock file
     * records them. Yanked files are left out unless the candidate's own file is yanked; a
     * direct reference has only its own file. The page is the one the candidate came from
     * (read once per finder), so the files agree with the resolution.
     */
    public List<DistributionFile> files(FoundCandidate candidate) throws IOException {
        if (candidate.direct()) {
            return List.of(candidate.file());
        }
        candidates(candidate.project());
        boolean yanked = candidate.yanked();
        return listed.getOrDefault(candidate.project(), List.of()).stream()
                .filter(l -> l.version().equals(candidate.version()) && l.origin().equals(candidate.origin()))
                .map(Listed::file)
                .filter(f -> yanked || !f.yanked().yanked())
                .toList();
    }

    @Override
    public Optional<String> whyNone(ProjectName project) {
        List<String> files = skipped.getOrDefault(project, List.of());
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String has = project + " has " + files.size() + (files.size() == 1 ? " file" : " files");
        String target = "this target (Python " + options.target().python() + ", best tag "
                + options.tags().tags().getFirst() + ")";
        List<String> byOption = files.stream().filter(f -> f.matches(".* \\(--[a-z-]+\\)")).toList();
        if (byOption.isEmpty()) {
            return Optional.of(has + " but none for " + target + ", such as " + files.getFirst()
                    + "; resolve for another target with --python-version/--platform, or use an interpreter it supports");
        }
        int rest = files.size() - byOption.size();
        String others = rest == 0 ? "" : (rest == 1 ? "; the other is" : "; the other " + rest + " are") + " not for "
                + target + ", such as " + files.stream().filter(f -> !byOption.contains(f)).findFirst().orElseThrow();
        return Optional.of(has + " but none it may use: " + String.join(", ", byOption.subList(0, Math.min(3, byOption.size())))
                + (byOption.size() > 3 ? " and " + (byOption.size() - 3) + " more" : "") + others);
    }

    @Override
    public CandidateMetadata metadata(Candidate candidate) throws IOException, CandidateUnavailableException {
        return read((FoundCandidate) candidate).parsed();
    }

    /** The candidate's core metadata, all of it (for reports), read once. */
    public RawMetadata rawMetadata(FoundCandidate candidate) throws IOException, CandidateUnavailableException {
        return read(candidate).raw();
    }

    private Read read(FoundCandidate candidate) throws IOException, CandidateUnavailableException {
        return awaitRetrying(metadata, candidate.file().url(), () -> metadataOf(candidate));
    }

    @Override
    public void prefetch(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            metadataOf((FoundCandidate) c);
        }
    }

    /**
     * Builds what an sdist's metadata needs building for: PEP 517's
     * prepare_metadata_for_build_wheel, or a wheel's METADATA.
     */
    @FunctionalInterface
    public interface SourceBuilds {
        /** The METADATA of the wheel {@code source} (an sdist, or a project folder) builds into. */
        byte[] metadata(Path source) throws IOException, CandidateUnavailableException;
    }

    /** Null: an sdist is a candidate only with static metadata from the index (PEP 643). */
    private volatile SourceBuilds builds;

    /** Lets sdists without static metadata be candidates, their metadata from {@code builds}. */
    public void buildSdistsWith(SourceBuilds builds) {
        this.builds = builds;
    }

    private CompletableFuture<Read> metadataOf(FoundCandidate candidate) {
        return metadata.computeIfAbsent(candidate.file().url(), u -> async(() -> {
            SourceBuilds building = builds;
            RawMetadata raw;
            CandidateMetadata read;
            if (!candidate.wheel() && building != null) {
                // Static metadata from the index if it has usable metadata; else the built one.
                Optional<CandidateMetadata> known = Optional.empty();
                raw = null;
                if (candidate.file().coreMetadata().available()) {
                    try {
                        raw = RawMetadata.parseEmail(metadataBytes(candidate));
                        known = Optional.of(CoreMetadataReader.read(raw, candidate));
                    } catch (CandidateUnavailableException dynamic) {
                        known = Optional.empty();
                    }
                }
                if (known.isEmpty()) {
                    raw = RawMetadata.parseEmail(building.metadata(fetch(candidate, DownloadListener.NONE)));
                    known = Optional.of(CoreMetadataReader.read(raw, candidate, true));
                }
                read = known.get();
            } else {
                raw = RawMetadata.parseEmail(metadataBytes(candidate));
                read = CoreMetadataReader.read(raw, candidate);
            }
            for (Requirement r : read.requiresDist()) {
                if (r.url().isEmpty() && (r.marker().isEmpty() || r.marker().get().evaluate(noExtra))) {
                    page(ProjectName.parse(r.name()));
                }
            }
            return new Read(raw, read);
        }));
    }

    /**
     * The candidate's core metadata file. Metadata files are immutable and named by hash, so
     * they are kept by it: by the sha256 the page gives for the metadata file, or (read from
     * the wheel) by the wheel's sha256. A kept file was verified against that hash when it was
     * stored and is used without asking the index again, fresh page or not.
     */
    private byte[] metadataBytes(FoundCandidate candidate) throws IOException, CandidateUnavailableException {
        DistributionFile file = candidate.file();
        String metadataSha = file.coreMetadata().available() ? file.coreMetadata().hashes().get("sha256") : null;
        String wheelSha = file.hashes().get("sha256");
        Optional<Path> kept = metadataSha != null ? Optional.of(keptMetadata(metadataSha))
                : candidate.wheel() && wheelSha != null && !file.coreMetadata().available()
                        ? Optional.of(keptMetadata("wheel-" + wheelSha)) : Optional.empty();
        if (kept.isPresent() && Files.isRegularFile(kept.get())) {
            return Files.readAllBytes(kept.get());
        }
        byte[] bytes;
        Optional<byte[]> fromIndex = candidate.origin().coreMetadata(file);
        if (fromIndex.isPresent()) {
            bytes = fromIndex.get();
        } else if (!candidate.wheel()) {
            throw new CandidateUnavailableException(CoreMetadataReader.sdistOnly(candidate)
                    + "; the index gives no static metadata for it (PEP 643), and building is off (--no-build)");
        } else {
            bytes = candidate.origin().wheelMetadata(file);
        }
        if (kept.isPresent() && !"file".equalsIgnoreCase(file.url().getScheme())) {
            keep(kept.get(), bytes);
        }
        return bytes;
    }

    private Path keptMetadata(String key) {
        String name = key.startsWith("wheel-") ? key.substring(6) : key;
        return options.downloads().resolveSibling("metadata-v1").resolve(name.substring(0, 2)).resolve(key);
    }

    /** Stores a metadata file whole or not at all; a cache that cannot be written is no failure. */
    private static void keep(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // The next run reads it from the index again.
        }
    }

    @Override
    public Candidate direct(Requirement requirement) throws IOException, CandidateUnavailableException {
        String reference = requirement.url().orElseThrow();
        URI url;
        try {
            url = URI.create(reference);
        } catch (IllegalArgumentException e) {
            throw new CandidateUnavailableException("its URL is not valid: " + reference);
        }
        String raw = url.getRawPath() == null ? "" : url.getRawPath();
        String filename = java.net.URLDecoder.decode(raw.substring(raw.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        Map<String, String> hashes = new LinkedHashMap<>();
        String fragment = url.getFragment();
        if (fragment != null && fragment.contains("=")) {
            hashes.put(fragment.substring(0, fragment.indexOf('=')), fragment.substring(fragment.indexOf('=') + 1));
        }
        URI location = URI.create(url.getScheme() + ":" + url.getRawSchemeSpecificPart());
        ProjectName project = ProjectName.parse(requirement.name());
        boolean local = "file".equalsIgnoreCase(location.getScheme());
        if (local && Files.isDirectory(Path.of(location))) {
            return projectFolder(requirement, project, Path.of(location));
        }
        Version version;
        if (filename.endsWith(".whl")) {
            WheelFilename wheel;
            try {
                wheel = WheelFilename.parse(filename);
            } catch (InvalidWheelFilenameException e) {
                throw new CandidateUnavailableException(filename + " is not a valid wheel filename");
            }
            if (!wheel.name().equals(project.toString())) {
                throw new CandidateUnavailableException(reference + " is a wheel of " + wheel.name() + ", not of " + project);
            }
            version = wheel.version();
        } else {
            SdistFilename sdist;
            try {
                sdist = SdistFilename.parse(filename);
            } catch (InvalidSdistFilenameException e) {
                throw new CandidateUnavailableException(requirement.name() + " @ " + reference
                        + " names neither a wheel, nor a source distribution (name-version.tar.gz or .zip), nor a project folder");
            }
            if (!sdist.name().equals(project.toString())) {
                throw new CandidateUnavailableException(reference + " is an sdist of " + sdist.name() + ", not of " + project);
            }
            if (builds == null) {
                throw new CandidateUnavailableException(requirement.name() + " @ " + reference
                        + " is a source distribution, and building is off (--no-build)");
            }
            version = sdist.version();
        }
        if (local && !Files.isRegularFile(Path.of(location))) {
            throw new CandidateUnavailableException(Path.of(location) + ": no such file");
        }
        URI parent = location.resolve(".");
        Index origin = directOrigins.computeIfAbsent(parent, p -> Index.of(p, indexOptions));
        return new FoundCandidate(project, version, DistributionFile.of(filename, location, hashes),
                new FileOrigin.OfIndex(origin), true);
    }

    /**
     * The candidate a project folder ({@code name @ file:///path/to/project}) builds: its
     * version is known only from its metadata, which is prepared now (by the backend's PEP 517
     * or PEP 660 hook, see {@link SourceBuilds}).
     */
    private Candidate projectFolder(Requirement requirement, ProjectName project, Path folder)
            throws IOException, CandidateUnavailableException {
        SourceBuilds building = builds;
        if (building == null) {
            throw new CandidateUnavailableException(requirement.name() + " @ " + folder
                    + " is a project folder, and building is off (--no-build)");
        }
        RawMetadata raw = RawMetadata.parseEmail(building.metadata(folder));
        String name = raw.string(MetadataField.NAME).orElse("");
        Optional<Version> version = raw.string(MetadataField.VERSION).flatMap(Version::tryParse);
        if (!ProjectName.isValid(name) || !ProjectName.parse(name).equals(project) || version.isEmpty()) {
            throw new CandidateUnavailableException(folder + " is the project " + name + " "
                    + raw.string(MetadataField.VERSION).orElse("(no version)") + ", not " + project);
        }
        URI parent = folder.getParent() == null ? folder.toUri() : folder.getParent().toUri();
        Index origin = directOrigins.computeIfAbsent(parent, p -> Index.of(p, indexOptions));
        return new FoundCandidate(project, version.get(), DistributionFile.of(folder.getFileName() == null ? "/"
                : folder.getFileName().toString(), folder.toUri(), Map.of()), new FileOrigin.OfIndex(origin), true);
    }

    /**
     * The candidate's file on disk: a {@code file:} URL's own file, else a download kept in the
     * cache under its sha256 (or its URL's, when the index gives no sha256), verified against
     * the index's hashes on the way. Downloads of one file at once share one transfer.
     */
    public Path download(FoundCandidate candidate, DownloadListener listener) throws IOException {
        return downloadAll(List.of(candidate), listener).getFirst();
    }

    /** Downloads all of {@code candidates} in parallel; their files, in the same order. */
    public List<Path> downloadAll(List<FoundCandidate> candidates, DownloadListener listener) throws IOException {
        return downloadAll(candidates, listener, file -> {});
    }

    /**
     * Downloads all of {@code candidates} in parallel, handing each file to {@code each} (on
     * a thread of the finder's pool) as soon as it is complete, so that work on it can start
     * while the others download; answers the files in the order of {@code candidates}.
     */
    public List<Path> downloadAll(List<FoundCandidate> candidates, DownloadListener listener, Consumer<Path> each)
            throws IOException {
        List<CompletableFuture<Path>> started = candidates.stream()
                .map(c -> downloads.computeIfAbsent(c.file().url(), u -> async(() -> fetch(c, listener))))
                .map(f -> f.thenApply(file -> {
                    each.accept(file);
                    return file;
                }))
                .toList();
        List<Path> out = new ArrayList<>();
        for (CompletableFuture<Path> f : started) {
            out.add(awaitIo(f));
        }
        return out;
    }

    private Path fetch(FoundCandidate candidate, DownloadListener listener) throws IOException {
        DistributionFile file = candidate.file();
        if ("file".equalsIgnoreCase(file.url().getScheme())) {
            Path local = Path.of(file.url());
            if (!Files.isRegularFile(local) && !(candidate.direct() && Files.isDirectory(local))) {
                throw new IOException("no such file: " + local);
            }
            return local;
        }
        Path target = new DownloadCache(options.downloads())
                .file(Optional.ofNullable(file.hashes().get("sha256")), file.url().toString(), file.filename());
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        candidate.origin().download(file, target, listener);
        return target;
    }

    /** Work for the pool that may fail as the finder's methods do. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws IOException, CandidateUnavailableException;
    }

    private <T> CompletableFuture<T> async(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException | CandidateUnavailableException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    /**
     * Waits for the work {@code start} begins or finds begun under {@code key}. Work started
     * ahead (maybe for nothing) that failed with an IOException gets a second, own try now that
     * the resolver needs its result, before the failure stands.
     */
    private static <K, T> T awaitRetrying(Map<K, CompletableFuture<T>> work, K key,
            Supplier<CompletableFuture<T>> start) throws IOException, CandidateUnavailableException {
        CompletableFuture<T> started = start.get();
        try {
            return await(started);
        } catch (IOException e) {
            work.remove(key, started);
            return await(start.get());
        }
    }

    /** Waits for {@code future}, rethrowing what it failed with. */
    private static <T> T await(CompletableFuture<T> future) throws IOException, CandidateUnavailableException {
        try {
            return future.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case CandidateUnavailableException u -> throw u;
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** {@link #await} of work that cannot be unavailable (pages, file lists, downloads). */
    private static <T> T awaitIo(CompletableFuture<T> future) throws IOException {
        try {
            return await(future);
        } catch (CandidateUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        // Requests block without noticing the interrupt until their next read: let the ones under
        // way end (they stop there), so that nothing writes to the cache after close returns.
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        indexes.forEach(Index::close);
        findLinks.forEach(FindLinks::close);
        directOrigins.values().forEach(Index::close);
    }
}
