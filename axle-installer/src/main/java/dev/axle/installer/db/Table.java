package dev.axle.installer.db;

import java.util.ArrayList;
import java.util.List;

/** Text columns as {@code pip list} lays them out. */
final class Table {
    private Table() {}

    /**
     * The header row, a row of dashes as wide as each column, then the other rows; cells
     * left-aligned and padded to the widest cell of their column (in code points), one space
     * between columns, trailing spaces dropped from every row but the dashes.
     */
    static List<String> format(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], PyText.length(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    b.append(' ');
                }
                String cell = row.get(c);
                b.append(cell).append(" ".repeat(Math.max(0, widths[c] - PyText.length(cell))));
            }
            lines.add(PyText.rstrip(b.toString()));
        }
        StringBuilder dashes = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            dashes.append(c > 0 ? " " : "").append("-".repeat(widths[c]));
        }
        lines.add(Math.min(1, lines.size()), dashes.toString());
        return lines;
    }
}
