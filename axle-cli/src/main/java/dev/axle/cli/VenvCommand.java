package dev.axle.cli;

import dev.axle.env.EnvironmentException;
import dev.axle.env.Interpreters;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import dev.axle.env.Venv;
import dev.axle.env.VenvOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle venv}: creates a virtual environment. */
@Command(name = "venv", mixinStandardHelpOptions = true,
        description = "Create a Python virtual environment (PEP 405), without pip, as `python -m venv --without-pip`"
                + " does but without running Python's venv module.")
final class VenvCommand extends CacheUsingCommand implements Callable<Integer> {
    /** Words a POSIX shell reads as they are; anything else is shown quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./,:+@%=-]+");

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Where to create it (default: .venv)")
    Path dir = Path.of(".venv");

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "The interpreter: a path, a venv or installation folder, a name such as python3.12,"
                    + " a version such as 3.12, or specifiers such as '>=3.10' (default: the first python3 found)")
    String python;

    @Option(names = "--system-site-packages",
            description = "Let the environment import the base interpreter's installed packages too")
    boolean systemSitePackages;

    @Option(names = "--prompt", paramLabel = "PROMPT",
            description = "The name shown in the shell prompt when it is active (default: the folder's name;"
                    + " '.' for the current folder's name)")
    String prompt;

    @Option(names = "--clear", description = "Remove everything in DIR first, if it exists")
    boolean clear;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        try {
            Interpreters interpreters = new Interpreters(cacheOption.resolve(environment).interpreters(), environment);
            PythonRequest request = python == null ? PythonRequest.ANY : PythonRequest.parse(python);
            PythonInterpreter base = interpreters.require(request);
            Path baseExecutable = base.isVirtualEnv() ? base.baseExecutable() : base.executable();
            out.println("Using " + base.label() + " at " + baseExecutable);
            Venv.create(interpreters, base, dir,
                    new VenvOptions(systemSitePackages, Optional.ofNullable(prompt), clear));
            out.println("Created virtual environment at " + dir);
            out.println("Activate with: " + activation(environment.getOrDefault("SHELL", "")));
            return 0;
        } catch (EnvironmentException | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The command that activates the environment in the user's shell. */
    String activation(String shell) {
        String name = Path.of(shell.isEmpty() ? "sh" : shell).getFileName().toString();
        return switch (name) {
            case "fish" -> "source " + shown(dir.resolve("bin/activate.fish"));
            case "csh", "tcsh" -> "source " + shown(dir.resolve("bin/activate.csh"));
            case "pwsh", "powershell" -> ". " + shown(dir.resolve("bin/Activate.ps1"));
            default -> "source " + shown(dir.resolve("bin/activate"));
        };
    }

    private static String shown(Path path) {
        String text = path.toString();
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
