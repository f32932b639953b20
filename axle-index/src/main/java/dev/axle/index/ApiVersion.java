package dev.axle.index;

import java.util.Optional;

/**
 * The version of the simple repository API a page declares (PEP 629): {@code meta.api-version}
 * in JSON, {@code <meta name="pypi:repository-version">} in HTML, {@code major.minor}.
 *
 * <p>Clients refuse an unknown major version; a newer minor only adds things an older client
 * may ignore, so a caller may warn about it ({@link #isNewerThanKnown()}) and go on.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    /** The only major version there is. */
    public static final int SUPPORTED_MAJOR = 1;

    /** What an HTML page without the meta element is (PEP 629). */
    public static final ApiVersion DEFAULT = new ApiVersion(1, 0);

    /**
     * The newest version this parser knows: 1.1 added the PEP 700 fields (read here), 1.2 the
     * PEP 708 tracks and alternate locations, 1.3 PEP 740 provenance, 1.4 PEP 792 project
     * status; those three are not read yet and can be ignored safely by a 1.1 client.
     */
    public static final ApiVersion LATEST_KNOWN = new ApiVersion(1, 4);

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative API version " + major + "." + minor);
        }
    }

    public static ApiVersion of(int major, int minor) {
        return new ApiVersion(major, minor);
    }

    /** {@code major.minor} (a lone major means minor 0), or empty if {@code text} is not such a version. */
    public static Optional<ApiVersion> parse(String text) {
        String s = text.strip();
        int dot = s.indexOf('.');
        String major = dot < 0 ? s : s.substring(0, dot);
        String minor = dot < 0 ? "0" : s.substring(dot + 1);
        if (!isNumber(major) || !isNumber(minor)) {
            return Optional.empty();
        }
        return Optional.of(new ApiVersion(Integer.parseInt(major), Integer.parseInt(minor)));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether this version is a minor version newer than {@link #LATEST_KNOWN}: worth a warning, not an error. */
    public boolean isNewerThanKnown() {
        return compareTo(LATEST_KNOWN) > 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
