package dev.axle.cli;

import dev.axle.env.CacheDir;
import dev.axle.env.Environment;
import dev.axle.env.Interpreters;
import dev.axle.installer.cache.UnpackProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** What one command run works with: its streams, the process environment, the cache and the interpreters. */
final class Session {
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final Path cwd;
    final CacheDir cache;
    final Interpreters interpreters;

    Session(CommandSpec spec, CacheDirOption cacheOption) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.env = System.getenv();
        this.cwd = Path.of("").toAbsolutePath();
        this.cache = cacheOption.resolve(env);
        this.interpreters = new Interpreters(cache.interpreters(), env);
    }

    Environment environment(EnvironmentOptions options) {
        return options.resolve(interpreters, env, cwd);
    }

    /**
     * Where wheels the cache lacks are unpacked: in a second JVM when bin/axle started this one
     * with the quick compiler only and said so with {@code -Daxle.unpackProcess=true} (see
     * {@link UnpackProcess} for why), else in this one.
     */
    Optional<UnpackProcess> unpackProcess() {
        return Boolean.getBoolean("axle.unpackProcess") ? Optional.of(UnpackProcess.ofThisJvm()) : Optional.empty();
    }

    /** A progress bar on a terminal unless quiet; warnings always, details with -v. */
    ProgressBar progress(OutputOptions output) {
        return new ProgressBar(err, !output.quiet && Terminal.isInteractive(), output.verbose);
    }
}
