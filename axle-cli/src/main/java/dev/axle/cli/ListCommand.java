package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.db.PackageList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axle list}: the installed distributions, as {@code pip list} prints them. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the installed distributions (the same output as pip list).")
final class ListCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", description = "columns (default), freeze or json")
    String format = "columns";

    @Option(names = {"-e", "--editable"}, description = "Only editable installs")
    boolean editable;

    @Option(names = "--exclude-editable", description = "No editable installs")
    boolean excludeEditable;

    @Option(names = "--not-required", description = "Only distributions no other installed one depends on")
    boolean notRequired;

    @Option(names = "--exclude", paramLabel = "NAME", description = "Leave this project out (repeatable)")
    List<String> exclude = List.of();

    @Option(names = {"-v", "--verbose"}, description = "Also show location and installer")
    boolean verbose;

    @Override
    public Integer call() {
        Session session = session();
        PackageList.Format f = switch (format) {
            case "columns" -> PackageList.Format.COLUMNS;
            case "freeze" -> PackageList.Format.FREEZE;
            case "json" -> PackageList.Format.JSON;
            default -> throw new IllegalArgumentException("unknown --format '" + format + "': use columns, freeze or json");
        };
        Environment environment = session.environment(where);
        return Reading.print(session, PackageList.render(Reading.read(session, environment),
                new PackageList.Options(f, verbose, editable, excludeEditable, notRequired, Set.copyOf(exclude)),
                environment.interpreter().markerEnvironment()));
    }
}
