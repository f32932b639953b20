package dev.axle.mirror.filter;

import java.util.List;

/**
 * {@code --platform}: wheels with a platform tag that one of the patterns matches
 * ({@code manylinux*_x86_64}, {@code any}, {@code win_amd64}); sdists pass (see
 * {@link NoSdistFilter}); other files (eggs, installers), whose names do not tell their
 * platform reliably, do not.
 *
 * @param patterns shell-style patterns ({@code *}, {@code ?}), each matched against a whole tag
 */
public record PlatformFilter(List<String> patterns) implements FileFilter {
    public PlatformFilter {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a platform filter needs a pattern");
        }
    }

    @Override
    public boolean accepts(ListedFile file) {
        return switch (file.kind()) {
            case SDIST -> true;
            case OTHER -> false;
            case WHEEL -> Glob.any(patterns, file.platformTags());
        };
    }

    @Override
    public String toString() {
        return "platform" + patterns;
    }
}
