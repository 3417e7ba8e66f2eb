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
        DisplayData d = Renderers.standard().render(small());
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
        DisplayData d = Renderers.standard().render(big);
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
}
