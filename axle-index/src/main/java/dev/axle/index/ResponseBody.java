package dev.axle.index;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a successful response's body goes, piece by piece, on the HTTP client's threads.
 * {@link #start} is called again for each retried attempt, which must discard what came before.
 */
interface ResponseBody {
    /** A response is about to be read. */
    void start(Head head) throws IOException;

    /** The next piece of the body. */
    void accept(ByteBuffer bytes) throws IOException;

    /**
     * A successful response's head.
     *
     * @param url         the final URL, after redirects, without credentials
     * @param contentType the Content-Type header, if any
     * @param length      the Content-Length header, if any
     * @param lastSerial  the X-PyPI-Last-Serial header, if any and a number
     */
    record Head(URI url, Optional<String> contentType, OptionalLong length, OptionalLong lastSerial) {
        Head(URI url, Optional<String> contentType, OptionalLong length) {
            this(url, contentType, length, OptionalLong.empty());
        }
    }
}
