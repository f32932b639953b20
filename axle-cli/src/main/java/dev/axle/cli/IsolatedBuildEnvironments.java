package dev.axle.cli;

import dev.axle.build.BuildEnvironment;
import dev.axle.build.BuildEnvironments;
import dev.axle.build.BuildException;
import dev.axle.build.BuildListener;
import dev.axle.build.Folders;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.Venv;
import dev.axle.env.VenvOptions;
import dev.axle.pep.Requirement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Build isolation as pip and pypa/build do it: each build gets a new virtual environment of
 * the base interpreter, in a temporary folder, with only what the backend requires, installed
 * by {@code axle install} with the index options the build was given (as pip runs a pip with
 * its own options to fill one), from wheels only. The hooks see that environment first on PATH, no PYTHONPATH
 * and no user site-packages. The folder is removed afterwards, robustly ({@link Folders}).
 */
final class IsolatedBuildEnvironments implements BuildEnvironments {
    private final Session session;
    private final PythonInterpreter base;
    private final List<String> indexArguments;
    private final BuildListener listener;

    IsolatedBuildEnvironments(Session session, PythonInterpreter base, List<String> indexArguments, BuildListener listener) {
        this.session = session;
        this.base = base;
        this.indexArguments = List.copyOf(indexArguments);
        this.listener = listener;
    }

    @Override
    public BuildEnvironment prepare(List<Requirement> requires) throws IOException, BuildException {
        Path folder = Files.createTempDirectory("axle-build-env-");
        Path venv = folder.resolve("env");
        try {
            Venv.create(session.interpreters, base, venv, new VenvOptions(false, Optional.empty(), false));
        } catch (RuntimeException e) {
            Folders.delete(folder, listener);
            throw new BuildException("could not create the build environment in " + venv + ": " + e.getMessage(), "");
        }
        Map<String, String> variables = new HashMap<>(session.env);
        variables.remove("PYTHONPATH");
        variables.remove("PYTHONHOME");
        variables.put("PYTHONNOUSERSITE", "1");
        variables.put("VIRTUAL_ENV", venv.toString());
        String path = session.env.getOrDefault("PATH", "");
        variables.put("PATH", venv.resolve("bin") + (path.isEmpty() ? "" : java.io.File.pathSeparator + path));
        BuildEnvironment environment = new BuildEnvironment() {
            @Override
            public Path python() {
                return venv.resolve("bin/python");
            }

            @Override
            public Map<String, String> variables() {
                return variables;
            }

            @Override
            public void install(List<Requirement> requirements) throws BuildException {
                installInto(venv, requirements);
            }

            @Override
            public void close() {
                Folders.delete(folder, listener);
            }
        };
        try {
            if (!requires.isEmpty()) {
                listener.step("installing the build requirements " + requires + " into " + venv);
                installInto(venv, requires);
            }
            return environment;
        } catch (BuildException | RuntimeException e) {
            environment.close();
            throw e;
        }
    }

    private void installInto(Path venv, List<Requirement> requirements) throws BuildException {
        // --no-build: a build requirement is installed from a wheel, never built itself, so that
        // builds cannot recurse (setuptools needs setuptools to build).
        List<String> args = new ArrayList<>(List.of("install", "--quiet", "--no-build", "--python", venv.toString(),
                "--cache-dir=" + session.cache.root()));
        args.addAll(indexArguments);
        requirements.forEach(r -> args.add(r.toString()));
        StringWriter err = new StringWriter();
        int exit = Axle.run(new PrintWriter(StringWriter.nullWriter()), new PrintWriter(err), args.toArray(String[]::new));
        if (exit != 0) {
            throw new BuildException("could not install the build requirements " + requirements
                    + " into the build environment", err.toString().strip());
        }
    }
}
