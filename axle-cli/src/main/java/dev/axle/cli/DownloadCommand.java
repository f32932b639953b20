package dev.axle.cli;

import dev.axle.env.PythonInterpreter;
import dev.axle.finder.Finder;
import dev.axle.finder.FoundCandidate;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle download}: the files a set of requirements resolves to, into a folder (a wheelhouse). */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Resolve requirements and save the files they need into a folder: a wheelhouse to install"
                + " from later with --no-index --find-links, on this machine or another target"
                + " (--python-version, --platform, --implementation, --abi).")
final class DownloadCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "REQ", description = "Requirements, as for install")
    List<String> requirements = new ArrayList<>();

    @Option(names = {"-d", "--dest"}, paramLabel = "DIR", description = "Where to save the files (default: here)")
    Path dest = Path.of(".");

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
        long start = System.nanoTime();
        Session session = session();
        if (requirements.isEmpty() && resolution.requirements.isEmpty()) {
            throw new UsageException("nothing to download: name requirements or -r FILE");
        }
        PythonInterpreter python = targetInterpreter(session);
        Target target = targetArguments.target(python);
        Resolving.Input input = Resolving.read(session, requirements, resolution);
        ResolveOptions options = Resolving.options(target, input, resolution, false, null, false);
        ProgressBar progress = session.progress(output);
        try (Finder finder = Resolving.finder(session, input, index, target, targetArguments.tags(python))) {
            Optional<Resolution> result = Resolving.resolve(session, finder, input, options);
            if (result.isEmpty()) {
                return 1;
            }
            List<FoundCandidate> found = new ArrayList<>();
            result.get().packages().forEach(p -> found.add((FoundCandidate) p.candidate()));
            List<Path> files = finder.downloadAll(found, progress);
            progress.clear();
            Path folder = session.cwd.resolve(dest);
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                throw new UsageException("cannot make the destination folder " + folder + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() != null && !e.getMessage().equals(folder.toString()) ? ": " + e.getMessage() : "")
                        + "); give a writable folder with -d");
            }
            for (Path file : files) {
                Path saved = folder.resolve(file.getFileName().toString());
                if (!Files.exists(saved) || !Files.isSameFile(file, saved)) {
                    Path temporary = Files.createTempFile(folder, "." + saved.getFileName(), ".part");
                    Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temporary, saved, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!output.quiet) {
                    session.out.println("Saved " + session.cwd.relativize(saved.toAbsolutePath().normalize()));
                }
            }
            if (!output.quiet) {
                session.err.println("Downloaded " + (files.size() == 1 ? "1 file" : files.size() + " files") + " in "
                        + Durations.format(System.nanoTime() - start));
            }
            return 0;
        }
    }
}
