package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of Python 3.12's {@code pathlib.PureWindowsPath} that License-File validation
 * uses: whether a path is absolute (has a drive and a root) and its normalized
 * {@code as_posix()} form (empty and {@code .} segments dropped, {@code /} separators).
 */
final class WindowsPath {
    private WindowsPath() {}

    /** {@code drive}, {@code root} and the remaining segments, as {@code ntpath.splitroot} finds them. */
    private record Parsed(String drive, String root, List<String> tail) {}

    static boolean isAbsolute(String path) {
        Parsed p = parse(path);
        return !p.drive.isEmpty() && !p.root.isEmpty();
    }

    static String asPosix(String path) {
        Parsed p = parse(path);
        String s;
        if (!p.drive.isEmpty() || !p.root.isEmpty()) {
            s = p.drive + p.root + String.join("\\", p.tail);
        } else if (!p.tail.isEmpty() && !parse(p.tail.get(0)).drive.isEmpty()) {
            // A first segment that looks like a drive ("c:x") is kept relative with "./".
            s = ".\\" + String.join("\\", p.tail);
        } else {
            s = String.join("\\", p.tail);
        }
        return (s.isEmpty() ? "." : s).replace('\\', '/');
    }

    private static Parsed parse(String path) {
        if (path.isEmpty()) {
            return new Parsed("", "", List.of());
        }
        String p = path.replace('/', '\\');
        String drive;
        String root;
        String rest;
        if (p.startsWith("\\\\")) {
            // UNC (\\server\share) and device (\\?\x, \\.\x) paths.
            int start = p.length() >= 8 && p.substring(0, 8).toUpperCase(Locale.ROOT).equals("\\\\?\\UNC\\") ? 8 : 2;
            int index = p.indexOf('\\', start);
            int index2 = index < 0 ? -1 : p.indexOf('\\', index + 1);
            if (index2 < 0) {
                drive = p;
                root = "";
                rest = "";
            } else {
                drive = p.substring(0, index2);
                root = "\\";
                rest = p.substring(index2 + 1);
            }
        } else if (p.startsWith("\\")) {
            drive = "";
            root = "\\";
            rest = p.substring(1);
        } else if (p.length() >= 2 && p.charAt(1) == ':') {
            drive = p.substring(0, 2);
            root = p.length() >= 3 && p.charAt(2) == '\\' ? "\\" : "";
            rest = p.substring(root.isEmpty() ? 2 : 3);
        } else {
            drive = "";
            root = "";
            rest = p;
        }
        if (root.isEmpty() && drive.startsWith("\\") && !drive.endsWith("\\")) {
            String[] parts = drive.split("\\\\", -1);
            if ((parts.length == 4 && !"?.".contains(parts[2])) || parts.length == 6) {
                root = "\\";
            }
        }
        List<String> tail = new ArrayList<>();
        for (String segment : rest.split("\\\\", -1)) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                tail.add(segment);
            }
        }
        return new Parsed(drive, root, tail);
    }
}
