package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.installer.Installer;
import dev.axle.installer.Installer.Change;
import dev.axle.installer.Installer.WheelSource;
import dev.axle.installer.cache.LinkMode;
import dev.axle.installer.cache.WheelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axle install}: wheel files into an environment, all or nothing. */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Install wheel files into a Python environment. Everything given is installed, or nothing is:"
                + " a failure or Ctrl-C rolls the environment back.")
final class InstallCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "WHEEL", description = "Wheel files (.whl)")
    List<Path> wheels;

    @Option(names = "--no-deps", description = "Do not check that the wheels' dependencies are installed or given")
    boolean noDeps;

    @Option(names = {"--reinstall", "--force-reinstall"}, description = "Install even what is installed at the same version")
    boolean reinstall;

    @Option(names = "--dry-run", description = "Show what would change, change nothing")
    boolean dryRun;

    @Option(names = "--compile", description = "Byte-compile the installed modules (.pyc), recorded in RECORD")
    boolean compile;

    @Option(names = "--link-mode", paramLabel = "MODE", converter = LinkModeConverter.class,
            description = "How files get from axle's cache into the environment: clone, hardlink or copy"
                    + " (default: $AXLE_LINK_MODE, else clone where the filesystem can, else hardlink, else copy)")
    LinkMode linkMode;

    @Option(names = "--break-system-packages",
            description = "Install into an externally managed Python (PEP 668) anyway")
    boolean breakSystemPackages;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        List<WheelSource> sources = new ArrayList<>();
        for (Path wheel : wheels) {
            Path file = session.cwd.resolve(wheel).normalize();
            if (!Files.isRegularFile(file)) {
                session.err.println("error: " + wheel + ": no such file" + (wheel.toString().endsWith(".whl") ? ""
                        : "; axle install takes wheel files here (installing by name from an index comes later)"));
                return 1;
            }
            sources.add(WheelSource.requested(file));
        }
        Environment environment = session.environment(where);
        if (!dryRun) {
            environment.checkInstallAllowed(breakSystemPackages);
            // pip makes a --target or --prefix folder that is not there yet; so does axle.
            Files.createDirectories(environment.root());
        }
        LinkMode mode = linkMode != null ? linkMode
                : session.env.containsKey("AXLE_LINK_MODE") ? LinkMode.parse(session.env.get("AXLE_LINK_MODE"))
                : LinkMode.AUTO;
        ProgressBar progress = session.progress(output);
        Installer installer = new Installer(environment, new WheelCache(session.cache.root().resolve("wheels-v1")),
                new Installer.Options(noDeps, reinstall, dryRun, compile, mode), progress, session.unpackProcess());
        List<Change> changes = installer.install(sources);
        progress.clear();
        if (!output.quiet) {
            report(session, changes, System.nanoTime() - start);
        }
        if (!dryRun && changes.stream().anyMatch(c -> c.kind() != Change.Kind.UNCHANGED)) {
            environment.scriptsFolderWarning(session.env.getOrDefault("PATH", ""),
                            Path.of(session.env.getOrDefault("HOME", System.getProperty("user.home"))))
                    .filter(w -> installedScripts(environment))
                    .ifPresent(w -> session.err.println("warning: " + w));
        }
        return 0;
    }

    private void report(Session session, List<Change> changes, long nanos) {
        long changed = changes.stream().filter(c -> c.kind() != Change.Kind.UNCHANGED).count();
        String what = changed == 1 ? "1 package" : changed + " packages";
        session.out.println(dryRun ? "Would install " + what : "Installed " + what + " in " + Durations.format(nanos));
        for (Change c : changes) {
            switch (c.kind()) {
                case INSTALLED -> session.out.println(" + " + c.name() + "==" + c.version());
                case REPLACED -> {
                    session.out.println(" - " + c.name() + "==" + c.previous().orElse("?"));
                    session.out.println(" + " + c.name() + "==" + c.version());
                }
                case UNCHANGED -> session.out.println(" = " + c.name() + "==" + c.version()
                        + " (already installed; --reinstall to install it again)");
            }
        }
    }

    /** Whether the scripts folder has anything in it (pip warns only when it installed scripts). */
    private static boolean installedScripts(Environment environment) {
        try (var files = Files.list(environment.scheme().scripts())) {
            return files.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
