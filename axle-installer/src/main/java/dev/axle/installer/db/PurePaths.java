package dev.axle.installer.db;

import java.util.ArrayList;
import java.util.List;

/**
 * POSIX path text handled the way Python's {@code pathlib} and {@code posixpath} do, which
 * is how pip turns RECORD and {@code installed-files.txt} rows into the paths it shows.
 * Java's {@link java.nio.file.Path} keeps {@code .} components, so it cannot stand in.
 */
final class PurePaths {
    private PurePaths() {}

    /**
     * {@code str(pathlib.PurePosixPath(path))}: repeated and trailing slashes and {@code .}
     * components dropped, {@code ..} kept, exactly two leading slashes kept, {@code "."} for
     * an empty path.
     */
    static String pathlib(String path) {
        List<String> parts = parts(path);
        String root = root(path);
        if (parts.isEmpty()) {
            return root.isEmpty() ? "." : root;
        }
        return root + String.join("/", parts);
    }

    /** {@code pathlib.PurePosixPath(path).parts} without the root. */
    static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/", -1)) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** The root of a POSIX path: {@code ""}, {@code "/"} or (exactly two slashes) {@code "//"}. */
    static String root(String path) {
        if (path.startsWith("//") && !path.startsWith("///")) {
            return "//";
        }
        return path.startsWith("/") ? "/" : "";
    }

    /**
     * pip's conversion of an {@code installed-files.txt} row (relative to the
     * {@code .egg-info} folder) to a RECORD-style path (relative to the folder that holds
     * the {@code .egg-info}): each leading {@code ..} of the row consumes one trailing part
     * of {@code infoParts}, the rest is joined on.
     *
     * @param infoParts the parts of the {@code .egg-info} folder's path relative to the
     *     distribution's location, usually just its name
     */
    static String installedFilesEntry(String entry, List<String> infoParts) {
        if (!root(entry).isEmpty()) {
            return pathlib(entry);
        }
        List<String> info = new ArrayList<>(infoParts);
        List<String> rest = parts(entry);
        int i = 0;
        while (i < rest.size() && rest.get(i).equals("..")) {
            if (info.isEmpty() || info.get(info.size() - 1).equals("..")) {
                info.add("..");
            } else {
                info.remove(info.size() - 1);
            }
            i++;
        }
        List<String> all = new ArrayList<>(info);
        all.addAll(rest.subList(i, rest.size()));
        return all.isEmpty() ? "." : String.join("/", all);
    }

    /**
     * {@code posixpath.normpath}: also resolves {@code ..} against the preceding part (and
     * drops it at the root), as {@code os.path.abspath} does.
     */
    static String normpath(String path) {
        String root = root(path);
        List<String> out = new ArrayList<>();
        for (String p : parts(path)) {
            if (!p.equals("..")) {
                out.add(p);
            } else if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (root.isEmpty()) {
                out.add(p);
            }
        }
        String joined = root + String.join("/", out);
        return joined.isEmpty() ? "." : joined;
    }
}
