package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.Path;

/** A transaction folder holds a journal this version of axle cannot read. */
public final class JournalFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalFormatException(Path journal, String firstLine) {
        super("the transaction journal " + journal + " starts with '" + firstLine + "', not '" + Journal.HEADER
                + "': it was written by another version of axle. Run that version to repair the environment, "
                + "or check the files it lists and delete " + journal.getParent() + " by hand");
    }
}
