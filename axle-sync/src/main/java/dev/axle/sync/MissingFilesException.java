package dev.axle.sync;

import java.util.List;

/** Locked wheels whose files could not be had: not local, not cached, not in find-links, and not to be downloaded. */
public final class MissingFilesException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    MissingFilesException(List<String> missing, String how) {
        super((missing.size() == 1 ? "1 locked file is" : missing.size() + " locked files are")
                + " not available; nothing was changed:\n  " + String.join("\n  ", missing) + "\n" + how);
        this.missing = List.copyOf(missing);
    }

    /** One line per missing file: the package, the file and where it was looked for. */
    public List<String> missing() {
        return missing;
    }
}
