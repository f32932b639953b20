package dev.axle.mirror;

import java.io.IOException;

/** A sync that cannot go on, or a destination that cannot be used; the message says what to do. */
public class MirrorException extends IOException {
    private static final long serialVersionUID = 1L;

    public MirrorException(String message) {
        super(message);
    }

    public MirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
