package dev.axle.installer.db;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry point from an installed distribution's {@code entry_points.txt}, such as
 * {@code console_scripts: black = black:patched_main}.
 *
 * @param group the section, such as {@code console_scripts} or {@code gui_scripts}
 * @param name the name before {@code =}
 * @param value the object reference after {@code =}
 */
public record EntryPoint(String group, String name, String value) {
    public static final String CONSOLE_SCRIPTS = "console_scripts";
    public static final String GUI_SCRIPTS = "gui_scripts";

    /** Whether installing this entry point writes a launcher script. */
    public boolean isScript() {
        return group.equals(CONSOLE_SCRIPTS) || group.equals(GUI_SCRIPTS);
    }

    /**
     * Reads {@code entry_points.txt} as {@code importlib.metadata} does: {@code [group]}
     * headers, {@code name = value} lines, blank lines and {@code #} comments skipped, lines
     * before the first header ignored.
     */
    static List<EntryPoint> parse(String text) {
        List<EntryPoint> out = new ArrayList<>();
        String group = null;
        for (String raw : PyText.splitLines(text)) {
            String line = PyText.strip(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = PyText.strip(line.substring(1, line.length() - 1));
                continue;
            }
            int eq = line.indexOf('=');
            if (group != null && eq >= 0) {
                String name = PyText.strip(line.substring(0, eq));
                out.add(new EntryPoint(group, name, PyText.strip(line.substring(eq + 1))));
            }
        }
        return out;
    }
}
