package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.env.EnvironmentException;
import dev.axle.env.Interpreters;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which environment a command works on: {@code --python} (a venv folder, an interpreter, or a
 * version request), {@code --user}, {@code --target} or {@code --prefix}. Without any, the
 * active virtual environment ({@code VIRTUAL_ENV}), else {@code .venv} in the current folder or
 * a parent.
 */
final class EnvironmentOptions {
    @Option(names = {"-p", "--python"}, paramLabel = "PYTHON",
            description = "The environment: a virtual environment's folder, an interpreter's path, a name such as"
                    + " python3.12, or a version such as 3.12 or '>=3.10' (default: $VIRTUAL_ENV, else .venv here or"
                    + " in a parent folder)")
    String python;

    @Option(names = "--user", description = "The user scheme (~/.local), as pip install --user")
    boolean user;

    @Option(names = "--target", paramLabel = "DIR", description = "A plain folder of packages, as pip --target")
    Path target;

    @Option(names = "--prefix", paramLabel = "DIR", description = "The interpreter's scheme under another prefix, as pip --prefix")
    Path prefix;

    /** The environment these options name. */
    Environment resolve(Interpreters interpreters, Map<String, String> env, Path cwd) {
        int kinds = (user ? 1 : 0) + (target != null ? 1 : 0) + (prefix != null ? 1 : 0);
        if (kinds > 1) {
            throw new EnvironmentException("--user, --target and --prefix exclude each other: pass one");
        }
        if (kinds == 1) {
            PythonInterpreter interpreter = python != null ? interpreter(interpreters, cwd)
                    : activeOrAny(interpreters, env, cwd);
            if (user) {
                return Environment.user(interpreter);
            }
            return target != null ? Environment.target(interpreter, cwd.resolve(target))
                    : Environment.prefix(interpreter, cwd.resolve(prefix));
        }
        if (python == null) {
            return Environment.discover(interpreters, env, cwd);
        }
        Path asPath = cwd.resolve(python);
        if (Files.isRegularFile(asPath.resolve("pyvenv.cfg"))) {
            return Environment.venv(interpreters, asPath);
        }
        PythonInterpreter interpreter = interpreter(interpreters, cwd);
        return interpreter.isVirtualEnv() ? Environment.venv(interpreters, interpreter.prefix())
                : Environment.system(interpreter);
    }

    private PythonInterpreter interpreter(Interpreters interpreters, Path cwd) {
        return interpreters.require(PythonRequest.parse(python));
    }

    /** For --user, --target, --prefix without --python: the active venv's interpreter, else the first found. */
    private static PythonInterpreter activeOrAny(Interpreters interpreters, Map<String, String> env, Path cwd) {
        String active = env.get("VIRTUAL_ENV");
        if (active != null && !active.isEmpty()) {
            return Environment.venv(interpreters, cwd.resolve(active)).interpreter();
        }
        return interpreters.require(PythonRequest.ANY);
    }
}
