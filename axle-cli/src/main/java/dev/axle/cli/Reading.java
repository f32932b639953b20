package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.env.Scheme;
import dev.axle.installer.db.CommandOutput;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.installer.tx.Transaction;
import dev.axle.installer.tx.TransactionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

/** What the reading commands share: repairing an interrupted run first, then reading the environment. */
final class Reading {
    private Reading() {}

    /**
     * The distributions installed in the environment, after repairing what an interrupted
     * install left (when the environment is writable; a read-only one is read as it is).
     */
    static InstalledDistributions read(Session session, Environment environment) {
        repair(session, environment);
        return InstalledDistributions.read(environment.sitePackages());
    }

    /**
     * The distributions in the environment's own install scheme (its purelib and platlib), not
     * those it only sees: a venv's system site-packages, the user site. A sync answers for these.
     */
    static InstalledDistributions readOwn(Session session, Environment environment) {
        repair(session, environment);
        Scheme scheme = environment.scheme();
        return InstalledDistributions.read(Stream.of(scheme.purelib(), scheme.platlib()).distinct().toList());
    }

    private static void repair(Session session, Environment environment) {
        if (Files.isWritable(environment.root())) {
            try {
                Transaction.recover(environment.root(), TransactionListener.NONE);
            } catch (IOException e) {
                session.err.println("warning: could not repair an interrupted axle run in " + environment.root()
                        + ": " + e.getMessage());
            }
        }
    }

    /** Prints a report and answers its exit code. */
    static int print(Session session, CommandOutput output) {
        session.out.print(output.stdout());
        session.out.flush();
        session.err.print(output.stderr());
        session.err.flush();
        return output.exitCode();
    }
}
