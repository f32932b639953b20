package dev.axle.installer.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An edit of a {@code .pth} file that goes with a removal: the line {@code entry} taken out of
 * {@code pthFile}, as for a {@code setup.py develop} install whose project folder is listed
 * in {@code easy-install.pth}.
 */
public record PthEdit(Path pthFile, String entry) {
    public PthEdit {
        Objects.requireNonNull(pthFile, "pthFile");
        Objects.requireNonNull(entry, "entry");
    }

    /**
     * {@code content} without the first line that is exactly {@code entry}. Line ends stay as
     * they are ({@code \r\n} when any line has it, else {@code \n}); a last line without a
     * line end gets one, as pip leaves the file.
     */
    public String apply(String content) {
        String end = content.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int nl = content.indexOf('\n', start);
            int stop = nl < 0 ? content.length() : nl + 1;
            lines.add(content.substring(start, stop));
            start = stop;
        }
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith(end)) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + end);
        }
        lines.remove(entry + end);
        return String.join("", lines);
    }
}
