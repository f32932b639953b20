package dev.axle.installer.wheel;

import java.util.Optional;

/**
 * A wheel that cannot be installed as it is: a broken archive, a path that would leave the
 * install folders, content that does not match RECORD, metadata that disagrees with the
 * filename. The message names the wheel file, the entry at fault (when there is one), what
 * is wrong and what to do.
 */
public final class InvalidWheelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String wheel;
    private final String entry;
    private final String problem;

    /**
     * @param wheel the wheel's file name
     * @param entry the entry at fault (a path inside the wheel), or null for the whole wheel
     * @param problem what is wrong, and how to fix it where that is not "get a good wheel"
     */
    public InvalidWheelException(String wheel, String entry, String problem) {
        super(wheel + ": " + (entry == null ? "" : entry + ": ") + problem);
        this.wheel = wheel;
        this.entry = entry;
        this.problem = problem;
    }

    public InvalidWheelException(String wheel, String entry, String problem, Throwable cause) {
        this(wheel, entry, problem);
        initCause(cause);
    }

    /** The wheel's file name. */
    public String wheel() {
        return wheel;
    }

    /** What is wrong (the message without the wheel and entry in front). */
    public String problem() {
        return problem;
    }

    /** The path inside the wheel at fault, if the problem is with one entry. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
