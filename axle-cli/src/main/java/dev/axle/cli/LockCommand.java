package dev.axle.cli;

import dev.axle.build.BuildListener;
import dev.axle.env.PythonInterpreter;
import dev.axle.finder.Finder;
import dev.axle.finder.FinderOptions;
import dev.axle.lock.DependencyGraph;
import dev.axle.lock.Pylock;
import dev.axle.lock.PylockValidationException;
import dev.axle.lock.Pyproject;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.ResolutionException;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.UniversalResolver;
import dev.axle.resolver.python.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code axle lock}: a PEP 751 {@code pylock.toml} for one target, from requirements or from a
 * project's pyproject.toml (its dependencies, every extra and every dependency group). An
 * existing lock at the output is the preference: versions move only as {@code --upgrade} or
 * {@code --upgrade-package} ask, or as the requirements force.
 */
@Command(name = "lock", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Resolve a project (pyproject.toml: dependencies, extras, dependency groups) or requirements"
                + " and write a PEP 751 lock file (pylock.toml) for this interpreter, or for the target"
                + " --python-version/--python-platform name. Versions an existing lock has are kept unless"
                + " --upgrade or --upgrade-package say otherwise.")
final class LockCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "REQ",
            description = "Requirements to lock instead of a project (numpy>=2, 'requests[socks]')")
    List<String> requirements = new ArrayList<>();

    @Option(names = {"-e", "--editable"}, paramLabel = "PATH",
            description = "Lock the project in this folder as an editable directory entry (PEP 660, PEP 751)")
    List<String> editables = new ArrayList<>();

    @Option(names = "--no-build", description = "Never build: sdists without static metadata and project folders"
            + " are no candidates")
    boolean noBuild;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The lock file to write (default: pylock.toml in the project folder, or here)")
    Path outputFile;

    @Option(names = "--project", paramLabel = "DIR", description = "The project folder (default: here)")
    Path project;

    @Option(names = "--universal",
            description = "One lock for every platform and every Python the project's requires-python allows:"
                    + " resolved once, forking where requirements differ by marker, each package marked with"
                    + " where it is installed")
    boolean universal;

    @Mixin
    ResolutionArguments resolution;

    @Mixin
    IndexArguments index;

    @Mixin
    TargetArguments targetArguments;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        try {
            return lock();
        } finally {
            builds.ifPresent(SourceBuilds::close);
        }
    }

    /** The builds of this lock (project folders' and sdists' metadata), if it builds: closed when it ends. */
    private Optional<SourceBuilds> builds = Optional.empty();

    private int lock() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        boolean fromRequirements = !requirements.isEmpty() || !resolution.requirements.isEmpty() || !editables.isEmpty();
        Path folder = project != null ? session.cwd.resolve(project).normalize() : session.cwd;
        Path lockFile = outputFile != null ? session.cwd.resolve(outputFile).normalize()
                : (fromRequirements ? session.cwd : folder).resolve("pylock.toml");
        if (!Pylock.isLockFileName(lockFile.getFileName().toString()) && !output.quiet) {
            session.err.println("warning: " + lockFile.getFileName() + " is not a name PEP 751 gives lock files"
                    + " (pylock.toml or pylock.NAME.toml); installers may not recognize it");
        }
        PythonInterpreter python = targetInterpreter(session);
        Target target = targetArguments.target(python);
        // Metadata is built with the interpreter that would build the wheels: not for another --python-version or --platform.
        builds = noBuild || targetArguments.given() ? Optional.empty()
                : Optional.of(new SourceBuilds(session, python, index.forwarded(session.cwd),
                        targetArguments.tags(python).tags().getFirst().toString(), BuildListener.NONE));
        Resolving.Input input = Resolving.read(session, requirements, editables, resolution,
                builds.<Resolving.LocalProjects>map(b -> b).orElse(Resolving.LocalProjects.NONE));
        Locking.Local local = new Locking.Local(lockFile.getParent(),
                where -> builds.map(b -> b.editable(where)).orElse(false));
        Locking.Roots roots = fromRequirements ? new Locking.Roots(Map.of(new DependencyGraph.Root.Base(),
                input.requirements()), Optional.empty(), Optional.empty(), false) : projectRoots(folder, target);
        ResolveOptions options = Resolving.options(target, input, resolution, false, null, false)
                .withPreferred(resolution.upgrade ? Map.of() : preferred(lockFile));
        ProgressBar progress = session.progress(output);
        if (universal) {
            Target lowest = new Target(target.markers(), Locking.lowestPython(roots.requiresPython()).orElse(target.python()));
            try (Finder finder = Resolving.finder(session, input, index, lowest, targetArguments.tags(python),
                    FinderOptions::forAnyPlatform)) {
                builds.ifPresent(finder::buildSdistsWith);
                UniversalResolver.UniversalResolution result;
                try {
                    result = new UniversalResolver(finder).resolve(Locking.universalRequirements(roots),
                            Resolving.options(lowest, input, resolution, false, null, false)
                                    .withPreferred(resolution.upgrade ? Map.of() : preferred(lockFile)),
                            Locking.universe(roots.requiresPython()));
                } catch (ResolutionException e) {
                    session.err.println("error: no solution: the requirements cannot all be satisfied");
                    e.getMessage().lines().forEach(line -> session.err.println("  " + line));
                    return 1;
                } catch (CandidateUnavailableException e) {
                    throw new UsageException(e.getMessage());
                }
                return written(session, lockFile, Locking.universal(finder, result, roots, local), start, progress);
            }
        }
        try (Finder finder = Resolving.finder(session, input, index, target, targetArguments.tags(python))) {
            builds.ifPresent(finder::buildSdistsWith);
            Resolving.Input all = new Resolving.Input(roots.all(), input.constraints(), input.overrides(), input.files());
            Optional<Resolution> result = Resolving.resolve(session, finder, all, options);
            if (result.isEmpty()) {
                return 1;
            }
            Pylock lock = Locking.lock(finder, result.get(), roots, input.overrides(), target.markers(), local);
            return written(session, lockFile, lock, start, progress);
        }
    }

    /** Writes the lock (after checking that it reads back) and says so. */
    private int written(Session session, Path lockFile, Pylock lock, long start, ProgressBar progress)
            throws IOException {
        String text = lock.toToml();
        Pylock.parse(text); // what axle writes must read back as a valid lock
        write(lockFile, text);
        progress.clear();
        if (!output.quiet) {
            int n = lock.packages().size();
            session.err.println("Locked " + (n == 1 ? "1 package" : n + " packages") + " to "
                    + session.cwd.relativize(lockFile) + " in " + Durations.format(System.nanoTime() - start));
        }
        return 0;
    }

    /** The project's dependencies, extras and groups; refused if the target's Python is outside its requires-python. */
    private Locking.Roots projectRoots(Path folder, Target target) throws IOException {
        Path file = folder.resolve("pyproject.toml");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("nothing to lock: no pyproject.toml in " + folder
                    + "; name requirements, -r FILE, or --project DIR");
        }
        Pyproject pyproject = Pyproject.read(file);
        if (!universal && pyproject.requiresPython().isPresent()
                && !pyproject.requiresPython().get().contains(target.python(), true)) {
            throw new UsageException("the target is Python " + target.python() + " and " + file + " has requires-python "
                    + pyproject.requiresPython().get() + "; lock for another with --python-version or --python");
        }
        Map<DependencyGraph.Root, List<Requirement>> roots = new LinkedHashMap<>();
        roots.put(new DependencyGraph.Root.Base(), pyproject.dependencies());
        pyproject.optionalDependencies().forEach((extra, list) -> roots.put(new DependencyGraph.Root.Extra(extra), list));
        pyproject.dependencyGroups().forEach((group, list) -> roots.put(new DependencyGraph.Root.Group(group), list));
        return new Locking.Roots(roots, pyproject.name(), pyproject.requiresPython(), true);
    }

    /** The versions of the lock already at {@code file}: kept where the requirements allow. */
    private static Map<ProjectName, Version> preferred(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Pylock existing;
        try {
            existing = Pylock.read(file);
        } catch (PylockValidationException e) {
            throw new UsageException(file + " is not a valid lock file (" + e.getMessage()
                    + "); fix or delete it, or lock with --upgrade to replace it");
        }
        Map<ProjectName, Version> out = new LinkedHashMap<>();
        existing.packages().forEach(p -> p.version().ifPresent(v -> out.putIfAbsent(p.name(), v)));
        return out;
    }

    /** Writes the lock whole or not at all: a temporary file beside it, then renamed over it. */
    private static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
