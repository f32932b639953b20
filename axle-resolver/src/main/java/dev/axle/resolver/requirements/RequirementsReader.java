package dev.axle.resolver.requirements;

import java.io.IOException;

/** Gives the text of a requirements file; the parser itself does no IO. */
@FunctionalInterface
public interface RequirementsReader {

    /**
     * The text of the file at {@code location}.
     *
     * @throws IOException if it cannot be read; the parser reports it with the line that named the file
     */
    String read(Location location) throws IOException;

    /** Reads local files the way pip decodes them; refuses URLs. */
    static RequirementsReader localFiles() {
        return new LocalFileReader();
    }
}
