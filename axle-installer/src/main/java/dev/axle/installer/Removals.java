package dev.axle.installer;

import dev.axle.installer.db.PthEdit;
import dev.axle.installer.db.RemovalPlan;
import dev.axle.installer.tx.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Carries out a removal plan inside a transaction. */
final class Removals {
    private Removals() {}

    static void apply(Transaction tx, RemovalPlan plan) throws IOException {
        tx.removeAll(plan.files());
        for (PthEdit edit : plan.pthEdits()) {
            Path pth = edit.pthFile();
            if (!Files.isRegularFile(pth)) {
                continue;
            }
            byte[] edited = edit.apply(Files.readString(pth, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            // The old file is stashed by the create, so a rollback puts it back.
            tx.createAll(List.of(pth), target -> Files.write(target, edited));
        }
        tx.pruneIfEmpty(plan.directoriesToPruneIfEmpty());
    }
}
