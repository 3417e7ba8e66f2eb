package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.MimeTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.has;
import static org.javadl.kernel.display.BundleAssertions.parseXml;
import static org.javadl.kernel.display.BundleAssertions.png;
import static org.javadl.kernel.display.BundleAssertions.pngMetadata;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    private RecordingSink sink;
    private Session.Binding bound;

    @BeforeEach
    void install() {
        sink = new RecordingSink();
        bound = sink.bindNewSession();
    }

    @AfterEach
    void restore() {
        bound.close();
    }

    @Test
    void displayReturnsIdCarriedByTheMessage() {
        String id = Notebook.display(new int[] {1, 2});
        assertNotNull(id);
        assertEquals(1, sink.messages.size());
        DisplayData d = sink.last().data();
        assertEquals(id, d.getDisplayId());
        assertEquals("[1, 2]", text(d));
    }

    @Test
    void updateDisplayReplacesByIdAndCarriesIt() {
        String id = Notebook.display("first");
        Notebook.updateDisplay(id, "second");
        assertEquals("update", sink.last().kind());
        assertEquals(id, sink.last().data().getDisplayId());
        assertEquals("\"second\"", text(sink.last().data()));
    }

    @Test
    void displayRestrictedToSvg() {
        Notebook.display(Notebook.plot(Math::sin, 0, 6), "image/svg+xml");
        DisplayData d = sink.last().data();
        assertTrue(has(d, MimeTypes.SVG));
        assertFalse(has(d, MimeTypes.PNG));
        parseXml((String) data(d, MimeTypes.SVG));
    }

    @Test
    void defaultSinkPrintsText() {
        bound.close(); // no session bound: plain Java's, which prints text
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Notebook.display(new double[] {0.5});
        } finally {
            System.setOut(old);
        }
        assertEquals("[0.5]", buf.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void plotBuilderRendersHiDpiPng() {
        Plot p = Notebook.plot()
                .function("sigmoid", x -> 1 / (1 + Math.exp(-x)), -6, 6)
                .derivative("sigmoid'", x -> 1 / (1 + Math.exp(-x)), -6, 6)
                .title("sigmoid").xLabel("x").yLabel("y").size(500, 300);
        p.show();
        DisplayData d = sink.last().data();
        BufferedImage img = png(d);
        assertEquals(1000, img.getWidth());
        assertEquals(600, img.getHeight());
        assertEquals(500, pngMetadata(d).get("width"));
        assertEquals("Plot \"sigmoid\" [sigmoid, sigmoid'] 500x300", text(d));
    }

    @Test
    void plotRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.plot(Math::sin, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Notebook.plot(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void plotSurvivesNonFiniteValues() {
        DisplayData d = org.javadl.kernel.display.Renderers.newStandard()
                .render(Notebook.plot(x -> 1 / x, -1, 1));
        png(d);
    }

    @Test
    void activationsWithDerivativesInOneCall() {
        Map<String, DoubleUnaryOperator> acts = new LinkedHashMap<>();
        acts.put("sigmoid", x -> 1 / (1 + Math.exp(-x)));
        acts.put("tanh", Math::tanh);
        acts.put("relu", x -> Math.max(0, x));
        acts.put("leaky relu", x -> x > 0 ? x : 0.01 * x);
        acts.put("elu", x -> x > 0 ? x : Math.exp(x) - 1);
        acts.put("softplus", x -> Math.log1p(Math.exp(x)));
        acts.put("swish", x -> x / (1 + Math.exp(-x)));
        Subplots s = Notebook.functionsWithDerivatives(acts, -5, 5);
        Notebook.display(s);
        DisplayData d = sink.last().data();
        BufferedImage img = png(d);
        assertEquals(2 * 4 * 320, img.getWidth());
        assertEquals(2 * 2 * 240, img.getHeight());
        assertTrue(text(d).startsWith("Subplots 2x4"), text(d));
        assertTrue(text(d).contains("swish'"), text(d));
    }

    @Test
    void libraryActivationsWithAnalyticDerivatives() {
        Subplots s = Notebook.functionsWithDerivatives(org.javadl.DL.activations(), -4, 4);
        Notebook.display(s);
        String t = text(sink.last().data());
        assertEquals(1 + org.javadl.DL.activations().size(), t.lines().count(), t);
        assertTrue(t.contains("[f, f']"), t);
        png(sink.last().data());
    }

    @Test
    void heatmapWithColourBarAndPath() {
        Heatmap h = Notebook.heatmap((w, b) -> w * w + 2 * b * b, -2, 2, -2, 2)
                .title("loss").xLabel("w").yLabel("b").path("gd", new double[] {-1.5, 0}, new double[] {1.5, 0});
        Notebook.display(h);
        DisplayData d = sink.last().data();
        assertEquals(2 * h.width(), png(d).getWidth());
        assertTrue(text(d).startsWith("Heatmap \"loss\" 80x80 grid"), text(d));
        String svg = (String) data(org.javadl.kernel.display.Renderers.newStandard().render(h,
                org.javadl.kernel.display.RenderOptions.defaults().withMimeTypes(MimeTypes.SVG)), MimeTypes.SVG);
        parseXml(svg);
        assertThrows(IllegalArgumentException.class,
                () -> Notebook.heatmap(new double[] {1, 2}, new double[] {1}, new double[][] {{1}}));
    }

    @Test
    void markupHelpers() {
        assertEquals("$$x^2$$", data(org.javadl.kernel.display.Renderers.newStandard().render(Notebook.latex("x^2")),
                MimeTypes.LATEX));
        assertEquals("**b**", Notebook.markdown("**b**").source());
        assertEquals("<b>b</b>", Notebook.html("<b>b</b>").source());
    }

    @Test
    void figureDefaultsCanSwitchToSvg() {
        try {
            Notebook.figureFormat("svg");
            Notebook.display(Notebook.plot(Math::cos, 0, 1));
            assertTrue(has(sink.last().data(), MimeTypes.SVG));
            assertFalse(has(sink.last().data(), MimeTypes.PNG));
        } finally {
            Notebook.figureFormat();
        }
        Notebook.display(Notebook.plot(Math::cos, 0, 1));
        assertTrue(has(sink.last().data(), MimeTypes.PNG));
    }
}
