package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.show.Showable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.has;
import static org.javadl.kernel.display.BundleAssertions.parseXml;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    private final Renderers r = Renderers.newStandard();

    /** A type of the notebook's own, shown as its fallback text until a renderer is registered. */
    private record Point(int x, int y) {
    }

    @Test
    void aRegistrationShowsInItsRegistryOnlyAndReplacesACachedAnswer() {
        Renderers other = Renderers.newStandard();
        Point p = new Point(1, 2);
        assertEquals("Point[x=1, y=2]", text(r.render(p))); // resolved (and cached) to the Object renderer first
        r.register(Point.class, (v, out, o) -> out.text("(" + v.x() + ", " + v.y() + ")"));
        assertEquals("(1, 2)", text(r.render(p)));
        assertSame(Point.class, r.registeredTypeFor(Point.class));
        assertEquals("Point[x=1, y=2]", text(other.render(p)));
        assertSame(Object.class, other.registeredTypeFor(Point.class));
    }

    @Test
    void primitivesAndNullAsText() {
        assertEquals("42", text(r.render(42)));
        assertEquals("0.7310585786300049", text(r.render(0.7310585786300049)));
        assertEquals("true", text(r.render(true)));
        assertEquals("null", text(r.render(null)));
        assertEquals("'x'", text(r.render('x')));
    }

    @Test
    void stringsAreQuotedAndEscapedLikeJShell() {
        assertEquals("\"hello\"", text(r.render("hello")));
        assertEquals("\"a\\nb \\\"q\\\"\"", text(r.render("a\nb \"q\"")));
        assertEquals("\"\"", text(r.render("")));
    }

    @Test
    void arraysPrintTheirElementsNotTheirIdentity() {
        assertEquals("[1.0, 2.5]", text(r.render(new double[] {1, 2.5})));
        assertEquals("[1, 2, 3]", text(r.render(new int[] {1, 2, 3})));
        assertEquals("[[1.0, 2.0], [3.0, 4.0]]", text(r.render(new double[][] {{1, 2}, {3, 4}})));
        assertEquals("[\"a\", null]", text(r.render(new String[] {"a", null})));
        assertEquals("[[1.0], [2.0]]", text(r.render(List.of(new double[] {1}, new double[] {2}))));
        assertEquals("{\"w\"=[0.5]}", text(r.render(Map.of("w", new double[] {0.5}))));
    }

    @Test
    void hugeArraysAreSummarised() {
        double[] big = new double[100_000];
        String t = text(r.render(big));
        assertTrue(t.contains("..."), t);
        assertTrue(t.endsWith("(length 100000)"), t);
        assertTrue(t.length() < 400, "summary should be short, was " + t.length());
    }

    @Test
    void toStringThatThrowsIsReported() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        String t = text(r.render(bad));
        assertTrue(t.contains("toString() threw IllegalStateException: boom"), t);

        class MyType {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        }
        assertEquals("<MyType: toString() threw IllegalStateException: boom>", text(r.render(new MyType())));
    }

    @Test
    void failingRendererFallsBackToText() {
        Renderers custom = Renderers.builder()
                .register(Integer.class, (v, out, o) -> {
                    throw new IllegalStateException("renderer broke");
                })
                .build();
        DisplayData d = custom.render(7);
        assertTrue(text(d).startsWith("7"), text(d));
        assertTrue(text(d).contains("renderer broke"), text(d));
    }

    @Test
    void mostSpecificRegistrationWins() {
        Renderers custom = Renderers.builder()
                .register(Number.class, (v, out, o) -> out.text("number"))
                .register(Integer.class, (v, out, o) -> out.text("integer"))
                .register(Comparable.class, (v, out, o) -> out.text("comparable"))
                .build();
        assertEquals("integer", text(custom.render(3)));
        assertEquals("number", text(custom.render(3.0)));
        assertEquals("comparable", text(custom.render("s")));
        assertEquals(Integer.class, custom.registeredTypeFor(Integer.class));
    }

    @Test
    void missingOptionalLibraryIsSkipped() {
        Renderers.Builder b = Renderers.builder()
                .registerOptional("Nope", x -> {
                    throw new NoClassDefFoundError("com/example/Missing");
                });
        assertEquals(1, b.skipped().size());
        assertEquals("5", text(b.build().render(5)));
    }

    @Test
    void showableOffersEachNotation() {
        Showable s = new Showable() {
            @Override
            public String toText() {
                return "[[1, 2]]";
            }

            @Override
            public String toHtml() {
                return "<table><tr><td>1</td><td>2</td></tr></table>";
            }

            @Override
            public String toLatex() {
                return "\\begin{bmatrix}1 & 2\\end{bmatrix}";
            }

            @Override
            public String toSvg() {
                return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle r=\"3\"/></svg>";
            }
        };
        DisplayData d = r.render(s);
        assertEquals("[[1, 2]]", text(d));
        assertEquals("$$\\begin{bmatrix}1 & 2\\end{bmatrix}$$", data(d, MimeTypes.LATEX));
        assertNotNull(data(d, MimeTypes.HTML));
        parseXml((String) data(d, MimeTypes.SVG));
    }

    @Test
    void showableWithTextOnlyGivesTextOnly() {
        Showable s = () -> "just text";
        DisplayData d = r.render(s);
        assertEquals("just text", text(d));
        assertFalse(has(d, MimeTypes.HTML));
        assertFalse(has(d, MimeTypes.LATEX));
        assertFalse(has(d, MimeTypes.SVG));
    }

    @Test
    void mimeRestrictionKeepsTextPlain() {
        Showable s = new Showable() {
            @Override
            public String toText() {
                return "t";
            }

            @Override
            public String toHtml() {
                return "<b>t</b>";
            }

            @Override
            public String toLatex() {
                return "t";
            }
        };
        DisplayData d = r.render(s, RenderOptions.defaults().withMimeTypes(MimeTypes.LATEX));
        assertTrue(has(d, MimeTypes.LATEX));
        assertFalse(has(d, MimeTypes.HTML));
        assertEquals("t", text(d));
    }

    @Test
    void markupRendersAsItsKind() {
        DisplayData latex = r.render(Markup.latex("e^{i\\pi} = -1"));
        assertEquals("$$e^{i\\pi} = -1$$", data(latex, MimeTypes.LATEX));
        assertEquals("e^{i\\pi} = -1", text(latex));
        assertEquals("$x$", data(r.render(Markup.latex("$x$")), MimeTypes.LATEX));
        assertEquals("# Title", data(r.render(Markup.markdown("# Title")), MimeTypes.MARKDOWN));
        assertEquals("<i>x</i>", data(r.render(Markup.html("<i>x</i>")), MimeTypes.HTML));
    }

    @Test
    void optionsValidate() {
        RenderOptions o = RenderOptions.defaults().withSize(300, 200).withTheme("ggplot2");
        assertEquals(300, o.width());
        assertEquals(RenderOptions.Theme.GGPLOT2, o.theme());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RenderOptions.defaults().withTheme("neon"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RenderOptions.defaults().withSize(-1, 5));
    }
}
