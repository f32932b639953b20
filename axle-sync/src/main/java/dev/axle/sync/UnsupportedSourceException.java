package dev.axle.sync;

import java.util.List;

/** Lock entries whose selected source must be built (sdist, VCS, directory, an archive that is no wheel). */
public final class UnsupportedSourceException extends SyncException {
    private static final long serialVersionUID = 1L;

    UnsupportedSourceException(List<String> entries) {
        super("the lock selects sources axle cannot install, since it builds nothing yet:\n  "
                + String.join("\n  ", entries)
                + "\nlock wheels for them (or sync on a target that has wheels), or install them with pip");
    }
}
