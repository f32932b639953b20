package dev.axle.lock;

import dev.axle.pep.PercentEncoding;
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
        return PercentEncoding.decode(s.substring(s.lastIndexOf('/') + 1));
    }
}
