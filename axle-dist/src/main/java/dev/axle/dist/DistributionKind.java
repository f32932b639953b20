package dev.axle.dist;

/** The two kinds of distribution an index accepts: built (wheel) and source (sdist). */
public enum DistributionKind {
    /** A {@code .whl} file (binary distribution format). */
    WHEEL("bdist_wheel"),
    /** A {@code .tar.gz} or {@code .zip} source distribution. */
    SDIST("sdist");

    private final String filetype;

    DistributionKind(String filetype) {
        this.filetype = filetype;
    }

    /** The upload form's {@code filetype} for this kind: {@code bdist_wheel} or {@code sdist}. */
    public String filetype() {
        return filetype;
    }
}
