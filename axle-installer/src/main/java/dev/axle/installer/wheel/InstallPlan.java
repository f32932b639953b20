package dev.axle.installer.wheel;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import dev.axle.pep.record.RecordEntry;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What installing one unpacked wheel into one scheme does, computed without touching the
 * file system ({@link Planner#plan}): the files to link or write, the folders they need, and
 * the RECORD to write last.
 *
 * @param name the project
 * @param version its version
 * @param libDir the folder the wheel's root and its {@code .dist-info} go to (purelib or
 *     platlib); RECORD paths are relative to it
 * @param distInfo the installed {@code .dist-info} folder
 * @param actions every file to make, each target once
 * @param directories the folders the targets need, parents before children: each target's
 *     folder and its ancestors up to and including the scheme folder it belongs to (some
 *     may already exist)
 * @param recordPath where RECORD goes
 * @param recordEntries RECORD's lines for every file of {@code actions}, in their order
 *     (RECORD's own line is added by {@link #renderRecord})
 */
public record InstallPlan(
        ProjectName name,
        Version version,
        Path libDir,
        Path distInfo,
        List<FileAction> actions,
        Set<Path> directories,
        Path recordPath,
        List<RecordEntry> recordEntries) {

    public InstallPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(libDir, "libDir");
        Objects.requireNonNull(distInfo, "distInfo");
        Objects.requireNonNull(recordPath, "recordPath");
        actions = List.copyOf(actions);
        directories = Collections.unmodifiableSet(new LinkedHashSet<>(directories));
        recordEntries = List.copyOf(recordEntries);
    }

    /**
     * The path RECORD uses for an installed file: relative to {@link #libDir}, with
     * {@code ../} for files outside it (scripts, headers, data), {@code /}-separated.
     */
    public String recordPathOf(Path installed) {
        return recordPath(libDir, installed);
    }

    static String recordPath(Path libDir, Path installed) {
        // The common case without Path.relativize, which allocates a Path per name (it was
        // the most expensive part of planning): a normal path inside a normal libDir.
        String lib = libDir.toString();
        String file = installed.toString();
        if (file.length() > lib.length() + 1 && file.startsWith(lib) && file.charAt(lib.length()) == '/'
                && isNormal(lib, 1) && isNormal(file, lib.length() + 1)) {
            return file.substring(lib.length() + 1);
        }
        Path normalized = installed.normalize();
        Path relative;
        try {
            relative = libDir.normalize().relativize(normalized);
        } catch (IllegalArgumentException e) {
            relative = normalized; // another root (a Windows drive): pip keeps the absolute path
        }
        String separator = relative.getFileSystem().getSeparator();
        String path = relative.toString();
        return separator.equals("/") ? path : path.replace(separator, "/");
    }

    /**
     * Whether {@code path} from {@code start} on is a {@code /}-separated path without empty,
     * {@code .} or {@code ..} names, which {@link Path#normalize} would change (false on
     * file systems with another separator).
     */
    private static boolean isNormal(String path, int start) {
        if (File.separatorChar != '/') {
            return false;
        }
        int name = start;
        for (int i = start; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                int length = i - name;
                if (length == 0 && i < path.length() || length == 1 && path.charAt(name) == '.'
                        || length == 2 && path.charAt(name) == '.' && path.charAt(name + 1) == '.') {
                    return false;
                }
                name = i + 1;
            }
        }
        return true;
    }

    /**
     * RECORD's bytes: {@link #recordEntries}, then {@code extra} (such as the .pyc files
     * compiled after linking), then RECORD's own line without hash and size; sorted, each row
     * ended by CRLF, as pip writes RECORD (Python's csv writer, minimal quoting).
     */
    public byte[] renderRecord(List<RecordEntry> extra) {
        List<Row> rows = new ArrayList<>(recordEntries.size() + extra.size() + 1);
        recordEntries.forEach(e -> rows.add(Row.of(e)));
        extra.forEach(e -> rows.add(Row.of(e)));
        rows.add(Row.of(RecordEntry.unhashed(recordPathOf(recordPath))));
        rows.sort(null);
        StringBuilder out = new StringBuilder(rows.size() * 96);
        for (Row row : rows) {
            out.append(row.entry()).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A RECORD row with its sort key: pip sorts rows as tuples of str (path, hash, size),
     * which is code point order, which is the order of the fields' UTF-8 bytes.
     */
    private record Row(byte[] path, byte[] hash, byte[] size, RecordEntry entry) implements Comparable<Row> {
        static Row of(RecordEntry e) {
            return new Row(utf8(e.path()), utf8(e.hash().map(Object::toString).orElse("")),
                    utf8(e.size().isPresent() ? Long.toString(e.size().getAsLong()) : ""), e);
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int compareTo(Row o) {
            int c = Arrays.compareUnsigned(path, o.path);
            c = c != 0 ? c : Arrays.compareUnsigned(hash, o.hash);
            return c != 0 ? c : Arrays.compareUnsigned(size, o.size);
        }
    }
}
