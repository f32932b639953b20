package dev.axle.mirror.filter;

/**
 * {@code --max-file-size}: files the page sizes (PEP 700) at most {@code maxBytes}; a file
 * whose page gives no size (an HTML page, an index older than PEP 700) passes.
 */
public record SizeFilter(long maxBytes) implements FileFilter {
    public SizeFilter {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a size limit cannot be negative: " + maxBytes);
        }
    }

    /** A limit written as {@link ByteSize#parse} reads it ({@code 50M}). */
    public static SizeFilter parse(String text) {
        return new SizeFilter(ByteSize.parse(text));
    }

    @Override
    public boolean accepts(ListedFile file) {
        return file.file().size().map(size -> size <= maxBytes).orElse(true);
    }

    /** Whether a file of {@code size} bytes passes. */
    public boolean accepts(long size) {
        return size <= maxBytes;
    }

    @Override
    public String toString() {
        return "max-file-size[" + maxBytes + "]";
    }
}
