package dev.axle.installer;

import dev.axle.pep.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** {@code file:} URLs and local paths, converted the way pip converts them (POSIX rules). */
final class FileUrls {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileUrls() {}

    /** pip's {@code path_to_url}: {@code file://} plus the absolute normalized path, percent-encoded. */
    static String fromPath(Path path) {
        String absolute = path.toAbsolutePath().normalize().toString();
        StringBuilder b = new StringBuilder("file://");
        for (byte x : absolute.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/';
            if (safe) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    /**
     * pip's {@code url_to_path} for URLs it accepts: a {@code file:} URL whose host is empty
     * or {@code localhost}; its path without query and fragment, percent-decoded.
     */
    static Optional<String> toPath(String url) {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) {
            return Optional.empty();
        }
        String rest = url.substring(5);
        int end = firstOf(rest, "?#", 0);
        String netloc = "";
        int pathStart = 0;
        if (rest.startsWith("//")) {
            int netlocEnd = firstOf(rest, "/?#", 2);
            netloc = rest.substring(2, netlocEnd);
            pathStart = netlocEnd;
        }
        if (!netloc.isEmpty() && !netloc.equals("localhost")) {
            return Optional.empty();
        }
        return Optional.of(PercentEncoding.decode(rest.substring(pathStart, Math.max(pathStart, end))));
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
