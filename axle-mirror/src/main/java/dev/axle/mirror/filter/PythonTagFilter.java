package dev.axle.mirror.filter;

import java.util.List;

/**
 * {@code --python-tag}: wheels with an interpreter tag that one of the patterns matches
 * ({@code cp311}, {@code py3}, {@code cp3*}); a wheel tagged {@code py2.py3} has both. Sdists
 * pass; other files do not.
 *
 * @param patterns shell-style patterns, each matched against a whole tag
 */
public record PythonTagFilter(List<String> patterns) implements FileFilter {
    public PythonTagFilter {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a python tag filter needs a pattern");
        }
    }

    @Override
    public boolean accepts(ListedFile file) {
        return switch (file.kind()) {
            case SDIST -> true;
            case OTHER -> false;
            case WHEEL -> Glob.any(patterns, file.pythonTags());
        };
    }

    @Override
    public String toString() {
        return "python-tag" + patterns;
    }
}
