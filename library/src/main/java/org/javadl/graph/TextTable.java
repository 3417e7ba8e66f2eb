package org.javadl.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * A small table of strings that renders as aligned plain text, an HTML table or a LaTeX array.
 * Used by traces, step tables and loss explanations.
 *
 * <p>Example: {@code new TextTable("i", "x").row("1", "0.5").toText()}.
 */
public final class TextTable implements Showable {
    private final String caption;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();
    private String footnote;

    /** A table with a header row and no caption. */
    public TextTable(String... header) {
        this(null, header);
    }

    /** A table with a caption (shown above it) and a header row. */
    public TextTable(String caption, String[] header) {
        if (header == null || header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.caption = caption;
        this.header = header.clone();
    }

    /** Appends a row; it must have one cell per column: {@code t.row("1", "0.5")}. */
    public TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has "
                    + header.length + " columns " + Arrays.toString(header));
        }
        rows.add(cells.clone());
        return this;
    }

    /** A line shown under the table (e.g. "… 900 more rows"). */
    public TextTable footnote(String text) {
        this.footnote = text;
        return this;
    }

    /** Number of rows (header excluded). */
    public int rowCount() {
        return rows.size();
    }

    /** The cell at (row, column). */
    public String cell(int row, int col) {
        return rows.get(row)[col];
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    @Override
    public String toText() {
        int[] w = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            w[c] = width(header[c]);
            for (String[] r : rows) {
                w[c] = Math.max(w[c], width(r[c]));
            }
        }
        StringBuilder s = new StringBuilder();
        if (caption != null) {
            s.append(caption).append('\n');
        }
        line(s, header, w);
        for (int c = 0; c < w.length; c++) {
            s.append(c == 0 ? "" : "  ").append("-".repeat(w[c]));
        }
        s.append('\n');
        for (String[] r : rows) {
            line(s, r, w);
        }
        if (footnote != null) {
            s.append(footnote).append('\n');
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append("  ");
            }
            l.append(cells[c]).append(" ".repeat(w[c] - width(cells[c])));
        }
        s.append(l.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<table class=\"javadl-table\">");
        if (caption != null) {
            s.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        s.append("<thead><tr>");
        for (String h : header) {
            s.append("<th>").append(Html.escape(h)).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (String[] r : rows) {
            s.append("<tr>");
            for (String c : r) {
                s.append("<td>").append(Html.escape(c)).append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        if (footnote != null) {
            s.append("<p>").append(Html.escape(footnote)).append("</p>");
        }
        return s.toString();
    }

    /** A LaTeX {@code array}; cells are written as {@code \text{...}} so any characters are safe. */
    @Override
    public String toLatex() {
        StringBuilder s = new StringBuilder("\\begin{array}{");
        s.append("l".repeat(header.length)).append("}\n");
        appendLatexRow(s, header);
        s.append("\\hline\n");
        for (String[] r : rows) {
            appendLatexRow(s, r);
        }
        return s.append("\\end{array}").toString();
    }

    private static void appendLatexRow(StringBuilder s, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                s.append(" & ");
            }
            s.append("\\text{").append(latexText(cells[c])).append('}');
        }
        s.append(" \\\\\n");
    }

    /** Escapes text for LaTeX's text mode. */
    static String latexText(String t) {
        StringBuilder b = new StringBuilder();
        for (char c : t.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '_', '#', '$', '%', '&' -> b.append('\\').append(c);
                case '^' -> b.append("\\^{}");
                case '~' -> b.append("\\~{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
