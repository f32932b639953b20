package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.installer.DirectUrl;
import dev.axle.installer.Installer;
import dev.axle.installer.Installer.Change;
import dev.axle.installer.Installer.WheelSource;
import dev.axle.installer.cache.UnpackAhead;
import dev.axle.installer.cache.WheelCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.axle.env.PythonInterpreter;
import dev.axle.finder.Finder;
import dev.axle.finder.FinderOptions;
import dev.axle.finder.FoundCandidate;
import dev.axle.finder.RequiredHashes;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code axle install}: requirements resolved against indexes, or wheel files, into an
 * environment, all or nothing.
 */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Install packages into a Python environment: requirements (names, wheel files, URLs)"
                + " resolved with their dependencies against the package indexes. Everything is installed, or"
                + " nothing is: a failure or Ctrl-C rolls the environment back.")
final class InstallCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "REQ",
            description = "Requirements (numpy>=2, 'requests[socks]', name @ URL) or wheel files")
    List<String> requirements = new ArrayList<>();

    @Option(names = {"-e", "--editable"}, paramLabel = "PATH",
            description = "Install the project in this folder in editable mode (PEP 660): its sources stay where"
                    + " they are, and changes to them take effect without installing again")
    List<String> editables = new ArrayList<>();

    @Mixin
    ResolutionArguments resolution;

    @Mixin
    IndexArguments index;

    @Mixin
    TargetArguments targetArguments;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write what is installed as pip's installation report (JSON, version 1); - for stdout")
    Path report;

    @Option(names = {"--reinstall", "--force-reinstall"}, description = "Install even what is installed at the same version")
    boolean reinstall;

    @Option(names = "--dry-run", description = "Show what would change, change nothing")
    boolean dryRun;

    @Option(names = "--no-build", description = "Never build source distributions: install wheels only (a project"
            + " --no-binary names then has nothing to install)")
    boolean noBuild;

    @Mixin
    InstallingOptions installing;

    @Mixin
    OutputOptions output;

    /** The builds of this install, if it builds: closed when it ends. */
    private Optional<SourceBuilds> builds = Optional.empty();

    @Override
    public Integer call() throws Exception {
        try {
            return install();
        } finally {
            builds.ifPresent(SourceBuilds::close);
        }
    }

    private int install() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        if (requirements.isEmpty() && editables.isEmpty() && resolution.requirements.isEmpty()) {
            throw new UsageException("nothing to install: name requirements, wheel files, project folders, -e PATH or -r FILE");
        }
        Environment environment = session.environment(where);
        ProgressBar progress = session.progress(output);
        WheelCache wheels = new WheelCache(session.cache.root().resolve("wheels-v1"));
        List<WheelSource> sources;
        boolean resolved = !onlyWheelFiles(session);
        if (resolved) {
            Optional<List<WheelSource>> found = resolve(session, environment, progress, wheels);
            if (found.isEmpty()) {
                return 1;
            }
            sources = found.get();
            if (dryRun) {
                return 0;
            }
        } else {
            sources = new ArrayList<>();
            for (String wheel : requirements) {
                sources.add(WheelSource.requested(session.cwd.resolve(wheel).normalize()));
            }
        }
        if (!dryRun) {
            environment.checkInstallAllowed(installing.breakSystemPackages);
            // pip makes a --target or --prefix folder that is not there yet; so does axle.
            Files.createDirectories(environment.root());
        }
        // After a resolution the resolver has checked the dependencies; the installer need not.
        Installer installer = new Installer(environment, wheels,
                new Installer.Options(resolution.noDeps || resolved, reinstall, dryRun, installing.compile,
                        installing.linkMode(session.env)), progress,
                session.unpackProcess());
        List<Change> changes = installer.install(sources);
        progress.clear();
        if (!output.quiet) {
            if (resolved && changes.isEmpty()) {
                session.out.println("Nothing to install: what the requirements need is installed already");
            } else {
                report(session, changes, System.nanoTime() - start);
            }
        }
        if (!dryRun && changes.stream().anyMatch(c -> c.kind() != Change.Kind.UNCHANGED)) {
            environment.scriptsFolderWarning(session.env.getOrDefault("PATH", ""),
                            Path.of(session.env.getOrDefault("HOME", System.getProperty("user.home"))))
                    .filter(w -> installedScripts(environment))
                    .ifPresent(w -> session.err.println("warning: " + w));
        }
        return 0;
    }

    /**
     * Whether this is the installer's own job: local wheel files only, no requirements files
     * and no index named. They are installed as given, their dependencies checked against
     * each other and the environment rather than resolved.
     */
    private boolean onlyWheelFiles(Session session) {
        if (!resolution.requirements.isEmpty() || !resolution.constraints.isEmpty() || !editables.isEmpty()
                || index.indexUrl != null
                || !index.extraIndexUrls.isEmpty() || !index.findLinks.isEmpty() || report != null) {
            return false;
        }
        for (String r : requirements) {
            if (!r.endsWith(".whl") || !Files.isRegularFile(session.cwd.resolve(r))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves the requirements and downloads what they need, building what has no wheel (the
     * wheels built from project folders live until {@code builds} closes); empty after
     * explaining a failure.
     */
    private Optional<List<WheelSource>> resolve(Session session, Environment environment, ProgressBar progress,
            WheelCache wheels) throws Exception {
        long start = System.nanoTime();
        PythonInterpreter python = environment.interpreter();
        // Builds only for the interpreter that runs them: not for another --python-version or --platform.
        Optional<SourceBuilds> builds = noBuild || targetArguments.given() ? Optional.empty()
                : Optional.of(new SourceBuilds(session, python, index.forwarded(session.cwd),
                        targetArguments.tags(python).tags().getFirst().toString(), SourceBuilds.listener(progress)));
        this.builds = builds;
        Resolving.Input input = Resolving.read(session, requirements, editables, resolution,
                builds.<Resolving.LocalProjects>map(b -> b).orElse(noBuild ? entry -> {
                    throw new UsageException(entry.origin() + ": " + entry + " must be built, and --no-build is given");
                } : Resolving.LocalProjects.NONE));
        Target target = targetArguments.target(python);
        InstalledDistributions installed = Reading.read(session, environment);
        ResolveOptions options = Resolving.options(target, input, resolution, false, installed, reinstall);
        try (Finder finder = Resolving.finder(session, input, index, target, targetArguments.tags(python),
                noBuild ? FinderOptions::withoutBuilds : UnaryOperator.identity())) {
            builds.ifPresent(finder::buildSdistsWith);
            return resolveWith(session, environment, progress, wheels, start, input, python, installed, options,
                    finder, builds);
        }
    }

    /** The resolution and downloads of {@link #resolve}, with its finder and source builds. */
    private Optional<List<WheelSource>> resolveWith(Session session, Environment environment, ProgressBar progress,
            WheelCache wheels, long start, Resolving.Input input, PythonInterpreter python, InstalledDistributions installed,
            ResolveOptions options, Finder finder, Optional<SourceBuilds> builds) throws Exception {
        Optional<Resolution> resolved = Resolving.resolve(session, finder, input, options);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Resolution result = resolved.get();
        if (!output.quiet) {
            session.err.println("Resolved " + (result.packages().size() == 1 ? "1 package"
                    : result.packages().size() + " packages") + " in " + Durations.format(System.nanoTime() - start));
            session.err.flush();
        }
        // What stays installed is an Installed candidate; the rest is found on the indexes.
        List<Resolution.Package> changing = result.packages().stream()
                .filter(p -> p.candidate() instanceof FoundCandidate).toList();
        List<FoundCandidate> fetch = changing.stream().map(p -> (FoundCandidate) p.candidate()).toList();

        if (report != null) {
            InstallationReport.write(report, session, python, result, finder);
        }
        if (dryRun) {
            if (!output.quiet) {
                printPlan(session, result, installed);
            }
            return Optional.of(List.of());
        }
        Optional<RequiredHashes> hashes = RequiredHashes.of(input.files().entries(),
                resolution.requireHashes || input.files().requireHashes());
        if (hashes.isPresent()) {
            refuse("hashes are required (--require-hashes, or a --hash on some requirement), but",
                    hashes.get().unchecked(fetch));
        }
        // Each sdist (or project folder) is built as soon as it is there, beside the other
        // downloads; not before the requirements' hashes are checked, when they give any.
        ExecutorService building = Executors.newFixedThreadPool(BUILDS, Thread.ofPlatform().daemon().name("axle-build-", 0)
                .factory());
        Map<Path, Future<Path>> built = new ConcurrentHashMap<>();
        Function<Path, Future<Path>> build = sdist -> built.computeIfAbsent(sdist,
                f -> building.submit(() -> builds.orElseThrow().wheel(f)));
        try {
            List<Path> files = download(session, finder, fetch, progress, wheels, hashes.isPresent() || builds.isEmpty()
                    ? file -> {} : file -> {
                        if (!file.getFileName().toString().endsWith(".whl")) {
                            build.apply(file);
                        }
                    });
            if (hashes.isPresent()) {
                refuse("these files do not match the hashes the requirements give; nothing was installed:",
                        hashes.get().mismatches(fetch, files));
            }
            List<Path> fetched = files;
            files = new ArrayList<>(files);
            for (int i = 0; i < files.size(); i++) {
                if (!fetch.get(i).wheel()) { // an sdist the resolver took: its wheel, built (or kept from before)
                    files.set(i, built(build.apply(files.get(i))));
                }
            }
            return Optional.of(sources(fetch, changing, fetched, files, builds));
        } finally {
            building.shutdownNow();
        }
    }

    /** How many sdists are built at once. */
    private static final int BUILDS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The wheel a build made, its failure as the command's error. */
    private static Path built(Future<Path> build) throws IOException {
        try {
            return build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while building");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CandidateUnavailableException unavailable -> throw new UsageException(unavailable.getMessage());
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** What the installer installs: each wheel, with where it came from when a direct reference named it. */
    private static List<WheelSource> sources(List<FoundCandidate> fetch, List<Resolution.Package> changing,
            List<Path> fetched, List<Path> files, Optional<SourceBuilds> builds) throws IOException {
        List<WheelSource> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FoundCandidate c = fetch.get(i);
            sources.add(new WheelSource(files.get(i), changing.get(i).requested(),
                    c.direct() ? Optional.of(directUrl(c, fetched.get(i), builds)) : Optional.empty()));
        }
        return sources;
    }

    /**
     * Where a direct reference's wheel came from (PEP 610): its project folder (editable or
     * not), else its archive (the wheel itself, whose sha256 the installer adds, or the sdist
     * it was built from).
     */
    private static DirectUrl directUrl(FoundCandidate candidate, Path file, Optional<SourceBuilds> builds)
            throws IOException {
        if (Files.isDirectory(file)) {
            return DirectUrl.directory(file.toAbsolutePath().normalize(), builds.orElseThrow().editable(file));
        }
        String url = InstallationReport.url(candidate.file().url().toString());
        return DirectUrl.archive(url, candidate.wheel() ? Optional.empty() : Optional.of(builds.orElseThrow().sha256(file)));
    }

    /**
     * Downloads the files, unpacking each into the cache as its download finishes (in the
     * unpack process, once they come to enough bytes), so that unpacking overlaps the
     * downloads instead of following them. What is not unpacked here the installer unpacks.
     */
    private List<Path> download(Session session, Finder finder, List<FoundCandidate> fetch, ProgressBar progress,
            WheelCache wheels, Consumer<Path> each) throws IOException {
        long start = System.nanoTime();
        UnpackAhead.Listener told = new UnpackAhead.Listener() {
            @Override
            public void started() {
                progress.detail("unpacking the wheels the cache lacks in a second JVM as they download");
            }

            @Override
            public void unpacked() {
                // the progress bar shows downloads meanwhile
            }
        };
        try (UnpackAhead ahead = new UnpackAhead(wheels, session.unpackProcess(), told)) {
            List<Path> files = finder.downloadAll(fetch, progress, file -> {
                ahead.offer(file);
                each.accept(file);
            });
            progress.detail("downloaded " + files.size() + (files.size() == 1 ? " file" : " files") + " in "
                    + Durations.format(System.nanoTime() - start));
            List<Path> unpacked = ahead.finish();
            if (!unpacked.isEmpty()) {
                progress.detail("unpacked " + unpacked.size() + (unpacked.size() == 1 ? " wheel" : " wheels") + " ("
                        + (ahead.bytesSent() >> 20) + " MB) into the cache in a second JVM, "
                        + Durations.format(System.nanoTime() - start) + " after the downloads began");
            }
            return files;
        }
    }

    private static void refuse(String why, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new UsageException(why + "\n  " + String.join("\n  ", problems));
        }
    }

    /** pip's {@code --dry-run} after a resolution: what would change, nothing downloaded. */
    private void printPlan(Session session, Resolution result, InstalledDistributions installed) {
        List<Resolution.Package> changing = result.packages().stream().filter(p -> !p.installed()).toList();
        session.out.println("Would install " + (changing.size() == 1 ? "1 package" : changing.size() + " packages"));
        for (Resolution.Package p : changing) {
            installed.get(p.project()).ifPresent(d -> session.out.println(" - " + d.displayName() + "==" + d.versionText()));
            session.out.println(" + " + p.project() + "==" + p.version());
        }
    }

    private void report(Session session, List<Change> changes, long nanos) {
        long changed = changes.stream().filter(c -> c.kind() != Change.Kind.UNCHANGED).count();
        String what = changed == 1 ? "1 package" : changed + " packages";
        session.out.println(dryRun ? "Would install " + what : "Installed " + what + " in " + Durations.format(nanos));
        for (Change c : changes) {
            switch (c.kind()) {
                case INSTALLED -> session.out.println(" + " + c.name() + "==" + c.version());
                case REPLACED -> {
                    session.out.println(" - " + c.name() + "==" + c.previous().orElse("?"));
                    session.out.println(" + " + c.name() + "==" + c.version());
                }
                case UNCHANGED -> session.out.println(" = " + c.name() + "==" + c.version()
                        + " (already installed; --reinstall to install it again)");
            }
        }
    }

    /** Whether the scripts folder has anything in it (pip warns only when it installed scripts). */
    private static boolean installedScripts(Environment environment) {
        try (var files = Files.list(environment.scheme().scripts())) {
            return files.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

}
