package org.javadl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    @Test
    void scalarCheckPassesForRightAndFailsForWrongDerivative() {
        GradCheck ok = GradCheck.check(Math::sin, Math::cos, 0.3);
        assertTrue(ok.passed());
        assertTrue(ok.maxRelativeError() < 1e-9, ok.toText());
        GradCheck wrong = GradCheck.check(Math::sin, x -> -Math.cos(x), 0.3);
        assertFalse(wrong.passed());
        assertEquals(2.0, wrong.relativeError(0), 1e-9); // |−cos − cos| / max(|cos|, |cos|) = 2
        assertTrue(wrong.toText().contains("FAILED"));
        assertTrue(ok.toText().contains("PASSED"));
        assertTrue(ok.toHtml().contains("passed"));
        assertEquals(6, GradCheck.numericDerivative(x -> x * x, 3), 1e-9);
        // central differences are O(h²): exact for quadratics up to round-off
        assertEquals(2 * 1.5 + 1, GradCheck.numericDerivative(x -> x * x + x, 1.5), 1e-9);
    }

    @Test
    void vectorAndTensorChecks() {
        double[] x = {0.5, -1.5, 2};
        GradCheck g = GradCheck.check(v -> v[0] * v[1] + Math.exp(v[2]),
                v -> new double[] {v[1], v[0], Math.exp(v[2])}, x);
        assertTrue(g.passed(), g.toText());
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        // f(X) = Σ (A X)² ⇒ ∇f = 2 Aᵀ (A X)
        GradCheck t = GradCheck.check(xx -> a.matmul(xx).pow(2).sum(), xx -> a.transpose().matmul(a.matmul(xx)).mul(2),
                Tensor.randn(1, 2, 3));
        assertTrue(t.passed(), t.toText());
        GradCheck bad = GradCheck.check(xx -> a.matmul(xx).pow(2).sum(), xx -> a.transpose().matmul(a.matmul(xx)),
                Tensor.randn(1, 2, 3));
        assertFalse(bad.passed());
        assertTrue(bad.withTolerance(0.6).passed()); // off by a factor 2: relative error 0.5
        assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(xx -> xx.sum(), xx -> Tensor.ones(3), Tensor.ones(2)));
        assertEquals(6, GradCheck.numericGradient(xx -> xx.sum(), Tensor.ones(2, 3)).sum(), 1e-9);
    }
}
