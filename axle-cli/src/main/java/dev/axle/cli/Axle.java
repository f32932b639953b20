package dev.axle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code axle} command. */
@Command(
        name = "axle",
        mixinStandardHelpOptions = true,
        versionProvider = Axle.VersionProvider.class,
        description = "The Python packaging toolchain for the JVM: versions, requirements, wheels, environments and indexes.",
        subcommands = {CommandLine.HelpCommand.class, VenvCommand.class, InstallCommand.class, UninstallCommand.class,
            ListCommand.class, FreezeCommand.class, ShowCommand.class, CheckCommand.class, CacheCommand.class,
            TrainClassCacheCommand.class})
public final class Axle implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on the standard streams and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /**
     * The command line, with axle's handling of failures: an error the user can act on is one
     * line, {@code error: <message>}, and exit code 1; its stack trace only with
     * {@code AXLE_DEBUG=1}.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Axle()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
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
