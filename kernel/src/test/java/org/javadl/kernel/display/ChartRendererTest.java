package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BubbleChartBuilder;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.DialChartBuilder;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.OHLCChartBuilder;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.RadarChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.has;
import static org.javadl.kernel.display.BundleAssertions.parseXml;
import static org.javadl.kernel.display.BundleAssertions.png;
import static org.javadl.kernel.display.BundleAssertions.pngMetadata;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartRendererTest {

    static XYChart xy() {
        XYChart c = new XYChartBuilder().width(600).height(400).title("Activations").build();
        c.addSeries("sigmoid", new double[] {-1, 0, 1}, new double[] {0.27, 0.5, 0.73});
        c.addSeries("tanh", new double[] {-1, 0, 1}, new double[] {-0.76, 0, 0.76});
        return c;
    }

    @Test
    void pngIsHiDpiWithLogicalSizeMetadata() {
        DisplayData d = Renderers.newStandard().render(xy());
        BufferedImage img = png(d);
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
        Map<String, Object> meta = pngMetadata(d);
        assertEquals(600, meta.get("width"));
        assertEquals(400, meta.get("height"));
        assertFalse(has(d, MimeTypes.SVG), "SVG only on request");
        assertEquals("XYChart \"Activations\" [sigmoid, tanh] 600x400", text(d));
    }

    @Test
    void sizeAndScaleOptions() {
        DisplayData d = Renderers.newStandard().render(xy(), RenderOptions.defaults().withSize(300, 200).withScale(1));
        BufferedImage img = png(d);
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        assertTrue(text(d).endsWith("300x200"), text(d));
    }

    @Test
    void svgOnRequestParses() {
        DisplayData d = Renderers.newStandard().render(xy(), RenderOptions.defaults().withMimeTypes(MimeTypes.SVG));
        String svg = (String) data(d, MimeTypes.SVG);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 50));
        Document doc = parseXml(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertFalse(has(d, MimeTypes.PNG), "only what was asked for");
        DisplayData both = Renderers.newStandard().render(xy(),
                RenderOptions.defaults().withMimeTypes(MimeTypes.SVG, MimeTypes.PNG));
        assertTrue(has(both, MimeTypes.SVG) && has(both, MimeTypes.PNG));
    }

    @Test
    void brokenChartStillDescribesItself() {
        var dial = new DialChartBuilder().width(300).height(200).title("gauge").build();
        dial.addSeries("d", 0.6); // XChart cannot paint a dial without a label
        String t = text(Renderers.newStandard().render(dial));
        assertTrue(t.startsWith("DialChart \"gauge\" [d] 300x200"), t);
        assertTrue(t.contains("rich display failed"), t);
    }

    @Test
    void themeOptionApplies() {
        XYChart c = xy();
        Renderers.newStandard().render(c, RenderOptions.defaults().withTheme("matlab"));
        assertEquals("MatlabTheme", c.getStyler().getTheme().getClass().getSimpleName());
    }

    @Test
    void everyXChartTypeRenders() {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(xy());
        var cat = new CategoryChartBuilder().width(300).height(200).title("bars").build();
        cat.addSeries("a", Arrays.asList("x", "y"), Arrays.asList(1, 2));
        charts.add(cat);
        var pie = new PieChartBuilder().width(300).height(200).build();
        pie.addSeries("p", 3);
        pie.addSeries("q", 5);
        charts.add(pie);
        var bubble = new BubbleChartBuilder().width(300).height(200).build();
        bubble.addSeries("b", new double[] {1, 2}, new double[] {1, 2}, new double[] {5, 10});
        charts.add(bubble);
        var heat = new HeatMapChartBuilder().width(300).height(200).build();
        heat.addSeries("h", new int[] {0, 1}, new int[] {0, 1}, new int[][] {{0, 0, 1}, {0, 1, 2}, {1, 0, 3}, {1, 1, 4}});
        charts.add(heat);
        var ohlc = new OHLCChartBuilder().width(300).height(200).build();
        ohlc.addSeries("o", new double[] {1, 2}, new double[] {1, 2}, new double[] {3, 4}, new double[] {0.5, 1}, new double[] {2, 3});
        charts.add(ohlc);
        var box = new BoxChartBuilder().width(300).height(200).build();
        box.addSeries("box", new double[] {1, 2, 3, 4, 10});
        charts.add(box);
        var radar = new RadarChartBuilder().width(300).height(200).build();
        radar.setRadiiLabels(new String[] {"a", "b", "c"});
        radar.addSeries("r", new double[] {0.2, 0.5, 0.9});
        charts.add(radar);
        var dial = new DialChartBuilder().width(300).height(200).build();
        dial.addSeries("d", 0.6, "60 %");
        charts.add(dial);
        var hbar = new HorizontalBarChartBuilder().width(300).height(200).build();
        hbar.addSeries("hb", Arrays.asList(1, 2), Arrays.asList("x", "y"));
        charts.add(hbar);
        for (Chart<?, ?> c : charts) {
            DisplayData d = Renderers.newStandard().render(c);
            assertTrue(text(d).startsWith(c.getClass().getSimpleName()), text(d));
            BufferedImage img = png(d);
            assertEquals(2 * c.getWidth(), img.getWidth(), c.getClass().getSimpleName());
            DisplayData svg = Renderers.newStandard().render(c, RenderOptions.defaults().withMimeTypes(MimeTypes.SVG));
            parseXml((String) data(svg, MimeTypes.SVG));
        }
        assertEquals(10, charts.size());
    }
}
