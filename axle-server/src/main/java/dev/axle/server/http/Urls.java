package dev.axle.server.http;

import dev.axle.server.store.StoredFile;
import java.nio.charset.StandardCharsets;

/** The server's URLs for what it serves (absolute paths, so a page's location does not matter). */
final class Urls {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private Urls() {}

    /** Where {@code file} is downloaded: under the index that holds it. */
    static String file(StoredFile file) {
        return "/" + segment(file.index()) + "/files/" + segment(file.project()) + "/" + segment(file.filename());
    }

    /** {@code text} percent-encoded as one path segment (UTF-8). */
    static String segment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
