package dev.axle.index;

import java.io.IOException;
import java.net.URI;

/**
 * A simple repository API response that cannot be read as the specification describes: not
 * JSON, a required key missing, a value of the wrong type, an unparseable repository version.
 *
 * <p>A checked {@link IOException} because it describes what a server sent, like any other
 * failed response: callers that fetch pages already handle I/O failures and can treat a
 * malformed page the same way (try the next index, report it).
 */
public class InvalidIndexPageException extends IOException {
    private static final long serialVersionUID = 1L;

    private final URI url;

    public InvalidIndexPageException(URI url, String problem) {
        this(url, problem, null);
    }

    public InvalidIndexPageException(URI url, String problem, Throwable cause) {
        super("Invalid simple repository API page " + url + ": " + problem, cause);
        this.url = url;
    }

    /** The page's URL. */
    public URI url() {
        return url;
    }
}
