package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.parseHtmlFragment;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRendererTest {

    private static Table small() {
        return Table.create("demo",
                DoubleColumn.create("x", new double[] {1.5, 2, 3}),
                StringColumn.create("s", new String[] {"a<b", "c & d", "e"}),
                IntColumn.create("n", new int[] {1, 2, 3}));
    }

    @Test
    void smallTableIsWellFormedHtmlWithTypesAndEscaping() {
        DisplayData d = Renderers.newStandard().render(small());
        String html = (String) data(d, MimeTypes.HTML);
        Document doc = parseHtmlFragment(html);
        assertEquals(1, doc.getElementsByTagName("table").getLength());
        // header row + type row
        assertEquals(2, ((org.w3c.dom.Element) doc.getElementsByTagName("thead").item(0))
                .getElementsByTagName("tr").getLength(), "header row and type row");
        assertTrue(html.contains("double") && html.contains("string") && html.contains("integer"), html);
        assertTrue(html.contains("a&lt;b"), html);
        assertTrue(html.contains("c &amp; d"), html);
        assertEquals(3, ((org.w3c.dom.Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").getLength());
        assertFalse(html.contains("showing"), html);
        assertTrue(text(d).contains("3 rows x 3 columns"), text(d));
    }

    @Test
    void largeTableShowsHeadAndTail() {
        int n = 10_000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 0.5;
        }
        Table big = Table.create("big", IntColumn.indexColumn("i", n, 0), DoubleColumn.create("x", xs));
        DisplayData d = Renderers.newStandard().render(big);
        String html = (String) data(d, MimeTypes.HTML);
        Document doc = parseHtmlFragment(html);
        org.w3c.dom.Element tbody = (org.w3c.dom.Element) doc.getElementsByTagName("tbody").item(0);
        assertEquals(2 * TableRenderer.EDGE_ROWS + 1, tbody.getElementsByTagName("tr").getLength());
        assertTrue(html.contains("showing 20 of 10,000 rows"), html);
        assertTrue(html.contains(">9999<"), "last row number shown");
        assertTrue(html.contains(">4999.5<"), "last value shown");
        assertFalse(html.contains(">5000<") && html.contains(">2500<"), "middle rows left out");
        assertTrue(html.length() < 20_000, "summary is small: " + html.length());
        assertTrue(text(d).contains("10,000 rows x 2 columns"), text(d));
        assertTrue(text(d).contains("..."), text(d));
    }

    @Test
    void tinyAndHugeDoublesPrintCompactly() {
        // Regression: Tablesaw's default formatter wrote 3.7e-44 as "0.0000…0372" (47 characters).
        DoubleColumn x = DoubleColumn.create("x", new double[] {3.7e-44, 1.5, 123456789.123, 0.1 + 0.2, -2, 0.000123456789});
        Table t = Table.create("tiny", x, IntColumn.create("n", new int[] {1, 2, 3, 4, 5, 6}));
        String before = x.getString(0);
        DisplayData d = Renderers.newStandard().render(t);
        String txt = text(d);
        String html = (String) data(d, MimeTypes.HTML);
        for (String s : new String[] {"3.7e-44", "1.5", "1.23457e+08", "0.3", "-2", "0.000123457"}) {
            assertTrue(txt.contains(s), s + " in\n" + txt);
            assertTrue(html.contains(">" + s + "<"), s + " in " + html);
        }
        assertFalse(txt.contains("0.0000000000"), txt);
        assertFalse(html.contains("0.0000000000"), html);
        assertFalse(txt.contains("0.30000000000000004"), txt);
        // the user's table is not changed
        assertEquals(before, x.getString(0));
        assertTrue(x.getString(0).startsWith("0.0000000000"), x.getString(0));
    }

    @Test
    void aFormatterChosenByTheUserIsKept() {
        DoubleColumn x = DoubleColumn.create("x", new double[] {0.25, 3.7e-44});
        x.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.percent(1));
        DisplayData d = Renderers.newStandard().render(Table.create("pct", x));
        assertTrue(text(d).contains("25.0%"), text(d));
        assertTrue(((String) data(d, MimeTypes.HTML)).contains(">25.0%<"));
    }

    @Test
    void longTablesKeepHeadEllipsisAndTailInText() {
        int n = 1000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 1e-9;
        }
        Table big = Table.create("big", IntColumn.indexColumn("i", n, 0), DoubleColumn.create("x", xs));
        String txt = text(Renderers.newStandard().render(big));
        assertTrue(txt.contains("..."), txt);
        assertTrue(txt.contains("9e-09") && txt.contains("9.99e-07"), txt); // row 9 and the last row
        assertFalse(txt.contains(" 1e-08  |"), "row 10 (the hidden extra row) is not shown: " + txt);
        assertFalse(txt.contains(" 5e-07  |"), "middle rows left out: " + txt);
        assertTrue(txt.contains("1,000 rows x 2 columns"), txt);
        assertEquals(3 + 2 * TableRenderer.EDGE_ROWS + 1 + 1, txt.split("\n").length, txt);
    }

    @Test
    void compactNumberFormat() {
        assertEquals("0", TableRenderer.compact(0));
        assertEquals("0", TableRenderer.compact(-0.0));
        assertEquals("2", TableRenderer.compact(2));
        assertEquals("4999.5", TableRenderer.compact(4999.5));
        assertEquals("0.333333", TableRenderer.compact(1.0 / 3));
        assertEquals("123457", TableRenderer.compact(123456.7));
        assertEquals("1e+06", TableRenderer.compact(999999.7));
        assertEquals("1e+06", TableRenderer.compact(1e6));
        assertEquals("0.0001", TableRenderer.compact(1e-4));
        assertEquals("9.99e-05", TableRenderer.compact(9.99e-5));
        assertEquals("-3.7e-44", TableRenderer.compact(-3.7e-44));
        assertEquals("6.02214e+23", TableRenderer.compact(6.02214076e23));
        assertEquals("NaN", TableRenderer.compact(Double.NaN));
        assertEquals("Infinity", TableRenderer.compact(Double.POSITIVE_INFINITY));
    }
}
