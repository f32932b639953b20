package dev.axle.index;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading the simple repository API's responses (PEP 503, 629, 691, 592, 658, 714, 700): a
 * page is parsed from what an HTTP response gives (the Content-Type header value, the body
 * and the final URL after redirects, against which relative links resolve), in whichever
 * form the server chose.
 *
 * <p>JSON pages are read strictly (a value of the wrong type is an error naming its key;
 * unknown keys are ignored); HTML is read as browsers read it, so malformed markup never
 * fails, and only the repository version can make an HTML page invalid.
 */
public final class SimpleApi {
    /** The JSON form, version 1 (PEP 691). */
    public static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";
    /** The HTML form, version 1 (PEP 691's name for PEP 503 pages). */
    public static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
    /** Aliases a server may answer with for the newest version it serves; read as version 1. */
    public static final String JSON_LATEST = "application/vnd.pypi.simple.latest+json";
    public static final String HTML_LATEST = "application/vnd.pypi.simple.latest+html";
    /** Legacy PEP 503 servers and static file trees. */
    public static final String TEXT_HTML = "text/html";

    /**
     * The Accept header to send for index pages: JSON version 1 first, then HTML version 1,
     * and plain {@code text/html} last, because a {@code text/html} answer may be any page (a
     * misconfigured URL, a login form) rather than an index. The same preference pip and uv
     * express, with the q values of the specification's example.
     */
    public static final String ACCEPT = JSON_V1 + ", " + HTML_V1 + ";q=0.2, " + TEXT_HTML + ";q=0.01";

    private SimpleApi() {}

    /** The two serializations of the same data. */
    enum Format { JSON, HTML }

    /**
     * Parses a project page ({@code <index>/<project>/}).
     *
     * @param contentType the response's Content-Type header value (null if it had none)
     * @param body        the response body
     * @param url         the page's final URL, absolute
     * @throws UnsupportedContentTypeException if the content type is none of the simple API's
     * @throws UnsupportedApiVersionException  if the page's repository version has a major other than 1
     * @throws InvalidIndexPageException       if the page is malformed
     */
    public static ProjectPage parseProjectPage(String contentType, byte[] body, URI url)
            throws InvalidIndexPageException {
        check(body, url);
        return switch (format(contentType, url)) {
            case JSON -> JsonPages.projectPage(body, url);
            case HTML -> HtmlPages.projectPage(body, charset(contentType), url);
        };
    }

    /**
     * Parses the index's project list (its root, {@code <index>/}); arguments and errors as
     * {@link #parseProjectPage}.
     */
    public static ProjectList parseProjectList(String contentType, byte[] body, URI url)
            throws InvalidIndexPageException {
        check(body, url);
        return switch (format(contentType, url)) {
            case JSON -> JsonPages.projectList(body, url);
            case HTML -> HtmlPages.projectList(body, charset(contentType), url);
        };
    }

    private static void check(byte[] body, URI url) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("a page's URL must be absolute: " + url);
        }
    }

    /** {@code version} if its major is one this parser reads (PEP 629: refuse others, accept newer minors). */
    static ApiVersion supported(ApiVersion version, URI url) throws UnsupportedApiVersionException {
        if (version.major() != ApiVersion.SUPPORTED_MAJOR) {
            throw new UnsupportedApiVersionException(url, version);
        }
        return version;
    }

    /** The format a Content-Type names: its media type compared without case, parameters ignored. */
    static Format format(String contentType, URI url) throws UnsupportedContentTypeException {
        if (contentType == null) {
            throw new UnsupportedContentTypeException(url, null);
        }
        return switch (mediaType(contentType)) {
            case JSON_V1, JSON_LATEST -> Format.JSON;
            case HTML_V1, HTML_LATEST, TEXT_HTML -> Format.HTML;
            default -> throw new UnsupportedContentTypeException(url, contentType);
        };
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter if it names a charset Java has; otherwise the HTML parser detects one. */
    static Optional<Charset> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String name = parameter.substring(eq + 1).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
                } catch (IllegalCharsetNameException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
