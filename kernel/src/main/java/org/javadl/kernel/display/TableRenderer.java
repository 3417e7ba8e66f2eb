package org.javadl.kernel.display;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * Tablesaw tables: {@code text/html} written by Tablesaw's own {@link HtmlWriter} (cells escaped),
 * with a caption (name, rows x columns), a row of column types and a row-number column added; a
 * table longer than {@value #MAX_ROWS} rows shows its first and last {@value #EDGE_ROWS} rows with a
 * "showing 20 of 10,000 rows" note, so rendering cost does not grow with the table.
 * {@code text/plain} is Tablesaw's own print, which summarises the same way.
 */
public final class TableRenderer implements Renderer<Table> {

    static final int MAX_ROWS = 20;
    static final int EDGE_ROWS = 10;

    static void registerInto(Renderers.Builder b) {
        b.register(Table.class, new TableRenderer());
    }

    @Override
    public void render(Table table, Bundle out, RenderOptions options) {
        out.text(table.print(MAX_ROWS) + "\n" + shape(table));
        if (out.wants(MimeTypes.HTML)) {
            out.html(html(table));
        }
    }

    static String shape(Table table) {
        return String.format(Locale.ROOT, "%,d rows x %,d columns", table.rowCount(), table.columnCount());
    }

    static String html(Table table) {
        int rows = table.rowCount();
        boolean summarised = rows > MAX_ROWS;
        Element html = writeWithTablesaw(summarised ? table.first(EDGE_ROWS) : table, 0);
        Element body = html.selectFirst("tbody");
        if (summarised) {
            Element tail = writeWithTablesaw(table.last(EDGE_ROWS), rows - EDGE_ROWS);
            Element gap = body.appendElement("tr").attr("class", "javadl-gap");
            gap.appendElement("th").text("⋮");
            for (int c = 0; c < table.columnCount(); c++) {
                gap.appendElement("td").attr("style", "text-align:center;color:#888").text("⋮");
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
                .attr("style", "caption-side:top;text-align:left;color:#555;font-size:90%")
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
            tr.prependElement("th").attr("style", "color:#888;font-weight:normal").text(Integer.toString(r++));
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
                    .attr("style", "font-weight:normal;font-style:italic;color:#888")
                    .text(c.type().name().toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isNumeric(Column<?> column) {
        return column instanceof tech.tablesaw.api.NumericColumn<?>;
    }
}
