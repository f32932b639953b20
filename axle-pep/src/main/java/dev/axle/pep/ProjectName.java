package dev.axle.pep;

/**
 * A project (distribution) name in its normalized form (the name normalization
 * specification, PEP 503): lower case, with every run of {@code -}, {@code _} and
 * {@code .} replaced by one {@code -}.
 *
 * <p>Two names are equal when their normalized forms are, so {@code Foo.Bar} and
 * {@code foo_bar} name the same project.
 */
public final class ProjectName implements Comparable<ProjectName> {
    private final String normalized;

    private ProjectName(String normalized) {
        this.normalized = normalized;
    }

    /**
     * Validates {@code name} against the core metadata {@code Name} format and normalizes it.
     *
     * @throws InvalidNameException if {@code name} is null or not a valid name
     */
    public static ProjectName parse(String name) {
        return new ProjectName(canonicalize(name, true));
    }

    /**
     * The normalized form of {@code name} without validating it, as packaging's
     * {@code canonicalize_name(name)}: invalid names are normalized all the same
     * ({@code _not_legal} gives {@code -not-legal}).
     */
    public static String canonicalize(String name) {
        return canonicalize(name, false);
    }

    /**
     * Packaging's {@code canonicalize_name(name, validate=...)}.
     *
     * @throws InvalidNameException if {@code validate} is set and {@code name} is not a valid name
     */
    public static String canonicalize(String name, boolean validate) {
        if (validate || name == null) {
            int bad = firstInvalid(name);
            if (bad >= 0) {
                throw new InvalidNameException(name, bad);
            }
        }
        String lower = Text.pyLower(name);
        if (lower.indexOf('_') < 0 && lower.indexOf('.') < 0 && !lower.contains("--")) {
            return lower;
        }
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!isSeparator(c)) {
                b.append(c);
            } else if (b.isEmpty() || b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        return b.toString();
    }

    /** Whether {@code name} is already a valid, normalized name (packaging's {@code is_normalized_name}). */
    public static boolean isNormalized(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || Text.isAsciiDigit(c);
            boolean innerDash = c == '-' && i > 0 && i < name.length() - 1 && name.charAt(i - 1) != '-';
            if (!alnum && !innerDash) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is a valid project name (ASCII letters and digits, with {@code . _ -} inside). */
    public static boolean isValid(String name) {
        return firstInvalid(name) < 0;
    }

    /** Offset of the first character that makes {@code name} invalid, or -1 if it is valid. */
    private static int firstInvalid(String name) {
        if (name == null || name.isEmpty()) {
            return 0;
        }
        if (!Text.isAsciiAlnum(name.charAt(0))) {
            return 0;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Text.isAsciiAlnum(c) && !isSeparator(c)) {
                return i;
            }
        }
        int last = name.length() - 1;
        return Text.isAsciiAlnum(name.charAt(last)) ? -1 : last;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    /** The form used in wheel and sdist filenames: the normalized name with {@code _} for {@code -}. */
    public String escaped() {
        return normalized.replace('-', '_');
    }

    @Override
    public int compareTo(ProjectName o) {
        return normalized.compareTo(o.normalized);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ProjectName n && normalized.equals(n.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** The normalized name. */
    @Override
    public String toString() {
        return normalized;
    }
}
