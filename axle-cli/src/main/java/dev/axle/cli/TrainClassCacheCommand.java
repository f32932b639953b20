package dev.axle.cli;

import dev.axle.env.CacheDir;
import dev.axle.env.Interpreters;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code axle train-class-cache DIR}, hidden: the training run bin/axle makes its JVM class
 * cache with (AOT cache or dynamic CDS archive). A cache trained on {@code --help} alone holds
 * the command model but none of the classes real commands load, and no profiles of their work,
 * so this runs the commands users run most, in-process through the same command line: venv,
 * install (cold and warm cache), reinstall, uninstall, list, freeze, show, check, tree, on
 * {@link TrainingWheels}; then resolution from a loopback index ({@link TrainingIndex}), from
 * find-links, and download.
 *
 * <p>It needs no network and reads or writes nothing of the user's: the wheels, axle's cache
 * and the environments are all made in DIR, which bin/axle removes afterwards. Without a
 * Python interpreter it does only what needs none. A step that fails is reported on stderr and
 * ends the run with exit code 0: a cache trained on part of the work still beats none.
 */
@Command(name = "train-class-cache", hidden = true,
        description = "Run a representative workload in DIR (empty or absent), for bin/axle's JVM class cache.")
final class TrainClassCacheCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An empty or absent folder to work in")
    Path dir;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "The base interpreter of the environments (default: the first python3 found, as venv)")
    String python;

    @Spec
    CommandSpec spec;

    private PrintWriter err;

    @Override
    public Integer call() throws IOException {
        err = spec.commandLine().getErr();
        Path work = dir.toAbsolutePath().normalize();
        // The run makes venvs with --clear in here: never in a folder that holds anything.
        if (Files.exists(work) && !isEmptyFolder(work)) {
            err.println("error: " + work + " is not an empty folder; train-class-cache works in a new one");
            return 1;
        }
        Files.createDirectories(work);
        String cache = "--cache-dir=" + work.resolve("cache");

        for (List<String> args : List.of(List.of("--help"), List.of("--version"), List.of("install", "--help"),
                List.of("cache", "dir", cache))) {
            step(args);
        }
        List<String> wheels = TrainingWheels.write(work.resolve("wheels")).stream().map(Path::toString).toList();
        Optional<PythonInterpreter> base = new Interpreters(new CacheDir(work.resolve("cache")).interpreters(),
                System.getenv()).find(python == null ? PythonRequest.ANY : PythonRequest.parse(python));
        if (base.isEmpty()) {
            return 0;
        }
        String executable = base.get().executable().toString();
        String a = work.resolve("a").toString();
        String b = work.resolve("b").toString();
        List<List<String>> steps = List.of(
                List.of("venv", cache, "--python", executable, a),
                with(List.of("install", cache, "--python", a), wheels), // cold: unpacks into the cache
                List.of("venv", cache, "--python", executable, b),
                List.of("venv", cache, "--clear", "--python", executable, b),
                with(List.of("install", cache, "--python", b), wheels), // warm: links from the cache
                List.of("install", cache, "--python", b, "--reinstall", wheels.get(0)),
                List.of("uninstall", cache, "--python", b, TrainingWheels.SCRIPTS),
                List.of("install", cache, "--python", b, wheels.get(1)),
                List.of("list", cache, "--python", b),
                List.of("list", cache, "--python", b, "--format", "json"),
                List.of("freeze", cache, "--python", b),
                List.of("show", cache, "--python", b, "--files", TrainingWheels.SCRIPTS),
                List.of("check", cache, "--python", b),
                List.of("tree", cache, "--python", b));
        // Each step needs the ones before it: the first failure ends the run.
        for (List<String> args : steps) {
            if (!step(args)) {
                return 0;
            }
        }
        // Resolving from an index over HTTP (cold, then from the HTTP cache), from find-links, download, and lock files.
        try (TrainingIndex index = TrainingIndex.serve(work.resolve("index"), TrainingWheels.write(work.resolve("served")))) {
            String c = work.resolve("c").toString();
            String url = "--index-url=" + index.url();
            List<List<String>> resolving = List.of(
                    List.of("venv", cache, "--python", executable, c),
                    List.of("install", cache, "--python", c, url, "--dry-run", "--report", work.resolve("r.json").toString(),
                            TrainingWheels.SCRIPTS),
                    List.of("install", cache, "--python", c, url, TrainingWheels.SCRIPTS),
                    List.of("install", cache, "--python", c, url, "--dry-run", "-U", TrainingWheels.SCRIPTS),
                    List.of("install", cache, "--python", c, "--no-index", "--find-links", work.resolve("wheels").toString(),
                            "--dry-run", "--reinstall", TrainingWheels.PURE),
                    List.of("download", cache, "--python", c, url, "-d", work.resolve("dl").toString(),
                            TrainingWheels.PLATLIB),
                    // A lock file: written, synced into a new venv (cold, then warm), exported.
                    List.of("lock", cache, "--python", c, url, "-o", work.resolve("pylock.toml").toString(),
                            TrainingWheels.SCRIPTS),
                    List.of("venv", cache, "--python", executable, work.resolve("d").toString()),
                    List.of("sync", cache, "--python", work.resolve("d").toString(), work.resolve("pylock.toml").toString()),
                    List.of("sync", cache, "--python", work.resolve("d").toString(), work.resolve("pylock.toml").toString()),
                    List.of("export", "--hashes", work.resolve("pylock.toml").toString()));
            for (List<String> args : resolving) {
                if (!step(args)) {
                    break;
                }
            }
        }
        return 0;
    }

    /** Runs axle with {@code args}, its output discarded; reports a failure on stderr. */
    private boolean step(List<String> args) {
        StringWriter stepErr = new StringWriter();
        int exitCode = Axle.run(new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(stepErr),
                args.toArray(String[]::new));
        if (exitCode != 0) {
            err.println("warning: `axle " + String.join(" ", args) + "` exited with " + exitCode + ": "
                    + stepErr.toString().strip());
        }
        return exitCode == 0;
    }

    private static List<String> with(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
