package dev.axle.cli;

import dev.axle.build.BuildEnvironments;
import dev.axle.build.BuildException;
import dev.axle.build.BuildListener;
import dev.axle.build.ProjectBuilder;
import dev.axle.env.EnvironmentException;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code axle build}: a project's sdist and wheel through its PEP 517 backend, as
 * {@code python -m build} makes them: by default the sdist, then the wheel from it; each in an
 * isolated environment holding what {@code [build-system]} requires, installed from the indexes
 * given (or none with {@code --no-build-isolation}, which runs the backend in the interpreter
 * named by {@code --python} as it is).
 */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build a Python project's source distribution and wheel with its build backend (PEP 517):"
                + " by default the sdist, then the wheel from it, each in a new environment with what"
                + " [build-system] requires.")
final class BuildCommand extends CacheUsingCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "The project (default: here)")
    Path project;

    @Option(names = "--sdist", description = "Build the source distribution (alone, unless --wheel too)")
    boolean sdist;

    @Option(names = "--wheel", description = "Build the wheel (alone from the project, unless --sdist too)")
    boolean wheel;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to put them (default: PROJECT_DIR/dist)")
    Path out;

    @Option(names = "--no-build-isolation",
            description = "Run the backend in the --python interpreter as it is, with what it has installed")
    boolean noIsolation;

    @Option(names = {"-p", "--python"}, paramLabel = "PYTHON",
            description = "The interpreter builds run with (isolated: the base of their environments): a path,"
                    + " a venv, a name such as python3.12 or a version (default: the first python3 found)")
    String python;

    @Mixin
    IndexArguments index;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        Session session = session();
        PrintWriter err = session.err;
        Path folder = session.cwd.resolve(project == null ? Path.of(".") : project).normalize();
        Path into = out == null ? folder.resolve("dist") : session.cwd.resolve(out).normalize();
        BuildListener listener = new BuildListener() {
            @Override
            public void output(String line) {
                if (output.verbose) {
                    err.println("  " + line);
                    err.flush();
                }
            }

            @Override
            public void step(String what) {
                if (!output.quiet) {
                    err.println(what);
                    err.flush();
                }
            }

            @Override
            public void warning(String message) {
                err.println("warning: " + message);
            }
        };
        PythonInterpreter interpreter;
        try {
            interpreter = session.interpreters.require(python == null ? PythonRequest.ANY : PythonRequest.parse(python));
        } catch (EnvironmentException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        BuildEnvironments environments = noIsolation
                ? BuildEnvironments.existing(interpreter.executable(), session.env)
                : new IsolatedBuildEnvironments(session, interpreter, index.forwarded(session.cwd), listener);
        boolean both = !sdist && !wheel;
        try {
            ProjectBuilder.Built built = new ProjectBuilder(environments, listener).build(folder, into, both || sdist,
                    both || wheel);
            if (!output.quiet) {
                built.sdist().ifPresent(f -> session.out.println("Built " + session.cwd.relativize(f)));
                built.wheel().ifPresent(f -> session.out.println("Built " + session.cwd.relativize(f)));
            }
            return 0;
        } catch (BuildException e) {
            err.println("error: " + e.getMessage());
            if (!e.output().isBlank() && !output.verbose) {
                err.println("The backend's last output:");
                e.output().lines().forEach(line -> err.println("  " + line));
            }
            return 1;
        }
    }
}
