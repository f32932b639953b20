package dev.axle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code axle} command. */
@Command(
        name = "axle",
        mixinStandardHelpOptions = true,
        versionProvider = Axle.VersionProvider.class,
        description = "The Python packaging toolchain for the JVM: versions, requirements, wheels, environments and indexes.")
public final class Axle implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Only the one that runs is added
     * to the command line (all of them for help and errors): picocli builds a command's model
     * from its annotations by reflection, and building all of them took about 90 ms of every
     * run. Each name is the one in the command's {@code @Command} (AxleTest checks).
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("help", CommandLine.HelpCommand::new);
        all.put("venv", VenvCommand::new);
        all.put("install", InstallCommand::new);
        all.put("download", DownloadCommand::new);
        all.put("lock", LockCommand::new);
        all.put("uninstall", UninstallCommand::new);
        all.put("sync", SyncCommand::new);
        all.put("export", ExportCommand::new);
        all.put("list", ListCommand::new);
        all.put("freeze", FreezeCommand::new);
        all.put("show", ShowCommand::new);
        all.put("check", CheckCommand::new);
        all.put("tree", TreeCommand::new);
        all.put("cache", CacheCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("token", TokenCommand::new);
        all.put("index", IndexCommand::new);
        all.put("yank", ReleaseCommand.Yank::new);
        all.put("unyank", ReleaseCommand.Unyank::new);
        all.put("delete", ReleaseCommand.Delete::new);
        all.put("mirror", MirrorCommand::new);
        all.put("build", BuildCommand::new);
        all.put("publish", PublishCommand::new);
        all.put("check-dist", CheckDistCommand::new);
        all.put("train-class-cache", TrainClassCacheCommand::new); // hidden: bin/axle's training run
        return Collections.unmodifiableMap(all);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on the standard streams and returns the exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * Runs the command line as {@code bin/axle} does: like {@link #run(String...)}, with the
     * {@link Warmup} started on a second thread first.
     */
    static int runMain(String... args) {
        Object named = named(args);
        Warmup.start(named == null ? null : named.getClass());
        return commandLine(named, args).execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(args).setOut(out).setErr(err).execute(args);
    }

    /**
     * The command line, with axle's handling of failures: an error the user can act on is one
     * line, {@code error: <message>}, and exit code 1; its stack trace only with
     * {@code AXLE_DEBUG=1}.
     */
    /**
     * The command line for these arguments: with only the subcommand they name when the first
     * one is a subcommand other than help, else with all (for usage, help and suggestions).
     */
    static CommandLine commandLine(String... args) {
        return commandLine(named(args), args);
    }

    /** The subcommand the arguments name, made, or null when they name none (or help). */
    static Object named(String... args) {
        Supplier<Object> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        return named == null ? null : named.get();
    }

    private static CommandLine commandLine(Object named, String... args) {
        CommandLine line = new CommandLine(new Axle());
        if (named != null) {
            line.addSubcommand(args[0], named);
        } else {
            SUBCOMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
        }
        return line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("error: " + message);
            if ("1".equals(System.getenv("AXLE_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
    }

    /** The version of axle, from the build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Axle.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** What {@code axle --version} prints. */
    static String versionLine() {
        return "axle " + version() + " (Java " + Runtime.version() + ")";
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionLine()};
        }
    }
}
