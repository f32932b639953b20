package dev.axle.index;

import java.io.IOException;

/**
 * A wheel whose {@code METADATA} cannot be read: it is no zip, or not one a wheel may be, it has
 * no {@code .dist-info} folder or more than one, or the folder has no {@code METADATA}.
 */
public final class InvalidWheelException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String wheel;

    /**
     * @param wheel   the wheel's filename
     * @param url     where it was read from, credentials redacted
     * @param problem what is wrong
     * @param hint    how to fix it
     */
    InvalidWheelException(String wheel, String url, String problem, String hint) {
        super("Cannot read the metadata of wheel " + wheel + " (" + url + "): " + problem + ". " + hint);
        this.wheel = wheel;
    }

    /** The wheel's filename. */
    public String wheel() {
        return wheel;
    }
}
