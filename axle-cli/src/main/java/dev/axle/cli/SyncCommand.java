package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.env.PythonInterpreter;
import dev.axle.index.FindLinks;
import dev.axle.index.IndexOptions;
import dev.axle.installer.DirectUrl;
import dev.axle.installer.Installer;
import dev.axle.installer.Installer.WheelSource;
import dev.axle.installer.cache.UnpackAhead;
import dev.axle.installer.cache.WheelCache;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.lock.Pylock;
import dev.axle.lock.PylockSelectException;
import dev.axle.lock.SelectedPackage;
import dev.axle.pep.ProjectName;
import dev.axle.resolver.requirements.ParsedRequirements;
import dev.axle.sync.LockedFiles;
import dev.axle.sync.LockedWheel;
import dev.axle.sync.LockedWheels;
import dev.axle.sync.SyncPlan;
import dev.axle.resolver.python.CandidateUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle sync}: make an environment match a PEP 751 lock file exactly, all or nothing. */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Make a Python environment match a lock file (PEP 751 pylock.toml): install what is missing,"
                + " replace what differs, remove what the lock does not list. Every file's hashes are checked before"
                + " anything changes, and the whole change is one transaction.")
final class SyncCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PYLOCK", description = "The lock file (default: pylock.toml here)")
    Path lock = Path.of("pylock.toml");

    @Option(names = "--extra", paramLabel = "EXTRA", description = "Install the entries of this extra of the lock; repeat for more")
    List<String> extras = new ArrayList<>();

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Install this dependency group of the lock (instead of its default groups); repeat for more")
    List<String> groups = new ArrayList<>();

    @Option(names = "--inexact", description = "Keep installed packages the lock does not list")
    boolean inexact;

    @Option(names = "--dry-run", description = "Show what would change, change nothing")
    boolean dryRun;

    @Option(names = "--no-build", description = "Never build: refuse a lock that selects sdists or project folders")
    boolean noBuild;

    @Mixin
    IndexArguments index;

    @Mixin
    InstallingOptions installing;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        Path lockFile = session.cwd.resolve(lock).normalize();
        // Parsing the lock (tomlj) and finding the environment's interpreter each take tens of
        // milliseconds of a warm sync: side by side.
        FutureTask<Pylock> reading = new FutureTask<>(() -> LockFiles.read(lockFile));
        Thread.ofVirtual().start(reading);
        Path lockFolder = lockFile.getParent();
        Environment environment = session.environment(where);
        Pylock pylock = LockFiles.await(reading);
        List<LockedWheel> wheels = LockedWheels.of(select(pylock, lockFile, environment.interpreter()), !noBuild);
        SyncPlan plan = SyncPlan.of(wheels, Reading.readOwn(session, environment), lockFolder, !inexact);
        List<String> missing = plan.toInstall().stream().filter(w -> w.kind().directory())
                .filter(w -> !Files.isDirectory(w.folder(lockFolder)))
                .map(w -> w.name() + ": " + w.path().orElseThrow() + " (no folder " + w.folder(lockFolder) + ")").toList();
        if (!missing.isEmpty()) {
            throw new UsageException((missing.size() == 1 ? "1 locked project folder is" : missing.size()
                    + " locked project folders are") + " not there; nothing was changed:\n  " + String.join("\n  ", missing));
        }

        ParsedRequirements none = new ParsedRequirements(List.of(), List.of(), List.of());
        IndexOptions options = index.options(none, session.env, session.cwd, session.cache.root());
        List<FindLinks> findLinks = index.findLinks(none, session.env, session.cwd).stream()
                .map(u -> FindLinks.of(u, options)).toList();
        boolean lockUrls = !index.indexes(none, session.env, session.cwd).isEmpty();
        ProgressBar progress = session.progress(output);
        try (LockedFiles files = new LockedFiles(new LockedFiles.Sources(lockFolder,
                session.cache.root().resolve("downloads-v1"), findLinks, lockUrls, options))) {
            if (dryRun) {
                if (!output.quiet) {
                    print(session, plan, plan.remove(), true, start);
                }
                files.checkAvailable(fetched(plan));
                return 0;
            }
            environment.checkInstallAllowed(installing.breakSystemPackages);
            WheelCache cache = new WheelCache(session.cache.root().resolve("wheels-v1"));
            List<LockedWheel> fetching = fetched(plan);
            List<Path> fetched;
            // Each wheel goes into the cache as it arrives (a second JVM once they come to enough
            // bytes): the environment is not touched until every file is there and verified.
            try (UnpackAhead ahead = new UnpackAhead(cache, session.unpackProcess(), UnpackAhead.Listener.QUIET)) {
                fetched = files.fetch(fetching, progress, ahead::offer);
                ahead.finish();
            }
            Set<ProjectName> requested = LockedWheels.requested(wheels);
            List<WheelSource> sources = new ArrayList<>();
            try (SourceBuilds builds = plan.toInstall().stream().anyMatch(w -> w.kind() != LockedWheel.Kind.WHEEL)
                    ? new SourceBuilds(session, environment.interpreter(), index.forwarded(session.cwd),
                            environment.interpreter().supportedTags().tags().getFirst().toString(),
                            SourceBuilds.listener(progress)) : null) {
                int next = 0; // fetched holds the files of the entries that are no folders, in order
                for (LockedWheel w : plan.toInstall()) {
                    sources.add(source(w, w.kind().directory() ? null : fetched.get(next++), builds, lockFolder,
                            requested.contains(w.name())));
                }
                return install(session, environment, cache, sources, plan, progress, start);
            }
        } finally {
            findLinks.forEach(FindLinks::close);
        }
    }

    /** What the plan installs that is fetched (wheels and sdists, not project folders). */
    private static List<LockedWheel> fetched(SyncPlan plan) {
        return plan.toInstall().stream().filter(w -> !w.kind().directory()).toList();
    }

    /** The wheel to install for {@code w}: the fetched one, else built from its sdist or folder. */
    private static WheelSource source(LockedWheel w, Path fetched, SourceBuilds builds, Path lockFolder,
            boolean requested) throws IOException {
        try {
            return switch (w.kind()) {
                case WHEEL -> new WheelSource(fetched, requested, w.direct()
                        ? Optional.of(DirectUrl.archive(w.origin(lockFolder), Optional.empty())) : Optional.empty());
                case SDIST -> new WheelSource(builds.wheel(fetched), requested, w.direct()
                        ? Optional.of(DirectUrl.archive(w.origin(lockFolder), Optional.of(builds.sha256(fetched))))
                        : Optional.empty());
                case DIRECTORY, EDITABLE -> {
                    Path folder = w.folder(lockFolder);
                    boolean editable = w.kind() == LockedWheel.Kind.EDITABLE;
                    if (editable) {
                        builds.edit(folder);
                    }
                    yield new WheelSource(builds.wheel(folder), requested,
                            Optional.of(DirectUrl.directory(folder, editable)));
                }
            };
        } catch (CandidateUnavailableException e) {
            throw new UsageException(e.getMessage() + "\nnothing was changed");
        }
    }


    private int install(Session session, Environment environment, WheelCache cache, List<WheelSource> sources,
            SyncPlan plan, ProgressBar progress, long start) throws IOException {
        Files.createDirectories(environment.root());
        // The lock is a whole resolution: what it pins is installed as pinned, the same version
        // again when its origin differs, with no dependency check of its own.
        Installer installer = new Installer(environment, cache,
                new Installer.Options(true, true, false, installing.compile, installing.linkMode(session.env)),
                progress, session.unpackProcess());
        Installer.Outcome outcome = installer.install(sources,
                plan.remove().stream().map(InstalledDistribution::name).toList());
        progress.clear();
        if (!output.quiet) {
            print(session, plan, outcome.removed(), false, start);
        }
        return 0;
    }

    /** The lock's selection for the interpreter, with the extras and groups asked for. */
    private List<SelectedPackage> select(Pylock pylock, Path lockFile, PythonInterpreter python) {
        LockFiles.checkCovers(pylock, lockFile, extras, groups);
        try {
            return pylock.select(python.markerEnvironment(), python.supportedTags().tags(),
                    extras.stream().map(SyncCommand::normalized).toList(),
                    groups.isEmpty() ? Optional.empty() : Optional.of(groups), name -> false);
        } catch (PylockSelectException e) {
            throw new UsageException(lockFile + " does not fit " + python.executable() + " (Python " + python.version()
                    + "): " + e.getMessage());
        }
    }

    private static String normalized(String extra) {
        return ProjectName.isValid(extra) ? ProjectName.parse(extra).toString() : extra;
    }

    /** The plan as the install command shows its changes: {@code - name==old} before {@code + name==new}, by name. */
    private void print(Session session, SyncPlan plan, List<InstalledDistribution> removed, boolean wouldBe, long start) {
        TreeMap<String, List<String>> lines = new TreeMap<>();
        int changed = 0;
        for (SyncPlan.Step step : plan.steps()) {
            if (step.action() == SyncPlan.Action.KEEP) {
                continue;
            }
            changed++;
            List<String> of = lines.computeIfAbsent(step.wheel().name().toString(), k -> new ArrayList<>());
            step.installed().ifPresent(d -> of.add(" - " + d.displayName() + "==" + d.versionText()));
            of.add(" + " + step.wheel());
        }
        for (InstalledDistribution d : removed) {
            changed++;
            lines.computeIfAbsent(d.name().toString(), k -> new ArrayList<>())
                    .add(" - " + d.displayName() + "==" + d.versionText());
        }
        if (changed == 0) {
            session.out.println("Nothing to change: the environment matches the lock ("
                    + (plan.steps().size() == 1 ? "1 package" : plan.steps().size() + " packages") + ")");
            return;
        }
        String what = changed == 1 ? "1 package" : changed + " packages";
        session.out.println(wouldBe ? "Would change " + what
                : "Synced " + what + " in " + Durations.format(System.nanoTime() - start));
        lines.values().forEach(l -> l.forEach(session.out::println));
    }
}
