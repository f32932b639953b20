package dev.axle.installer.db;

import dev.axle.pep.ProjectName;
import java.util.ArrayList;
import java.util.List;

/**
 * setuptools' {@code requires.txt} (an {@code .egg-info} folder's dependencies) as the
 * {@code Requires-Dist} strings pip and {@code importlib.metadata} make of it.
 *
 * <p>The file holds one requirement per line, in sections: lines before any section apply
 * always, {@code [extra]} sections apply with that extra, {@code [:marker]} sections when
 * the marker holds, and {@code [extra:marker]} when both do. The extra name is normalized
 * (as dist-info metadata has it since PEP 685), so markers compare the same way for both
 * formats.
 */
final class EggRequires {
    private EggRequires() {}

    /** The {@code Requires-Dist} strings for {@code requiresTxt}, in file order. */
    static List<String> requiresDist(String requiresTxt) {
        List<String> out = new ArrayList<>();
        String extra = "";
        String marker = "";
        for (String raw : PyText.splitLines(requiresTxt)) {
            String line = PyText.strip(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String section = PyText.strip(line, "[]");
                int colon = section.indexOf(':');
                extra = ProjectName.canonicalize(colon < 0 ? section : section.substring(0, colon));
                marker = colon < 0 ? "" : section.substring(colon + 1);
                continue;
            }
            String condition;
            if (!extra.isEmpty() && !marker.isEmpty()) {
                condition = "(" + marker + ") and extra == \"" + extra + "\"";
            } else if (!extra.isEmpty()) {
                condition = "extra == \"" + extra + "\"";
            } else {
                condition = marker;
            }
            out.add(condition.isEmpty() ? line : line + " ; " + condition);
        }
        return out;
    }
}
