package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell, so headers line up with their rows whatever
 * the parameter names and values are. Numbers are right-aligned, text left-aligned.
 */
final class TextTable {
    private final List<String> headers;
    private final boolean[] leftAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, boolean... leftAligned) {
        this.headers = List.copyOf(headers);
        this.leftAligned = new boolean[headers.size()];
        System.arraycopy(leftAligned, 0, this.leftAligned, 0, Math.min(leftAligned.length, headers.size()));
    }

    void add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(line(headers, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(c == 0 ? "" : "  ").append(leftAligned[c] ? cell + pad : pad + cell);
        }
        return sb.toString().stripTrailing();
    }
}
