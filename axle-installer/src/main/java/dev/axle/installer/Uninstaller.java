package dev.axle.installer;

import dev.axle.env.Environment;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.installer.db.RemovalPlan;
import dev.axle.installer.db.RemovalPlanner;
import dev.axle.installer.tx.Transaction;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes installed distributions by their RECORD (or installed-files.txt), whoever
 * installed them, all or nothing: files that another installed distribution still lists stay.
 */
public final class Uninstaller {
    /** One distribution's removal: what goes, and what stays because another distribution lists it. */
    public record Removal(InstalledDistribution distribution, RemovalPlan plan) {}

    /** The outcome: what was (or, in a dry run, would be) removed, and the names not installed. */
    public record Result(List<Removal> removed, List<String> notInstalled) {}

    private final Environment environment;
    private final InstallListener listener;

    public Uninstaller(Environment environment, InstallListener listener) {
        this.environment = environment;
        this.listener = listener;
    }

    public Result uninstall(List<String> names, boolean dryRun) throws IOException {
        Transaction.recover(environment.root(), TransactionReports.to(listener));
        InstalledDistributions installed = InstalledDistributions.read(environment.sitePackages());
        Map<ProjectName, InstalledDistribution> removing = new LinkedHashMap<>();
        List<String> notInstalled = new ArrayList<>();
        for (String name : names) {
            Optional<InstalledDistribution> d = installed.get(ProjectName.parse(name));
            if (d.isPresent()) {
                removing.put(d.get().name(), d.get());
            } else {
                notInstalled.add(name);
            }
        }
        List<Removal> removals = new ArrayList<>();
        Set<InstalledDistribution> all = new LinkedHashSet<>(removing.values());
        RemovalPlanner planner = RemovalPlanner.of(installed, environment.root(), Installer.schemeRoots(environment))
                .withScriptsDirectory(environment.scheme().scripts());
        for (InstalledDistribution d : removing.values()) {
            removals.add(new Removal(d, planner.plan(d, all)));
        }
        if (dryRun || removals.isEmpty()) {
            return new Result(removals, notInstalled);
        }
        try (Transaction tx = Transaction.begin(environment.root(), TransactionReports.to(listener))) {
            for (Removal r : removals) {
                Removals.apply(tx, r.plan());
            }
            tx.commit();
        }
        return new Result(removals, notInstalled);
    }
}
