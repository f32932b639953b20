package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.db.Show;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle show}: details of installed distributions, as {@code pip show} prints them. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show details of installed distributions (the same output as pip show).")
final class ShowCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Project names")
    List<String> names;

    @Option(names = {"-f", "--files"}, description = "Also list the installed files")
    boolean files;

    @Option(names = {"-v", "--verbose"}, description = "Also show metadata version, installer, classifiers, entry points")
    boolean verbose;

    @Override
    public Integer call() {
        Session session = session();
        Environment environment = session.environment(where);
        return Reading.print(session, Show.render(Reading.read(session, environment), names, files, verbose,
                environment.interpreter().markerEnvironment()));
    }
}
