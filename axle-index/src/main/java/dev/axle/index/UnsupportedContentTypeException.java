package dev.axle.index;

import java.net.URI;
import java.util.Optional;

/**
 * A response whose Content-Type is none of the simple API's forms (PEP 691): usually a
 * misconfigured index URL that leads to some other page, or a proxy's error page.
 */
public final class UnsupportedContentTypeException extends InvalidIndexPageException {
    private static final long serialVersionUID = 1L;

    private final String contentType;

    public UnsupportedContentTypeException(URI url, String contentType) {
        super(url, (contentType == null ? "no Content-Type" : "Content-Type '" + contentType + "'")
                + " is not a simple repository API response (expected " + SimpleApi.JSON_V1 + ", "
                + SimpleApi.HTML_V1 + " or text/html); check that the index URL points at the"
                + " index's simple API, such as https://pypi.org/simple");
        this.contentType = contentType;
    }

    /** The Content-Type header value as received, empty when the response had none. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }
}
