package dev.axle.installer.tx;

import java.nio.file.Path;

/**
 * Writes and reads the paths of journal lines: relative to the environment root when they are
 * inside it (shorter lines for thousands of files), absolute otherwise, with tab, newline,
 * carriage return and backslash escaped so that any file name fits on one line.
 */
final class JournalCodec {
    private final Path root;
    private final String rootText;
    private final String prefix;

    JournalCodec(Path root) {
        this.root = root;
        this.rootText = root.toString();
        String separator = root.getFileSystem().getSeparator();
        this.prefix = rootText.endsWith(separator) ? rootText : rootText + separator;
    }

    Path root() {
        return root;
    }

    void appendPath(StringBuilder out, Path path) {
        String text = path.toString();
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        } else if (text.equals(rootText)) {
            text = "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** The path a field names, or null when the field is not a valid escaped path. */
    Path readPath(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == field.length()) {
                return null;
            }
            switch (field.charAt(i)) {
                case '\\' -> text.append('\\');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                default -> {
                    return null;
                }
            }
        }
        return text.isEmpty() ? root : root.resolve(text.toString());
    }
}
