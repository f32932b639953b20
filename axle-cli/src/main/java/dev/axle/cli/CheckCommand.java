package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.db.DependencyCheck;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code axle check}: missing and conflicting requirements, as {@code pip check} reports them. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check that the installed distributions' requirements are met, with markers evaluated for the"
                + " environment's interpreter (the same verdicts as pip check).")
final class CheckCommand extends EnvironmentCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Session session = session();
        Environment environment = session.environment(where);
        DependencyCheck.Result result = DependencyCheck.check(Reading.read(session, environment),
                environment.interpreter().markerEnvironment(),
                Optional.of(environment.interpreter().supportedTags()),
                environment.kind() == Environment.Kind.VENV ? Optional.of(environment.root()) : Optional.empty());
        return Reading.print(session, result.output());
    }
}
