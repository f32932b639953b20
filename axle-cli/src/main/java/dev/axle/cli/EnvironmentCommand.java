package dev.axle.cli;

import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import picocli.CommandLine.Mixin;

/** A command that works on one Python environment, chosen by {@link EnvironmentOptions}. */
abstract class EnvironmentCommand extends CacheUsingCommand {
    @Mixin
    EnvironmentOptions where;

    /**
     * The interpreter a command that needs no environment of its own resolves for (changed by
     * the target options): the environment's when one is named or active, else any Python found.
     */
    PythonInterpreter targetInterpreter(Session session) {
        return where.python != null || session.env.containsKey("VIRTUAL_ENV")
                ? session.environment(where).interpreter() : session.interpreters.require(PythonRequest.ANY);
    }
}
