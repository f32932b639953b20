package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.Uninstaller;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle uninstall}: removes distributions by their RECORD, whoever installed them. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove installed distributions (installed by axle, pip, uv or any other installer)."
                + " Files another installed distribution also lists stay.")
final class UninstallCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Project names")
    List<String> names;

    @Option(names = "--dry-run", description = "Show what would be removed, remove nothing")
    boolean dryRun;

    @Option(names = "--break-system-packages",
            description = "Uninstall from an externally managed Python (PEP 668) anyway")
    boolean breakSystemPackages;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        Environment environment = session.environment(where);
        if (!dryRun) {
            environment.checkInstallAllowed(breakSystemPackages);
        }
        ProgressBar progress = session.progress(output);
        Uninstaller.Result result = new Uninstaller(environment, progress).uninstall(names, dryRun);
        progress.clear();
        for (String name : result.notInstalled()) {
            session.err.println("warning: Skipping " + name + " as it is not installed.");
        }
        if (!output.quiet && !result.removed().isEmpty()) {
            int n = result.removed().size();
            String what = n == 1 ? "1 package" : n + " packages";
            session.out.println(dryRun ? "Would uninstall " + what : "Uninstalled " + what + " in "
                    + Durations.format(System.nanoTime() - start));
            for (Uninstaller.Removal r : result.removed()) {
                session.out.println(" - " + r.distribution().displayName() + "==" + r.distribution().versionText());
                if (dryRun || output.verbose) {
                    for (Path file : r.plan().files()) {
                        session.out.println("     " + file);
                    }
                }
                for (Path kept : r.plan().skippedShared()) {
                    if (output.verbose) {
                        session.out.println("     kept (another distribution lists it): " + kept);
                    }
                }
            }
        }
        return 0;
    }
}
