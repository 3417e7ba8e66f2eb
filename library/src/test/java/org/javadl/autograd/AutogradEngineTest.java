package org.javadl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.Map;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The engine around the ops: leaves, accumulation, grad mode, detach, in-place changes, forward mode. */
class AutogradEngineTest {

    @Test
    void theIssueExample() {
        Tensor x = Tensor.randn(0, 4, 3);
        Tensor w = Tensor.randn(1, 3, 2).requiresGrad();
        Tensor loss = x.matmul(w).tanh().sumAll();
        loss.backward();
        // d/dw Σ tanh(xw) = xᵀ (1 − tanh²(xw))
        Tensor t = x.matmul(w.detach()).tanh();
        Tensor expected = x.transpose().matmul(t.mul(t).neg().add(1));
        assertTrue(w.grad().allClose(expected, 1e-14, 1e-14), w.grad() + " vs " + expected);
        assertNull(x.grad());
        assertTrue(loss.needsGrad() && !loss.isLeaf());
        assertEquals("sum", loss.gradFn().op());
        assertEquals("tanh", loss.gradFn().inputs().get(0).gradFn().op());
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        w.mul(3).sumAll().backward();
        w.mul(3).sumAll().backward();
        assertEquals(Tensor.of(6, 6), w.grad());
        w.zeroGrad();
        assertNull(w.grad());
        w.pow(2).sumAll().backward();
        assertEquals(Tensor.of(2, 4), w.grad());
    }

    @Test
    void aTensorUsedTwiceGetsBothContributions() {
        // y = a·b + a, with b = a²: dy/da = 3a² + 1
        Tensor a = Tensor.of(2).requiresGrad();
        Tensor b = a.mul(a);
        a.mul(b).add(a).sumAll().backward();
        assertEquals(Tensor.of(13), a.grad());
    }

    @Test
    void onlyLeavesKeepGradientsUnlessRetained() {
        Tensor a = Tensor.of(1, 2).requiresGrad();
        Tensor h = a.mul(2);
        Tensor kept = a.mul(3).retainGrad();
        h.add(kept).sumAll().backward();
        assertNull(h.grad());
        assertEquals(Tensor.of(1, 1), kept.grad());
        assertEquals(Tensor.of(5, 5), a.grad());
    }

    @Test
    void noGradAndDetachRecordNothing() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        Tensor y = GradMode.noGrad(() -> w.mul(2));
        assertFalse(y.needsGrad());
        assertNull(y.gradFn());
        Tensor[] inside = new Tensor[1];
        GradMode.noGrad(() -> {
            inside[0] = w.exp();
        });
        assertFalse(inside[0].needsGrad());
        assertTrue(GradMode.isEnabled());
        assertFalse(w.mul(2).detach().needsGrad());
        assertTrue(GradMode.noGrad(() -> GradMode.enableGrad(() -> w.mul(2))).needsGrad());
        // plain data records nothing either
        assertNull(Tensor.of(1, 2).mul(2).gradFn());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sumAll().backward());
        assertTrue(e.getMessage().contains("does not need a gradient"), e.getMessage());
    }

    @Test
    void clearErrors() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.mul(2).backward());
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("backward(seed)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.mul(2).backward(Tensor.ones(3)));
        assertTrue(e.getMessage().contains("seed gradient shape [3]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> w.mul(2).requiresGrad(false));
        assertTrue(s.getMessage().contains("detach"), s.getMessage());
        s = assertThrows(IllegalStateException.class, () -> w.mul(2).assign(Tensor.zeros(2)));
        assertTrue(s.getMessage().contains("only leaves"), s.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, 3)));
        assertEquals("crossEntropy: label 1 is 3.0, not a class index in [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0.5, 1)));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0)));
        assertTrue(e.getMessage().contains("expected 2 class indices"), e.getMessage());
    }

    @Test
    void assignChangesALeafAndGuardsOldGraphs() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        Tensor loss = w.mul(w).sumAll();
        w.assign(Tensor.of(5, 6));
        assertEquals(Tensor.of(5, 6), w.detach());
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("changed by assign()"), e.getMessage());
        w.mul(w).sumAll().backward(); // a new forward pass is fine
        assertEquals(Tensor.of(10, 12), w.grad());
        w.assign(Tensor.scalar(0)); // broadcast
        assertEquals(Tensor.zeros(2), w.detach());
        assertSame(w, w.requiresGrad());
    }

    @Test
    void leafBackwardAndDeepChains() {
        Tensor w = Tensor.scalar(3).requiresGrad();
        w.backward();
        assertEquals(Tensor.scalar(1), w.grad());
        // 20,000 recorded ops: the traversal is iterative
        Tensor x = Tensor.of(1.0).requiresGrad();
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.mul(1.0);
        }
        y.sumAll().backward();
        assertEquals(Tensor.of(1.0), x.grad());
    }

    @Test
    void textShowsTheGraph() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        assertEquals("tensor([1., 2.], requiresGrad=true)", w.toText());
        assertEquals("tensor([2., 4.], gradFn=mul)", w.mul(2).toText());
        assertEquals("tensor([1., 2.])", w.detach().toText());
    }

    @Test
    void forwardModeThroughARecordedGraph() {
        Tensor x = Tensor.of(0.5, -1).requiresGrad();
        Tensor y = x.exp().mul(x).sumAll();
        Tensor v = Tensor.of(1, 2);
        Map<Tensor, Tensor> seeds = new IdentityHashMap<>();
        seeds.put(x, v);
        // d/dx (x eˣ) = (1 + x) eˣ
        double expected = 1.5 * Math.exp(0.5) * 1 + 0 * Math.exp(-1) * 2;
        assertEquals(expected, ForwardMode.tangent(y, seeds).item(), 1e-15);
        ForwardMode.Dual d = ForwardMode.jvp(t -> t.mul(3), Tensor.of(1, 2), Tensor.of(1, 0));
        assertEquals(Tensor.of(3, 0), d.tangent());
        assertEquals(Tensor.of(3, 6), d.value());
        // a function that ignores its input has a zero tangent
        assertEquals(Tensor.zeros(2), ForwardMode.jvp(t -> Tensor.of(1, 2), Tensor.of(1), Tensor.of(1)).tangent());
        // a broadcast operand's tangent is broadcast to the result's shape
        assertArrayEquals(new int[] {2, 3},
                ForwardMode.jvp(t -> t.add(Tensor.zeros(2, 3)), Tensor.of(1, 2, 3), Tensor.ones(3)).tangent().shape());
    }

    @Test
    void tensorGraphsAreDrawnWithShapesAndGradientNorms() throws Exception {
        Tensor x = Tensor.randn(3, 4, 3);
        Tensor w = Tensor.randn(4, 3, 2).requiresGrad();
        Tensor loss = x.matmul(w).tanh().sumAll();
        TensorGraph g = TensorGraph.of(loss).name(w, "w").name(x, "x");
        assertEquals(5, g.size()); // x, w, matmul, tanh, sum
        assertNull(w.grad(), "drawing does not accumulate gradients");
        loss.backward();
        double norm = Math.sqrt(w.grad().pow(2).sumValue());
        String text = g.toText();
        assertTrue(text.contains("w = leaf") && text.contains("x = constant") && text.contains("[4, 2]"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.4g", norm)), text);
        String svg = g.toSvg();
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(
                new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals(5, d.getElementsByTagName("rect").getLength() - 1); // one box per tensor, plus the background
        assertEquals(4, svg.split("marker-end=").length - 1); // one arrow per input
        assertTrue(svg.contains("‖grad‖"));
        // a non-scalar output is drawn without gradients
        assertFalse(TensorGraph.of(x.matmul(w)).toSvg().contains("‖grad‖"));
    }

    @Test
    void theCheckerCatchesAWrongRule() {
        // an op whose recorded gradient and tangent are twice the truth must fail the finite-difference check
        assertThrows(AssertionFailedError.class, () -> GradChecker.check("wrong",
                t -> Record.unary("wrong", Raw.plain(t[0]).mul(1), t[0], g -> g.mul(2), v -> v.mul(2)),
                Tensor.of(1, 2)));
    }
}
