package dev.axle.index;

import java.net.URI;

/**
 * A page whose repository version has a major version other than 1: the specification
 * (PEP 629) requires clients to refuse versions whose major they do not know, since a major
 * change means the page may no longer be read the old way.
 */
public final class UnsupportedApiVersionException extends InvalidIndexPageException {
    private static final long serialVersionUID = 1L;

    private final ApiVersion version;

    public UnsupportedApiVersionException(URI url, ApiVersion version) {
        super(url, "repository version " + version + " is not supported (axle reads major version "
                + ApiVersion.SUPPORTED_MAJOR + "); upgrade axle, or use an index that serves version 1.x");
        this.version = version;
    }

    /** The version the page declared. */
    public ApiVersion version() {
        return version;
    }
}
