package dev.axle.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a lock file as uv does: the top-level keys, then one {@code [[packages]]} table per
 * entry with its sources as inline tables (several wheels one per line), then
 * {@code tool} data as ordinary tables. The output depends on the model alone.
 */
final class PylockWriter {
    private PylockWriter() {}

    static String write(Pylock lock) {
        Map<String, Object> doc = PylockMaps.of(lock);
        StringBuilder out = new StringBuilder();
        List<?> packages = (List<?>) doc.get("packages");
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            boolean packagesAsTables = e.getKey().equals("packages") && !packages.isEmpty();
            if (!packagesAsTables && !e.getKey().equals("tool")) {
                line(out, e.getKey(), e.getValue());
            }
        }
        for (Object p : packages) {
            out.append("\n[[packages]]\n");
            writePackage(out, asTable(p));
        }
        if (doc.get("tool") instanceof Map<?, ?> tool) {
            section(out, "tool", asTable(tool));
        }
        return out.toString();
    }

    private static void writePackage(StringBuilder out, Map<String, Object> p) {
        for (Map.Entry<String, Object> e : p.entrySet()) {
            if (e.getKey().equals("tool")) {
                continue;
            }
            if (e.getValue() instanceof List<?> list && list.size() > 1 && list.get(0) instanceof Map<?, ?>) {
                // Several wheels (or dependencies) one per line, as uv lays them out.
                out.append(TomlText.key(e.getKey())).append(" = [\n");
                for (Object item : list) {
                    out.append("    ").append(TomlText.inline(item)).append(",\n");
                }
                out.append("]\n");
            } else {
                line(out, e.getKey(), e.getValue());
            }
        }
        if (p.get("tool") instanceof Map<?, ?> tool) {
            section(out, "packages.tool", asTable(tool));
        }
    }

    /**
     * A table of free-form data: its plain values under its own header, then each sub-table
     * as a section of its own. The header is left out when only sub-tables would follow it.
     */
    private static void section(StringBuilder out, String path, Map<String, Object> table) {
        List<Map.Entry<String, Object>> subTables = new ArrayList<>();
        List<Map.Entry<String, Object>> values = new ArrayList<>();
        for (Map.Entry<String, Object> e : table.entrySet()) {
            (e.getValue() instanceof Map<?, ?> ? subTables : values).add(e);
        }
        if (!values.isEmpty() || subTables.isEmpty()) {
            out.append("\n[").append(path).append("]\n");
            values.forEach(e -> line(out, e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Object> e : subTables) {
            section(out, path + "." + TomlText.key(e.getKey()), asTable(e.getValue()));
        }
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(TomlText.key(key)).append(" = ").append(TomlText.inline(value)).append('\n');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asTable(Object o) {
        return (Map<String, Object>) o;
    }
}
