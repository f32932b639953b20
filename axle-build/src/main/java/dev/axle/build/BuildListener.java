package dev.axle.build;

/** What a build reports as it goes; the CLI shows it with -v, or when a build fails. */
public interface BuildListener {
    /** A line the backend printed. */
    default void output(String line) {}

    /** A step of the build ("building the sdist", "installing the build requirements"). */
    default void step(String what) {}

    /** Something left behind or skipped that the user should know of; the build goes on. */
    default void warning(String message) {}

    BuildListener NONE = new BuildListener() {};
}
