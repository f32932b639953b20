package dev.axle.installer;

import dev.axle.env.Environment;
import dev.axle.env.Scheme;
import dev.axle.installer.cache.LinkMode;
import dev.axle.installer.cache.Linker;
import dev.axle.installer.cache.UnpackListener;
import dev.axle.installer.cache.UnpackAhead;
import dev.axle.installer.cache.UnpackProcess;
import dev.axle.installer.cache.WheelCache;
import dev.axle.installer.compile.ByteCompiler;
import dev.axle.installer.compile.Compilation;
import dev.axle.installer.compile.CompileListener;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.installer.db.RemovalPlan;
import dev.axle.installer.db.RemovalPlanner;
import dev.axle.installer.tx.Transaction;
import dev.axle.installer.tx.TransactionListener;
import dev.axle.installer.wheel.FileAction;
import dev.axle.installer.wheel.InstallPlan;
import dev.axle.installer.wheel.PlanOptions;
import dev.axle.installer.wheel.Planner;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.pep.ProjectName;
import dev.axle.pep.tags.SupportedTags;
import dev.axle.pep.Version;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Installs wheel files into an environment, all or nothing.
 *
 * <p>The work runs in three steps. Wheels are unpacked into the cache (verified against their
 * RECORD on the way, in parallel, outside any transaction: the cache is not the
 * environment). Then everything that decides whether the install may go ahead is checked
 * before the environment is touched: platform tags, Requires-Python, dependencies among the
 * wheels and what is installed. Last, one {@link Transaction} removes the files of the
 * versions being replaced (and of the distributions a sync removes), links and writes the
 * new files, compiles them if asked, and writes each RECORD last; any failure, or Ctrl-C,
 * rolls all of it back.
 */
public final class Installer {
    /**
     * How to install.
     *
     * @param noDeps skip the check that every wheel's dependencies are installed or given
     * @param reinstall replace distributions even when the same version is installed
     * @param dryRun decide and report, change nothing
     * @param compile byte-compile the installed modules with the environment's interpreter
     * @param linkMode how files get from the cache into the environment
     */
    public record Options(boolean noDeps, boolean reinstall, boolean dryRun, boolean compile, LinkMode linkMode) {}

    /**
     * A wheel file to install.
     *
     * @param file the {@code .whl} file
     * @param requested whether the user named it (REQUESTED is written), rather than it
     *     being pulled in as a dependency
     * @param directUrl where it came from, recorded as {@code direct_url.json} (PEP 610): for
     *     what was named by path or URL, not for what was found by name in an index. An archive
     *     given without hashes is the wheel itself, and is recorded with the wheel's sha256. A
     *     directory (a project folder built for this install, editable or not) is installed
     *     again even at the version installed, since its files may have changed (as pip does).
     */
    public record WheelSource(Path file, boolean requested, Optional<DirectUrl> directUrl) {
        /** A wheel file the user named on the command line, recorded with its {@code file://} URL as pip does. */
        public static WheelSource requested(Path file) {
            return new WheelSource(file, true,
                    Optional.of(DirectUrl.archive(DirectUrl.fileUrl(file.toAbsolutePath().normalize()), Optional.empty())));
        }

        /** Whether it was built from a project folder. */
        boolean fromDirectory() {
            return directUrl.filter(d -> d.info() instanceof DirectUrl.DirInfo).isPresent();
        }
    }

    /** What happened to one distribution. */
    public record Change(Kind kind, String name, Version version, Optional<String> previous) {
        public enum Kind { INSTALLED, REPLACED, UNCHANGED }
    }

    private final Environment environment;
    private final WheelCache cache;
    private final Options options;
    private final InstallListener listener;
    private final Optional<UnpackProcess> unpackProcess;

    public Installer(Environment environment, WheelCache cache, Options options, InstallListener listener) {
        this(environment, cache, options, listener, Optional.empty());
    }

    /**
     * An installer that has wheels the cache lacks unpacked by {@code unpackProcess} when
     * they come to at least 8 MB (smaller amounts are unpacked here, where it costs less than
     * starting a JVM); see {@link UnpackProcess} for why.
     */
    public Installer(Environment environment, WheelCache cache, Options options, InstallListener listener,
            Optional<UnpackProcess> unpackProcess) {
        this.environment = environment;
        this.cache = cache;
        this.options = options;
        this.listener = listener;
        this.unpackProcess = unpackProcess;
    }

    /**
     * What an {@link #install(List, Collection)} did.
     *
     * @param changes what happened to each wheel's distribution, in the order given
     * @param removed the distributions removed (or, in a dry run, to be removed), in the order named
     */
    public record Outcome(List<Change> changes, List<InstalledDistribution> removed) {
        public Outcome {
            changes = List.copyOf(changes);
            removed = List.copyOf(removed);
        }
    }

    /** Installs the wheels and returns what changed, in the order given. */
    public List<Change> install(List<WheelSource> wheels) throws IOException {
        return install(wheels, List.of()).changes();
    }

    /**
     * Installs the wheels and removes the installed distributions named in {@code remove}, in
     * one transaction: a failure leaves the environment as it was, removals included (a sync
     * to a lock file is one such change). Names that are not installed are skipped.
     *
     * @throws InstallException if a name to remove is also the name of one of the wheels
     */
    public Outcome install(List<WheelSource> wheels, Collection<ProjectName> remove) throws IOException {
        TransactionListener txListener = TransactionReports.to(listener);
        Stopwatch clock = new Stopwatch(listener);
        Transaction.recover(environment.root(), txListener);
        // What is installed is read while the wheels are looked up: their plans need it.
        FutureTask<InstalledDistributions> installedTask =
                new FutureTask<>(() -> InstalledDistributions.read(environment.sitePackages()));
        Thread.ofPlatform().daemon(true).name("axle-installed").start(installedTask);
        List<Prepared> prepared = prepareAll(wheels, installedTask);
        List<UnpackedWheel> unpacked = prepared.stream().map(Prepared::wheel).toList();
        InstalledDistributions installed = Parallel.get(installedTask);
        clock.lap("unpacked, checked and planned " + unpacked.size() + " wheels and read " + installed.size()
                + " installed distributions");
        checkDistinct(unpacked);
        for (UnpackedWheel w : unpacked) {
            if (remove.contains(w.name())) {
                throw new InstallException(w.displayName() + " is both to be installed (" + w.filename()
                        + ") and to be removed; name it once");
            }
        }
        List<InstalledDistribution> extraneous = remove.stream().distinct().map(installed::get)
                .flatMap(Optional::stream).toList();

        List<Change> changes = new ArrayList<>();
        // By position, not in hash maps: an UnpackedWheel's hash would walk all its files.
        List<UnpackedWheel> toInstall = new ArrayList<>();
        List<InstallPlan> plans = new ArrayList<>();
        Map<ProjectName, InstalledDistribution> replaced = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            UnpackedWheel w = p.wheel();
            Optional<InstalledDistribution> old = installed.get(w.name());
            Optional<String> previous = old.map(InstalledDistribution::versionText);
            if (unchanged(w, p.source(), old)) {
                changes.add(new Change(Change.Kind.UNCHANGED, w.displayName(), w.version(), previous));
                continue;
            }
            // One the environment only sees (a venv's system site-packages) stays, shadowed, as pip leaves it.
            old = old.filter(this::inEnvironment);
            old.ifPresent(d -> replaced.put(w.name(), d));
            toInstall.add(w);
            p.plan().ifPresent(plans::add);
            changes.add(new Change(old.isPresent() ? Change.Kind.REPLACED : Change.Kind.INSTALLED, w.displayName(),
                    w.version(), old.map(InstalledDistribution::versionText)));
        }
        if (!options.noDeps()) {
            Set<ProjectName> going = new HashSet<>(replaced.keySet());
            extraneous.forEach(d -> going.add(d.name()));
            Dependencies.check(toInstall, installed, going, environment.interpreter().markerEnvironment());
        }
        Outcome outcome = new Outcome(changes, extraneous);
        if (options.dryRun() || (toInstall.isEmpty() && extraneous.isEmpty())) {
            return outcome;
        }
        checkNoSharedFiles(plans);

        List<RemovalPlan> removals = new ArrayList<>();
        if (!replaced.isEmpty() || !extraneous.isEmpty()) {
            RemovalPlanner planner = RemovalPlanner.of(installed, environment.root(), schemeRoots(environment))
                    .withScriptsDirectory(environment.scheme().scripts());
            // Files one of them shares with another that goes too go as well.
            Set<InstalledDistribution> removing = new LinkedHashSet<>(replaced.values());
            removing.addAll(extraneous);
            for (InstalledDistribution old : removing) {
                removals.add(planner.plan(old, removing));
            }
        }

        clock.lap("planned " + plans.size() + " installs and " + removals.size() + " removals");
        try (Transaction tx = Transaction.begin(environment.root(), txListener)) {
            for (RemovalPlan r : removals) {
                Removals.apply(tx, r);
            }
            clock.lap("removed the replaced and extraneous distributions' files");
            if (options.compile()) {
                placeFiles(tx, plans, false);
                clock.lap("placed the files");
                Map<InstallPlan, List<RecordEntry>> compiled = compile(tx, plans);
                clock.lap("compiled");
                List<Callable<Void>> records = new ArrayList<>();
                for (InstallPlan plan : plans) {
                    records.add(() -> {
                        writeRecord(tx, plan, compiled.getOrDefault(plan, List.of()));
                        return null;
                    });
                }
                Parallel.run(records);
            } else {
                placeFiles(tx, plans, true);
                clock.lap("placed the files and wrote RECORD files");
            }
            tx.commit();
            clock.lap("committed");
        }
        return outcome;
    }

    private boolean inEnvironment(InstalledDistribution d) {
        return d.installedLocation().toAbsolutePath().normalize().startsWith(environment.root());
    }

    private PlanOptions planOptions(UnpackedWheel wheel, WheelSource source) {
        Optional<byte[]> directUrl = source.directUrl().map(d -> d.info() instanceof DirectUrl.ArchiveInfo a
                        && a.hashes().isEmpty() ? new DirectUrl(d.url(), new DirectUrl.ArchiveInfo(
                                Map.of("sha256", wheel.sha256())), d.subdirectory()) : d)
                .map(d -> d.toJson().getBytes(StandardCharsets.UTF_8));
        return new PlanOptions(environment.interpreter().executable(), source.requested(), directUrl, "axle");
    }

    /**
     * Refuses wheels of one install that hold the same file: they would be placed side by side,
     * so which one's file is left would be chance (pip, one wheel after the other, keeps the
     * last). One set of all targets; a plan alone has none twice (its wheel was checked).
     *
     * @throws InstallException naming the file and the distributions
     */
    private static void checkNoSharedFiles(List<InstallPlan> plans) {
        if (plans.size() < 2) {
            return;
        }
        Map<Path, InstallPlan> owner = new HashMap<>();
        for (InstallPlan plan : plans) {
            for (FileAction action : plan.actions()) {
                InstallPlan other = owner.putIfAbsent(action.target(), plan);
                if (other != null && other != plan) {
                    throw new InstallException(action.target() + " is in two of the wheels being installed: "
                            + other.name() + " " + other.version() + " and " + plan.name() + " " + plan.version()
                            + "; nothing was installed. Install one of them, not both");
                }
            }
        }
    }

    /** The folders of a scheme, which removal never goes above. */
    static List<Path> schemeRoots(Environment environment) {
        Scheme s = environment.scheme();
        return List.of(s.purelib(), s.platlib(), s.scripts(), s.headers(), s.data());
    }

    /** A wheel unpacked and checked, with its plan unless it needs none (unchanged, or a dry run). */
    private record Prepared(UnpackedWheel wheel, WheelSource source, Optional<InstallPlan> plan) {}

    private boolean unchanged(UnpackedWheel wheel, WheelSource source, Optional<InstalledDistribution> old) {
        return old.isPresent() && old.get().version().equals(Optional.of(wheel.version())) && !options.reinstall()
                && !source.fromDirectory();
    }

    /**
     * Unpacks, checks and plans every wheel, each on its own as soon as it is unpacked. Wheels
     * the cache holds are taken from it first, in parallel; the rest are unpacked (the big
     * ones by the unpack process, when there is one) and prepared in a second round.
     */
    private List<Prepared> prepareAll(List<WheelSource> wheels, Future<InstalledDistributions> installed)
            throws IOException {
        SupportedTags tags = environment.interpreter().supportedTags();
        AtomicLong done = new AtomicLong();
        int total = wheels.size();
        List<Callable<Prepared>> lookups = new ArrayList<>();
        for (WheelSource w : wheels) {
            lookups.add(() -> {
                Optional<UnpackedWheel> held = cache.held(w.file());
                if (held.isEmpty()) {
                    return null;
                }
                listener.progress(InstallListener.Stage.UNPACK, done.incrementAndGet(), total);
                return prepare(held.get(), w, tags, installed);
            });
        }
        List<Prepared> prepared = new ArrayList<>(Parallel.run(lookups));
        List<WheelSource> missing = new ArrayList<>();
        for (int i = 0; i < wheels.size(); i++) {
            if (prepared.get(i) == null) {
                missing.add(wheels.get(i));
            }
        }
        if (missing.isEmpty()) {
            return prepared;
        }
        Set<Path> unpackedElsewhere = unpackProcess.isPresent() ? unpackMissing(missing, done, total) : Set.of();
        UnpackListener progress = new UnpackListener() {
            @Override
            public void unpacked(Path wheel, UnpackedWheel unpacked, boolean fromCache) {
                if (!unpackedElsewhere.contains(wheel)) {
                    listener.progress(InstallListener.Stage.UNPACK, done.incrementAndGet(), total);
                }
            }
        };
        List<Callable<Prepared>> jobs = new ArrayList<>();
        for (WheelSource w : missing) {
            jobs.add(() -> prepare(cache.unpack(w.file(), progress), w, tags, installed));
        }
        List<Prepared> unpacked = Parallel.run(jobs);
        for (int i = 0, j = 0; i < prepared.size(); i++) {
            if (prepared.get(i) == null) {
                prepared.set(i, unpacked.get(j++));
            }
        }
        return prepared;
    }

    private Prepared prepare(UnpackedWheel wheel, WheelSource source, SupportedTags tags,
            Future<InstalledDistributions> installed) throws IOException {
        Compatibility.check(wheel, environment.interpreter(), tags); // parses METADATA: worth the threads
        if (options.dryRun() || unchanged(wheel, source, Parallel.get(installed).get(wheel.name()))) {
            return new Prepared(wheel, source, Optional.empty());
        }
        return new Prepared(wheel, source, Optional.of(Planner.plan(wheel, environment.scheme(), planOptions(wheel, source))));
    }

    /**
     * Has the unpack process put the wheels the cache lacks into it, when they are big
     * enough to be worth a JVM start; answers those wheels (as {@link WheelCache#unpack}
     * will report them).
     */
    private Set<Path> unpackMissing(List<WheelSource> wheels, AtomicLong done, int total) throws IOException {
        // Biggest first, so that no core is left with one big wheel at the end while the others
        // idle; UnpackAhead passes over those the cache holds.
        List<Path> files = new ArrayList<>();
        wheels.forEach(w -> files.add(w.file()));
        files.sort(Comparator.comparingLong(Installer::sizeOf).reversed());
        UnpackAhead.Listener progress = new UnpackAhead.Listener() {
            @Override
            public void started() {
                listener.detail("unpacking the wheels the cache lacks in a second JVM");
            }

            @Override
            public void unpacked() {
                listener.progress(InstallListener.Stage.UNPACK, done.incrementAndGet(), total);
            }
        };
        try (UnpackAhead ahead = new UnpackAhead(cache, unpackProcess, progress)) {
            files.forEach(ahead::offer);
            List<Path> unpacked = ahead.finish();
            if (!unpacked.isEmpty()) {
                listener.detail("unpacked " + unpacked.size() + (unpacked.size() == 1 ? " wheel" : " wheels") + " ("
                        + (ahead.bytesSent() >> 20) + " MB) into the cache in a second JVM");
            }
            return Set.copyOf(unpacked);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // unpacking it reports the problem
        }
    }

    private static void checkDistinct(List<UnpackedWheel> wheels) {
        Map<ProjectName, UnpackedWheel> seen = new HashMap<>();
        for (UnpackedWheel w : wheels) {
            UnpackedWheel other = seen.putIfAbsent(w.name(), w);
            if (other != null) {
                throw new InstallException("two wheels of " + w.displayName() + " were given ("
                        + other.filename() + " and " + w.filename() + "); pass only one");
            }
        }
    }

    /**
     * Links and writes every file of every plan, wheels in parallel; with {@code records}, also
     * each wheel's RECORD as soon as its files are placed (when nothing is compiled, the
     * RECORD lists only what the plan places).
     */
    private void placeFiles(Transaction tx, List<InstallPlan> plans, boolean records) throws IOException {
        Linker linker = new Linker(options.linkMode());
        long total = plans.stream().mapToLong(p -> p.actions().size()).sum();
        AtomicLong done = new AtomicLong();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (InstallPlan plan : plans) {
            jobs.add(() -> {
                tx.createAll(plan.actions(), FileAction::target, (action, target) -> {
                    Parallel.checkInterrupted();
                    switch (action) {
                        case FileAction.Link link -> linker.link(link.source(), target);
                        case FileAction.Write write -> {
                            Files.write(target, write.content());
                            if (write.executable()) {
                                makeExecutable(target);
                            }
                        }
                    }
                    long n = done.incrementAndGet();
                    if ((n & 255) == 0) {
                        listener.progress(InstallListener.Stage.INSTALL, n, total);
                    }
                });
                if (records) {
                    writeRecord(tx, plan, List.of());
                }
                return null;
            });
        }
        Parallel.run(jobs);
        listener.progress(InstallListener.Stage.INSTALL, total, total);
    }

    /** Writes the plan's RECORD, listing its files and the compiled ones given. */
    private static void writeRecord(Transaction tx, InstallPlan plan, List<RecordEntry> compiled) throws IOException {
        byte[] record = plan.renderRecord(compiled);
        tx.createAll(List.of(plan), InstallPlan::recordPath, (p, target) -> Files.write(target, record));
    }

    /**
     * Byte-compiles every .py file the plans install, as pip does, and answers the RECORD lines
     * of the .pyc files, per plan.
     */
    private Map<InstallPlan, List<RecordEntry>> compile(Transaction tx, List<InstallPlan> plans) throws IOException {
        Map<Path, InstallPlan> planOf = new HashMap<>();
        // Plans by identity: a record's hash would walk all its actions.
        List<Path> sources = new ArrayList<>();
        for (InstallPlan plan : plans) {
            for (FileAction a : plan.actions()) {
                Path target = a.target();
                // Every installed .py, scripts' too (pip compiles bin/x.py into bin/__pycache__).
                if (target.getFileName().toString().endsWith(".py")) {
                    sources.add(target);
                    planOf.put(target, plan);
                }
            }
        }
        if (sources.isEmpty()) {
            return Map.of();
        }
        AtomicLong done = new AtomicLong();
        int total = sources.size();
        ByteCompiler compiler = ByteCompiler.of(environment.interpreter().executable());
        Compilation compilation = compiler.compile(sources, tx, new CompileListener() {
            @Override
            public void compiled(Path source, Path pyc) {
                tick();
            }

            @Override
            public void notCompiled(Path source, String message) {
                listener.detail("not compiled: " + source + ": " + message);
                tick();
            }

            private void tick() {
                long n = done.incrementAndGet();
                if ((n & 63) == 0 || n == total) {
                    listener.progress(InstallListener.Stage.COMPILE, n, total);
                }
            }
        });
        Map<InstallPlan, List<RecordEntry>> entries = new IdentityHashMap<>();
        for (Compilation.Compiled c : compilation.compiled()) {
            InstallPlan plan = planOf.get(c.source());
            try (InputStream in = Files.newInputStream(c.pyc())) {
                entries.computeIfAbsent(plan, p -> new ArrayList<>()).add(RecordEntry.of(plan.recordPathOf(c.pyc()), in));
            }
        }
        return entries;
    }

    static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(file, perms);
    }
}
