package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.db.DependencyTree;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axle tree}: the dependency tree of an environment, as {@code pipdeptree} and {@code uv tree} show it. */
@Command(name = "tree", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the installed distributions as a dependency tree, with markers evaluated for the"
                + " environment's interpreter.")
final class TreeCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = {"-d", "--depth"}, paramLabel = "N", description = "Show N levels under the top (default: all)")
    int depth = Integer.MAX_VALUE;

    @Option(names = {"--invert", "--reverse"}, description = "Show what requires each distribution instead")
    boolean invert;

    @Option(names = "--package", paramLabel = "NAME", description = "Start from this project (repeatable)")
    List<String> packages = List.of();

    @Option(names = "--json", description = "Print the tree as JSON (nested nodes)")
    boolean json;

    @Override
    public Integer call() {
        Session session = session();
        Environment environment = session.environment(where);
        DependencyTree.Result result = DependencyTree.of(Reading.read(session, environment),
                environment.interpreter().markerEnvironment(), new DependencyTree.Options(invert, depth, packages));
        if (json) {
            session.out.print(result.json());
        } else {
            TreeLines.render(result.roots(), invert).forEach(session.out::println);
        }
        session.out.flush();
        result.warnings().forEach(w -> session.err.println("warning: " + w));
        result.notInstalled().forEach(p -> session.err.println("warning: package not installed: " + p));
        session.err.flush();
        return result.notInstalled().isEmpty() ? 0 : 1;
    }
}
