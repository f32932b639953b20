package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.db.Freeze;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axle freeze}: the installed distributions as requirements, as {@code pip freeze} prints them. */
@Command(name = "freeze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the installed distributions in requirements format (the same output as pip freeze).")
final class FreezeCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Also list pip, setuptools, wheel and distribute")
    boolean all;

    @Option(names = "--exclude-editable", description = "No editable installs")
    boolean excludeEditable;

    @Option(names = "--exclude", paramLabel = "NAME", description = "Leave this project out (repeatable)")
    List<String> exclude = List.of();

    @Override
    public Integer call() {
        Session session = session();
        Environment environment = session.environment(where);
        Freeze.Options defaults = Freeze.Options.forPython(environment.interpreter().pythonVersion());
        return Reading.print(session, Freeze.render(Reading.read(session, environment),
                new Freeze.Options(all, excludeEditable, Set.copyOf(exclude), defaults.skipBuildBackends())));
    }
}
