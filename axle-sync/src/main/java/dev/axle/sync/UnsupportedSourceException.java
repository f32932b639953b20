package dev.axle.sync;

import java.util.List;

/**
 * Lock entries whose selected source the sync cannot install: a VCS checkout, an archive that is
 * neither wheel nor sdist; and sdists and directories, where building is off.
 */
public final class UnsupportedSourceException extends SyncException {
    private static final long serialVersionUID = 1L;

    UnsupportedSourceException(List<String> entries, boolean building) {
        super("the lock selects sources axle cannot install" + (building ? "" : " without building them") + ":\n  "
                + String.join("\n  ", entries)
                + (building ? "\nlock wheels, sdists or project folders for them instead"
                        : "\nsync without --no-build, lock wheels for them (or sync on a target that has wheels),"
                                + " or install them with pip"));
    }
}
