package org.javadl.kernel.display;

import org.javadl.show.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

/**
 * Tablesaw tables: {@code text/html} written by Tablesaw's own {@link HtmlWriter} (cells escaped),
 * with a caption (name, rows x columns), a row of column types and a row-number column added; a
 * table longer than {@value #MAX_ROWS} rows shows its first and last {@value #EDGE_ROWS} rows with a
 * "showing 20 of 10,000 rows" note, so rendering cost does not grow with the table.
 * {@code text/plain} is Tablesaw's own print, which summarises the same way.
 *
 * <p>Floating-point columns that still use Tablesaw's default formatter (which writes every digit,
 * e.g. 3.7e-44 as "0.0000…0372") are shown compactly: up to {@value #SIGNIFICANT} significant digits,
 * trailing zeros dropped, and scientific notation (3.7e-44, 1.23457e+08) below 1e-4 or from 1e6 on in
 * magnitude; see {@link #compact(double)}. Only copies of the rows shown are reformatted, so the user's
 * table (and a formatter the user set with {@code setPrintFormatter}) is left alone.
 */
public final class TableRenderer implements Renderer<Table> {

    static final int MAX_ROWS = 20;
    static final int EDGE_ROWS = 10;
    static final int SIGNIFICANT = 6;

    static void registerInto(Renderers.Builder b) {
        b.register(Table.class, new TableRenderer());
    }

    @Override
    public void render(Table table, Bundle out, RenderOptions options) {
        out.text(text(table));
        if (out.wants(MimeTypes.HTML)) {
            out.html(html(table));
        }
    }

    /**
     * Tablesaw's print of the rows shown. For a long table the rows printed are the first
     * {@value #EDGE_ROWS} + 1 and the last {@value #EDGE_ROWS}, so that Tablesaw's own summary (first
     * 10, "...", last 10) hides exactly the one extra row; only those rows are copied and reformatted.
     */
    static String text(Table table) {
        Table shown = table.rowCount() > MAX_ROWS
                ? table.first(EDGE_ROWS + 1).append(table.last(EDGE_ROWS))
                : table.copy();
        return withCompactNumbers(shown).print(MAX_ROWS) + "\n" + shape(table);
    }

    static String shape(Table table) {
        return String.format(Locale.ROOT, "%,d rows x %,d columns", table.rowCount(), table.columnCount());
    }

    static String html(Table table) {
        int rows = table.rowCount();
        boolean summarised = rows > MAX_ROWS;
        Element html = writeWithTablesaw(withCompactNumbers(summarised ? table.first(EDGE_ROWS) : table.copy()), 0);
        Element body = html.selectFirst("tbody");
        if (summarised) {
            Element tail = writeWithTablesaw(withCompactNumbers(table.last(EDGE_ROWS)), rows - EDGE_ROWS);
            Element gap = body.appendElement("tr").attr("class", "javadl-gap");
            gap.appendElement("th").text("⋮");
            for (int c = 0; c < table.columnCount(); c++) {
                gap.appendElement("td").attr("style", "text-align:center;" + Html.MUTED).text("⋮");
            }
            for (Element tr : tail.select("tbody > tr")) {
                body.appendChild(tr);
            }
        }
        addTypeRow(html, table.columns());
        String caption = (table.name() == null || table.name().isBlank() ? "" : table.name() + " · ")
                + shape(table)
                + (summarised ? String.format(Locale.ROOT, " (showing %d of %,d rows)", 2 * EDGE_ROWS, rows) : "");
        html.prependElement("caption")
                .attr("style", "caption-side:top;text-align:left;font-size:90%;" + Html.MUTED)
                .text(caption);
        html.attr("class", "javadl-table dataframe");
        return html.outerHtml();
    }

    /**
     * Lets Tablesaw write the rows (so escaping and number formatting are its own), marking numeric
     * cells right-aligned, then adds a row-number column starting at {@code firstRow}.
     */
    private static Element writeWithTablesaw(Table part, int firstRow) {
        StringWriter w = new StringWriter();
        HtmlWriteOptions opts = HtmlWriteOptions.builder(w)
                .elementCreator((name, column, row) -> {
                    Element e = new Element(name);
                    if (column != null && "td".equals(name) && isNumeric(column)) {
                        e.attr("style", "text-align:right");
                    }
                    return e;
                })
                .build();
        new HtmlWriter().write(part, opts);
        Element table = Jsoup.parseBodyFragment(w.toString()).body().selectFirst("table");
        Element headRow = table.selectFirst("thead > tr");
        if (headRow != null) {
            headRow.prependElement("th");
        }
        int r = firstRow;
        for (Element tr : table.select("tbody > tr")) {
            tr.prependElement("th").attr("style", "font-weight:normal;" + Html.MUTED).text(Integer.toString(r++));
        }
        return table;
    }

    private static void addTypeRow(Element html, List<Column<?>> columns) {
        Element thead = html.selectFirst("thead");
        if (thead == null) {
            return;
        }
        Element types = thead.appendElement("tr").attr("class", "javadl-types");
        types.appendElement("th");
        for (Column<?> c : columns) {
            types.appendElement("th")
                    .attr("style", "font-weight:normal;font-style:italic;" + Html.MUTED)
                    .text(c.type().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Gives the floating-point columns of {@code copy} (a copy of the rows shown, never the user's table)
     * the compact formatter, unless the column prints differently from Tablesaw's default, i.e. the user
     * chose a formatter.
     */
    static Table withCompactNumbers(Table copy) {
        for (Column<?> c : copy.columns()) {
            if (c instanceof DoubleColumn) {
                DoubleColumn d = (DoubleColumn) c;
                if (usesDefaultFormat(d, ColumnType.DOUBLE)) {
                    d.setPrintFormatter(new NumberColumnFormatter(new CompactFormat()));
                }
            } else if (c instanceof FloatColumn) {
                FloatColumn f = (FloatColumn) c;
                if (usesDefaultFormat(f, ColumnType.FLOAT)) {
                    f.setPrintFormatter(new NumberColumnFormatter(new CompactFormat()));
                }
            }
        }
        return copy;
    }

    private static boolean usesDefaultFormat(tech.tablesaw.api.NumericColumn<?> column, ColumnType type) {
        NumberColumnFormatter def = NumberColumnFormatter.floatingPointDefault();
        def.setColumnType(type);
        for (int r = 0; r < column.size(); r++) {
            if (!column.isMissing(r) && !column.getString(r).equals(def.format(column.getDouble(r)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number in at most {@value #SIGNIFICANT} significant digits without trailing zeros: plain for
     * 1e-4 ≤ |v| &lt; 1e6 (0.000123457, 4999.5, 2), scientific otherwise (3.7e-44, 1.23457e+08).
     */
    static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(SIGNIFICANT));
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-4 && a < 1e6) {
            String p = rounded.stripTrailingZeros().toPlainString();
            return p;
        }
        String e = String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", v); // e.g. 3.70000e-44
        int at = e.indexOf('e');
        String mantissa = e.substring(0, at);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + e.substring(at);
    }

    /** {@link #compact(double)} as a {@link NumberFormat}, for Tablesaw's {@link NumberColumnFormatter}. */
    static final class CompactFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(compact(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    private static boolean isNumeric(Column<?> column) {
        return column instanceof tech.tablesaw.api.NumericColumn<?>;
    }
}
