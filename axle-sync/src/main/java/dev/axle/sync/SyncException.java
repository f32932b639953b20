package dev.axle.sync;

/** A sync that cannot go ahead; nothing in the environment was changed. The message says why and what to do. */
public class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }
}
