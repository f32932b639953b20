package dev.axle.build;

/** A build that failed: what failed, and the end of what the backend printed (may be empty). */
public final class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String output;

    public BuildException(String message, String output) {
        super(message);
        this.output = output;
    }

    /** The last lines the backend printed before it failed. */
    public String output() {
        return output;
    }
}
