package dev.axle.resolver.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first pass over a requirements file, in pip's order: split into lines, join lines
 * ending in {@code \}, drop comments and blank lines, then expand {@code ${VAR}}.
 */
final class LogicalLines {
    /** A {@code #} at the start of a line or after whitespace starts a comment (a URL's {@code #sha256=} does not). */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$", Pattern.UNICODE_CHARACTER_CLASS);
    /** Only the braced, upper-case form is expanded, so {@code $HOME} and {@code ${home}} stay as written. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    record Line(int number, String text) {
    }

    private LogicalLines() {
    }

    static List<Line> of(String content, Map<String, String> environment) {
        List<Line> lines = new ArrayList<>();
        for (Line joined : joinContinuations(physicalLines(content))) {
            String text = COMMENT.matcher(joined.text()).replaceFirst("").strip();
            if (!text.isEmpty()) {
                lines.add(new Line(joined.number(), expand(text, environment)));
            }
        }
        return lines;
    }

    /**
     * Lines as Python's {@code str.splitlines()} cuts them, which is what pip uses: besides
     * {@code \n}, {@code \r\n} and {@code \r}, form feeds and Unicode line separators end lines.
     */
    static List<String> physicalLines(String content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85
                    || c == 0x2028 || c == 0x2029) {
                lines.add(content.substring(start, i));
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < content.length()) {
            lines.add(content.substring(start));
        }
        return lines;
    }

    /**
     * Joins a line ending in a backslash with the next one, without adding a space. A comment
     * line ends the joined line (and stays a comment); as in pip, a comment line ending in a
     * backslash does not continue, and the backslashes at either end of a continued line are
     * dropped.
     */
    private static List<Line> joinContinuations(List<String> physical) {
        List<Line> joined = new ArrayList<>();
        StringBuilder pending = null;
        int first = 0;
        for (int i = 0; i < physical.size(); i++) {
            String line = physical.get(i);
            boolean comment = COMMENT.matcher(line).lookingAt();
            if (line.endsWith("\\") && !comment) {
                if (pending == null) {
                    pending = new StringBuilder();
                    first = i + 1;
                }
                pending.append(stripBackslashes(line));
                continue;
            }
            String text = comment ? " " + line : line;
            if (pending != null) {
                joined.add(new Line(first, pending.append(text).toString()));
                pending = null;
            } else {
                joined.add(new Line(i + 1, text));
            }
        }
        if (pending != null) {
            joined.add(new Line(first, pending.toString()));
        }
        return joined;
    }

    private static String stripBackslashes(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) == '\\') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == '\\') {
            to--;
        }
        return line.substring(from, to);
    }

    /** Undefined variables are left as written, as pip leaves them. */
    private static String expand(String text, Map<String, String> environment) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(b).toString();
    }
}
