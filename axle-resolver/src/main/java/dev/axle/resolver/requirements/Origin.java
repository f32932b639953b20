package dev.axle.resolver.requirements;

/**
 * A line of a requirements file: the first physical line of a continued line, counted from
 * 1; 0 stands for the file as a whole (one that could not be read).
 */
public record Origin(Location file, int line) {
    @Override
    public String toString() {
        return line == 0 ? file.toString() : file + ":" + line;
    }
}
