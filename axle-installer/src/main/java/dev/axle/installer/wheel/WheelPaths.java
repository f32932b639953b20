package dev.axle.installer.wheel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules for paths inside a wheel: relative, {@code /}-separated, no {@code .} or
 * {@code ..} segments, no empty segments, no backslashes, no drive letters, no NUL. A path
 * that passes cannot leave the folder it is resolved against, on any platform.
 */
final class WheelPaths {
    /** The {@code .data/<key>/} folders the binary distribution format defines. */
    static final Set<String> SCHEME_KEYS = Set.of("purelib", "platlib", "scripts", "headers", "data");

    private WheelPaths() {}

    /**
     * Why {@code path} (without a directory entry's trailing {@code /}) is not a safe relative
     * path, or null if it is.
     */
    static String problem(String path) {
        if (path.isEmpty()) {
            return "empty path";
        }
        if (path.indexOf('\0') >= 0) {
            return "path contains a NUL character";
        }
        if (path.indexOf('\\') >= 0) {
            return "path contains a backslash; wheel paths use / and a backslash could name another folder on Windows";
        }
        if (path.startsWith("/")) {
            return "absolute path; wheel paths are relative to the install folder";
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && isAsciiLetter(path.charAt(0))) {
            return "path starts with a drive letter; wheel paths are relative to the install folder";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "path has a '..' segment, which would install outside the install folder";
            }
            if (segment.equals(".") || segment.isEmpty()) {
                return "path has an empty or '.' segment; wheel paths are normalized";
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Resolves a symbolic link's target against the folder holding the link, without the file
     * system: the normalized wheel path it names, or null if it climbs above the wheel's root.
     */
    static String resolveLink(String linkPath, String target) {
        List<String> parts = new ArrayList<>(List.of(linkPath.split("/")));
        parts.remove(parts.size() - 1);
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    /** The top-level folder of a path, or null for a file at the top. */
    static String topFolder(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }
}
