package org.javadl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** Reverse and forward mode on whole graphs, the homework 004 problem 9 graph, traces, drawings. */
class GraphTest {

    /** y = exp(exp(x) + exp(x)²) + sin(exp(x) + exp(x)²), broken into f1..f5 as in the homework. */
    static Value problem9(Value x) {
        Value f1 = x.exp().named("f1");
        Value f2 = f1.square().named("f2");
        Value f3 = f1.add(f2).named("f3");
        Value f4 = f3.exp().named("f4");
        Value f5 = f3.sin().named("f5");
        return f4.add(f5).named("y");
    }

    /**
     * Closed form, derived by hand: with u = e^x + e^{2x}, y = e^u + sin u, so
     * dy/dx = (e^u + cos u)·(e^x + 2e^{2x}).
     */
    static double dydx(double x) {
        double u = Math.exp(x) + Math.exp(2 * x);
        return (Math.exp(u) + Math.cos(u)) * (Math.exp(x) + 2 * Math.exp(2 * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1})
    void forwardEqualsReverseEqualsClosedForm(double xv) {
        Value x = Value.variable("x", xv);
        Value y = problem9(x);
        Graph g = y.graph();
        g.backward();
        double reverse = x.grad();
        g.forward(x);
        double forward = y.tangent();
        assertEquals(dydx(xv), reverse, 1e-12 * Math.abs(dydx(xv)));
        assertEquals(reverse, forward, 1e-12 * Math.abs(reverse));
        // Intermediate adjoints, by hand: ∂y/∂f4 = ∂y/∂f5 = 1, ∂y/∂f3 = e^{f3} + cos f3,
        // ∂y/∂f2 = ∂y/∂f3, ∂y/∂f1 = ∂y/∂f3·(1 + 2 f1).
        double f1 = Math.exp(xv);
        double f3 = f1 + f1 * f1;
        double a3 = Math.exp(f3) + Math.cos(f3);
        assertEquals(1, g.node("f4").grad());
        assertEquals(1, g.node("f5").grad());
        assertEquals(a3, g.node("f3").grad(), 1e-12 * Math.abs(a3));
        assertEquals(a3, g.node("f2").grad(), 1e-12 * Math.abs(a3));
        assertEquals(a3 * (1 + 2 * f1), g.node("f1").grad(), 1e-12 * Math.abs(a3 * (1 + 2 * f1)));
        // Tangents, by hand: ∂f1/∂x = f1, ∂f2/∂x = 2 f1², ∂f3/∂x = f1 + 2 f1².
        assertEquals(f1, g.node("f1").tangent(), 1e-15);
        assertEquals(2 * f1 * f1, g.node("f2").tangent(), 1e-12);
        assertEquals(f1 + 2 * f1 * f1, g.node("f3").tangent(), 1e-12);
    }

    @Test
    void derivationOrdersAreTheHomeworks() {
        Value x = Value.variable("x", 0.5);
        Graph g = problem9(x).graph();
        assertEquals(List.of("x", "f1", "f2", "f3", "f4", "f5", "y"), g.trace().evaluationOrder());
        Derivation rev = g.reverseDerivation();
        assertEquals(List.of("y", "f5", "f4", "f3", "f2", "f1", "x"), rev.order());
        Derivation fwd = g.forwardDerivation(x);
        assertEquals(List.of("x", "f1", "f2", "f3", "f4", "f5", "y"), fwd.order());
        assertEquals(g.node("f3").grad(), rev.step("f3").result());
        assertEquals(x.grad(), rev.step("x").result());
        assertEquals(g.output().tangent(), fwd.step("y").result());
        assertEquals(x.grad(), fwd.step("y").result(), 1e-12 * Math.abs(x.grad()));
    }

    @Test
    void chainRuleTextHasSymbolsAndNumbers() {
        Value x = Value.variable("x", 0.5);
        Graph g = problem9(x).graph().backward();
        ChainRule r = g.adjointRule(g.node("f3"));
        String t = r.toText();
        assertTrue(t.startsWith("∂y/∂f3 = ∂y/∂f4·∂f4/∂f3 + ∂y/∂f5·∂f5/∂f3 = 1·exp(f3) + 1·cos(f3) = 1·"), t);
        assertTrue(t.endsWith("= " + Fmt.num(g.node("f3").grad())), t);
        assertTrue(r.toLatex().contains("\\frac{\\partial y}{\\partial f_{3}}"), r.toLatex());
        assertTrue(r.toLatex().contains("e^{f_{3}}"), r.toLatex());
        assertEquals("∂y/∂y = 1 (seed)", g.adjointRule(g.output()).toText());
        g.forward(x);
        String ft = g.tangentRule(g.node("f2")).toText();
        assertTrue(ft.startsWith("∂f2/∂x = ∂f2/∂f1·∂f1/∂x = 2·f1·"), ft);
        String latex = g.reverseDerivation().toLatex();
        assertTrue(latex.startsWith("\\begin{aligned}") && latex.endsWith("\\end{aligned}"));
    }

    @Test
    void backwardTwiceDoesNotAccumulate() {
        Value x = Value.variable("x", 0.3);
        Value y = problem9(x);
        y.backward();
        double first = x.grad();
        double f3 = y.graph().node("f3").grad();
        y.backward();
        assertEquals(first, x.grad());
        y.graph().backward();
        assertEquals(first, x.grad());
        assertEquals(f3, y.graph().node("f3").grad());
    }

    @Test
    void hundredThousandNodeChainIsIterative() {
        // y = sin(sin(...sin(x)...)) 100,000 times; dy/dx = Π cos(v_k) over the chain values.
        int n = 100_000;
        Value x = Value.variable("x", 0.8);
        Value v = x;
        double expected = 1;
        double cur = 0.8;
        for (int i = 0; i < n; i++) {
            expected *= Math.cos(cur);
            cur = Math.sin(cur);
            v = v.sin();
        }
        Graph g = v.backward();
        assertEquals(n + 1, g.size());
        assertEquals(cur, v.data(), 0);
        assertEquals(expected, x.grad(), 1e-9 * Math.abs(expected));
        g.forward(x);
        assertEquals(expected, v.tangent(), 1e-9 * Math.abs(expected));
        // Big traces are shown truncated, and big graphs are not drawn.
        assertTrue(g.trace().toText().contains("more nodes not shown"));
        assertNull(g.toSvg());
        assertEquals(n + 1, g.trace().rows().size());
    }

    @Test
    void sharedSubgraphsAreVisitedOnce() {
        // A ladder where every node uses the previous one twice: 2^60 paths, 61 nodes.
        Value x = Value.variable("x", 1.0);
        Value v = x;
        for (int i = 0; i < 60; i++) {
            v = v.add(v).mul(0.5);
        }
        Graph g = v.backward();
        assertEquals(1 + 60 * 3, g.size()); // each step: add, constant 0.5, mul
        assertEquals(1.0, x.grad(), 1e-12);
    }

    @Test
    void evaluateAfterSet() {
        Value w = Value.variable("w", 2);
        Value y = w.square().mul(3).named("y");
        Graph g = y.graph();
        w.set(5);
        g.evaluate().backward();
        assertEquals(75, y.data());
        assertEquals(30, w.grad());
        GraphGradCheck c = GraphGradCheck.check(y, w);
        assertTrue(c.passed(), c.toText());
        assertEquals(5, w.data()); // restored
        assertEquals(75, y.data());
    }

    @Test
    void traceShowsAllColumns() {
        Value x = Value.variable("x", 0);
        Value y = problem9(x);
        Graph g = y.graph().backward().forward(x);
        GraphTrace t = g.trace();
        String text = t.toText();
        assertTrue(text.contains("∂y/∂node") && text.contains("∂node/∂x"), text);
        assertEquals(List.of("f1"), t.row("f2").inputs());
        assertEquals(List.of("f1", "f2"), t.row("f3").inputs());
        assertEquals("exp", t.row("f4").op());
        assertTrue(t.toHtml().startsWith("<table"));
        assertTrue(t.toLatex().contains("\\begin{array}"));
        assertEquals(t.toText(), t.toString());
        assertEquals(List.of("x", "f1", "f2", "f3", "f4", "f5", "y"), t.forwardOrder().order());
    }

    @Test
    void svgIsWellFormedXml() throws Exception {
        Value x = Value.variable("x", 0.5);
        Value y = problem9(x);
        Value odd = Value.variable("<a & 'b'>", 1).mul(y).named("out\"put");
        Graph g = odd.graph().backward().forward(x);
        String svg = g.toSvg();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        // One box per node, one arrow per edge (f1 used twice, f3 twice).
        assertEquals(g.size(), d.getElementsByTagName("rect").getLength() - 1);
        int edges = 0;
        for (Value v : g.nodes()) {
            edges += v.inputs().size();
        }
        assertEquals(edges, d.getElementsByTagName("path").getLength() - 1);
        String all = d.getDocumentElement().getTextContent();
        assertTrue(all.contains("<a & 'b'>") && all.contains("f3  = exp") == false);
        assertTrue(all.contains("f4  = exp(f3)"), all);
    }
}
