package dev.axle.installer;

/**
 * What the installer and uninstaller report while they work. The library never prints;
 * the command line renders these as a progress bar and messages. Calls may come from
 * several threads at once.
 */
public interface InstallListener {
    /** A stage of the work, for progress. */
    enum Stage {
        /** Unpacking wheels into the cache; units are bytes of wheel files. */
        UNPACK,
        /** Linking and writing files into the environment; units are files. */
        INSTALL,
        /** Byte-compiling installed modules; units are files. */
        COMPILE
    }

    /** {@code done} of {@code total} units of a stage are finished. */
    default void progress(Stage stage, long done, long total) {}

    /** Something the user should know that does not stop the work. */
    default void warning(String message) {}

    /** A detail shown with {@code -v}. */
    default void detail(String message) {}

    InstallListener NONE = new InstallListener() {};
}
