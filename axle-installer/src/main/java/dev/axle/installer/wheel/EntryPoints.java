package dev.axle.installer.wheel;

import dev.axle.installer.db.PyText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code entry_points.txt} as importlib.metadata does: lines are stripped; empty lines
 * and lines starting with {@code #} are skipped; {@code [group]} starts a group; every other
 * line is {@code name = value}, split at the first {@code =}; lines before the first group
 * are ignored. There are no continuation lines and no other delimiter (unlike configparser).
 */
public final class EntryPoints {
    /** The groups of launchers an installer writes. */
    public static final String CONSOLE_SCRIPTS = "console_scripts";
    public static final String GUI_SCRIPTS = "gui_scripts";

    private EntryPoints() {}

    /**
     * The entry points of the console_scripts and gui_scripts groups; when a name repeats in
     * a group the last one counts, in the first one's place (as pip's dict does). Other groups are not read: their
     * values are arbitrary strings meant for other tools.
     *
     * @throws IllegalArgumentException naming the line or entry that is wrong
     */
    public static List<EntryPoint> scripts(String text) {
        Map<String, EntryPoint> byKey = new LinkedHashMap<>();
        String group = null;
        int lineNumber = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = PyText.strip(line, "[]");
                continue;
            }
            if (group == null || !(group.equals(CONSOLE_SCRIPTS) || group.equals(GUI_SCRIPTS))) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected name = value, got " + line);
            }
            String name = line.substring(0, eq).strip();
            EntryPoint entry = EntryPoint.parse(group, name, line.substring(eq + 1));
            if (entry.attr().isEmpty()) {
                throw new IllegalArgumentException("line " + lineNumber + ": script " + name
                        + " names no function to call (module:function)");
            }
            byKey.put(group + "\0" + name, entry);
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
