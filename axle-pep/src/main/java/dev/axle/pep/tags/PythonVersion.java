package dev.axle.pep.tags;

import java.util.OptionalInt;

/**
 * The Python language version that tags are generated for: a major version and, usually,
 * a minor one ({@code 3.12}, or just {@code 3}). Further components never affect tags.
 */
public final class PythonVersion implements Comparable<PythonVersion> {
    private static final int ABSENT = -1;

    private final int major;
    private final int minor;

    private PythonVersion(int major, int minor) {
        if (major < 0 || minor < ABSENT) {
            throw new IllegalArgumentException("Python version components must be non-negative");
        }
        this.major = major;
        this.minor = minor;
    }

    public static PythonVersion of(int major, int minor) {
        if (minor < 0) {
            throw new IllegalArgumentException("Python version components must be non-negative");
        }
        return new PythonVersion(major, minor);
    }

    /** A major-only version, such as {@code 3}. */
    public static PythonVersion of(int major) {
        return new PythonVersion(major, ABSENT);
    }

    /**
     * Reads {@code 3} or {@code 3.12}; a third component ({@code 3.12.1}) is accepted and ignored.
     *
     * @throws IllegalArgumentException if {@code text} is not made of up to three dot-separated numbers
     */
    public static PythonVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("not a Python version: " + text);
        }
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 9 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a Python version: " + text);
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return parts.length == 1 ? of(numbers[0]) : of(numbers[0], numbers[1]);
    }

    public int major() {
        return major;
    }

    public OptionalInt minor() {
        return hasMinor() ? OptionalInt.of(minor) : OptionalInt.empty();
    }

    public boolean hasMinor() {
        return minor != ABSENT;
    }

    /** The digits run together, as tags write versions: {@code 312} for 3.12, {@code 3} for 3. */
    public String nodot() {
        return hasMinor() ? Integer.toString(major) + minor : Integer.toString(major);
    }

    /** Whether this version is at least {@code major.minor}, comparing as Python compares tuples. */
    boolean atLeast(int major, int minor) {
        return compareTo(of(major, minor)) >= 0;
    }

    /** Python tuple order: a major-only version comes before every minor version of that major. */
    @Override
    public int compareTo(PythonVersion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PythonVersion v && major == v.major && minor == v.minor;
    }

    @Override
    public int hashCode() {
        return 31 * major + minor;
    }

    @Override
    public String toString() {
        return hasMinor() ? major + "." + minor : Integer.toString(major);
    }
}
