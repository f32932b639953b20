package dev.axle.pep.record;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Python's {@code csv} module reads and writes RECORD files (the {@code excel}
 * dialect: comma, double quote, quotes doubled inside quoted fields, lenient reading).
 */
final class Csv {
    private Csv() {}

    /** A row of fields and the 1-based line on which it starts. */
    record Row(int line, List<String> fields) {}

    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL }

    /**
     * Reads every row as Python's {@code csv.reader} reads a file opened with
     * {@code newline=''}: CR, LF and CRLF end a row outside quotes and are kept inside them;
     * an empty line is a row without fields; text after a closing quote joins the field; a
     * quote inside an unquoted field is an ordinary character; an unterminated quoted field
     * runs to the end of the input.
     */
    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START_RECORD;
        int line = 1;
        int rowLine = 1;
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            int end = pos;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            end = end >= n ? n : text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (state == State.START_RECORD) {
                rowLine = line;
            }
            // Each line's characters, then an end-of-line event (-1), as CPython's reader sees them.
            for (int i = pos; i <= end; i++) {
                int c = i < end ? text.charAt(i) : -1;
                boolean lineBreak = c == '\n' || c == '\r' || c == -1;
                switch (state) {
                    case START_RECORD:
                        if (c == -1) {
                            break;
                        }
                        if (c == '\n' || c == '\r') {
                            state = State.EAT_CRNL;
                            break;
                        }
                        state = State.START_FIELD;
                        // fall through
                    case START_FIELD:
                        if (lineBreak) {
                            fields.add("");
                            state = c == -1 ? State.START_RECORD : State.EAT_CRNL;
                        } else if (c == '"') {
                            state = State.IN_QUOTED_FIELD;
                        } else if (c == ',') {
                            fields.add("");
                        } else {
                            field.append((char) c);
                            state = State.IN_FIELD;
                        }
                        break;
                    case IN_FIELD:
                        if (lineBreak || c == ',') {
                            fields.add(field.toString());
                            field.setLength(0);
                            state = c == ',' ? State.START_FIELD : c == -1 ? State.START_RECORD : State.EAT_CRNL;
                        } else {
                            field.append((char) c);
                        }
                        break;
                    case IN_QUOTED_FIELD:
                        if (c == '"') {
                            state = State.QUOTE_IN_QUOTED_FIELD;
                        } else if (c != -1) {
                            field.append((char) c);
                        }
                        break;
                    case QUOTE_IN_QUOTED_FIELD:
                        if (c == '"') {
                            field.append('"');
                            state = State.IN_QUOTED_FIELD;
                        } else if (lineBreak || c == ',') {
                            fields.add(field.toString());
                            field.setLength(0);
                            state = c == ',' ? State.START_FIELD : c == -1 ? State.START_RECORD : State.EAT_CRNL;
                        } else {
                            field.append((char) c);
                            state = State.IN_FIELD;
                        }
                        break;
                    case EAT_CRNL:
                        if (c == -1) {
                            state = State.START_RECORD;
                        }
                        break;
                    default:
                        throw new AssertionError(state);
                }
            }
            line++;
            pos = end;
            if (state == State.START_RECORD) {
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
            }
        }
        if (state == State.IN_QUOTED_FIELD) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    /**
     * Appends one row as Python's {@code csv.writer} writes it (minimal quoting), ending it
     * with LF. Fields with a comma, a quote, CR or LF are quoted, quotes doubled; Python
     * 3.12 leaves a lone CR unquoted, which would not read back, so it is quoted here.
     */
    static void writeRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i);
            boolean quote = fields.size() == 1 && f.isEmpty();
            for (int j = 0; j < f.length() && !quote; j++) {
                char c = f.charAt(j);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (quote) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append('\n');
    }
}
