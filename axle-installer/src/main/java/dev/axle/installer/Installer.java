package dev.axle.installer;

import dev.axle.env.Environment;
import dev.axle.installer.cache.Linker;
import dev.axle.installer.cache.LinkMode;
import dev.axle.installer.cache.WheelCache;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.installer.db.RemovalPlan;
import dev.axle.installer.tx.ByteCompiler;
import dev.axle.installer.tx.Transaction;
import dev.axle.installer.wheel.FileAction;
import dev.axle.installer.wheel.InstallPlan;
import dev.axle.installer.wheel.PlanOptions;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Installs wheel files into an environment, all or nothing.
 *
 * <p>The work runs in three steps. Wheels are unpacked into the cache (verified against their
 * RECORD on the way, in parallel, outside any transaction: the cache is not the
 * environment). Then everything that decides whether the install may go ahead is checked
 * before the environment is touched: platform tags, Requires-Python, dependencies among the
 * wheels and what is installed. Last, one {@link Transaction} removes the files of the
 * versions being replaced, links and writes the new files, compiles them if asked, and
 * writes each RECORD last; any failure, or Ctrl-C, rolls all of it back.
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
     * @param directUrl where it came from, recorded as {@code direct_url.json} (PEP 610)
     */
    public record WheelSource(Path file, boolean requested, Optional<DirectUrl> directUrl) {}

    /** What happened to one distribution. */
    public record Change(Kind kind, String name, Version version, Optional<Version> previous) {
        public enum Kind { INSTALLED, REPLACED, UNCHANGED }
    }

    private final Environment environment;
    private final WheelCache cache;
    private final Options options;
    private final InstallListener listener;

    public Installer(Environment environment, WheelCache cache, Options options, InstallListener listener) {
        this.environment = environment;
        this.cache = cache;
        this.options = options;
        this.listener = listener;
    }

    /** Installs the wheels and returns what changed, in the order given. */
    public List<Change> install(List<WheelSource> wheels) throws IOException {
        Transaction.recover(environment.root(), TransactionReports.to(listener));
        List<UnpackedWheel> unpacked = unpackAll(wheels);
        checkDistinct(unpacked);
        for (UnpackedWheel w : unpacked) {
            Compatibility.check(w, environment.interpreter());
        }
        InstalledDistributions installed = InstalledDistributions.read(environment.sitePackages());

        List<Change> changes = new ArrayList<>();
        Map<UnpackedWheel, WheelSource> toInstall = new LinkedHashMap<>();
        Map<ProjectName, InstalledDistribution> replaced = new LinkedHashMap<>();
        for (int i = 0; i < unpacked.size(); i++) {
            UnpackedWheel w = unpacked.get(i);
            Optional<InstalledDistribution> old = installed.get(w.name());
            if (old.isPresent() && old.get().version().equals(w.version()) && !options.reinstall()) {
                changes.add(new Change(Change.Kind.UNCHANGED, w.displayName(), w.version(), old.map(InstalledDistribution::version)));
                continue;
            }
            old.ifPresent(d -> replaced.put(w.name(), d));
            toInstall.put(w, wheels.get(i));
            changes.add(new Change(old.isPresent() ? Change.Kind.REPLACED : Change.Kind.INSTALLED, w.displayName(),
                    w.version(), old.map(InstalledDistribution::version)));
        }
        if (!options.noDeps()) {
            Dependencies.check(toInstall.keySet(), installed, replaced.keySet(),
                    environment.interpreter().markerEnvironment());
        }
        if (options.dryRun() || toInstall.isEmpty()) {
            return changes;
        }

        try (Transaction tx = Transaction.begin(environment.root(), TransactionReports.to(listener))) {
            Set<InstalledDistribution> removing = new HashSet<>(replaced.values());
            for (InstalledDistribution old : replaced.values()) {
                RemovalPlan plan = RemovalPlan.plan(old, installed, removing, environment.root());
                for (Path file : plan.files()) {
                    tx.remove(file);
                }
                tx.pruneIfEmpty(plan.directoriesToPruneIfEmpty());
            }
            List<InstallPlan> plans = new ArrayList<>();
            for (Map.Entry<UnpackedWheel, WheelSource> e : toInstall.entrySet()) {
                WheelSource source = e.getValue();
                plans.add(InstallPlan.of(e.getKey(), environment.scheme(), new PlanOptions(
                        environment.interpreter().executable(), source.requested(),
                        source.directUrl().map(DirectUrl::toJson).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "axle")));
            }
            placeFiles(tx, plans);
            Map<InstallPlan, List<RecordEntry>> compiled = options.compile() ? compile(tx, plans) : Map.of();
            for (InstallPlan plan : plans) {
                byte[] record = plan.renderRecord(compiled.getOrDefault(plan, List.of()));
                tx.create(plan.recordPath(), target -> Files.write(target, record));
            }
            tx.commit();
        }
        return changes;
    }

    private List<UnpackedWheel> unpackAll(List<WheelSource> wheels) throws IOException {
        long total = 0;
        for (WheelSource w : wheels) {
            total += Files.size(w.file());
        }
        AtomicLong done = new AtomicLong();
        long all = total;
        List<Callable<UnpackedWheel>> jobs = new ArrayList<>();
        for (WheelSource w : wheels) {
            jobs.add(() -> {
                UnpackedWheel u = cache.unpack(w.file(), bytes -> listener.progress(
                        InstallListener.Stage.UNPACK, done.addAndGet(bytes), all));
                return u;
            });
        }
        return Parallel.run(jobs);
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

    /** Links and writes every file of every plan, wheels in parallel. */
    private void placeFiles(Transaction tx, List<InstallPlan> plans) throws IOException {
        Linker linker = new Linker(options.linkMode());
        long total = plans.stream().mapToLong(p -> p.actions().size()).sum();
        AtomicLong done = new AtomicLong();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (InstallPlan plan : plans) {
            jobs.add(() -> {
                Map<Path, FileAction> byTarget = new LinkedHashMap<>();
                for (FileAction a : plan.actions()) {
                    byTarget.put(a.target(), a);
                }
                tx.createAll(new ArrayList<>(byTarget.keySet()), target -> {
                    switch (byTarget.get(target)) {
                        case FileAction.Link link -> linker.link(link.source(), target);
                        case FileAction.Write write -> {
                            Files.write(target, write.content());
                            if (write.executable()) {
                                makeExecutable(target);
                            }
                        }
                    }
                    long n = done.incrementAndGet();
                    if ((n & 255) == 0 || n == total) {
                        listener.progress(InstallListener.Stage.INSTALL, n, total);
                    }
                });
                return null;
            });
        }
        Parallel.run(jobs);
        listener.progress(InstallListener.Stage.INSTALL, total, total);
    }

    private Map<InstallPlan, List<RecordEntry>> compile(Transaction tx, List<InstallPlan> plans) throws IOException {
        throw new UnsupportedOperationException("todo");
    }

    static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(file, perms);
    }
}
