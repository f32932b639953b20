package dev.axle.mirror.filter;

/** {@code --no-sdist}: every file but source distributions. */
public record NoSdistFilter() implements FileFilter {
    @Override
    public boolean accepts(ListedFile file) {
        return file.kind() != ListedFile.Kind.SDIST;
    }

    @Override
    public String toString() {
        return "no-sdist";
    }
}
