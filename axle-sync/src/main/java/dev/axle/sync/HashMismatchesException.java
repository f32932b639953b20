package dev.axle.sync;

import java.util.List;

/** Files whose content does not match the hashes the lock gives for them. */
public final class HashMismatchesException extends SyncException {
    private static final long serialVersionUID = 1L;

    HashMismatchesException(List<String> mismatches) {
        super("these files do not match the hashes in the lock file; nothing was changed:\n  "
                + String.join("\n  ", mismatches)
                + "\nthe files were changed after the lock was made: get them again from where the lock says,"
                + " or lock again if the change is intended");
    }
}
