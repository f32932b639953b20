package dev.axle.lock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file name of a locked wheel or sdist: its {@code name} key, else the last part of its
 * {@code path}, else the last segment of its {@code url} (percent-decoded), the first that
 * is not empty (packaging's order).
 */
final class FileName {
    private FileName() {}

    static Optional<String> of(Optional<String> name, Optional<String> path, Optional<String> url) {
        return name.filter(s -> !s.isEmpty())
                .or(() -> path.filter(s -> !s.isEmpty()).map(FileName::lastPathPart).filter(s -> !s.isEmpty()))
                .or(() -> url.filter(s -> !s.isEmpty()).map(FileName::lastUrlSegment).filter(s -> !s.isEmpty()));
    }

    /** Relative paths may use either separator; a path with a {@code /} is split on it alone. */
    private static String lastPathPart(String path) {
        int slash = path.lastIndexOf('/');
        if (slash >= 0) {
            return path.substring(slash + 1);
        }
        return path.substring(path.lastIndexOf('\\') + 1);
    }

    /** The last segment of the URL's path (scheme, authority, query and fragment removed), decoded. */
    static String lastUrlSegment(String url) {
        String s = url;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            s = s.substring(colon + 1);
        }
        if (s.startsWith("//")) {
            int slash = s.indexOf('/', 2);
            s = slash < 0 ? "" : s.substring(slash);
        }
        return percentDecode(s.substring(s.lastIndexOf('/') + 1));
    }

    /** Decodes %XX escapes as UTF-8 (malformed bytes become U+FFFD, a stray % stays). */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
