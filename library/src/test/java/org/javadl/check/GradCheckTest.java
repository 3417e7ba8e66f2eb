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
                () -> GradCheck.check(xx -> xx.sumValue(), xx -> Tensor.ones(3), Tensor.ones(2)));
        assertEquals(6, GradCheck.numericGradient(xx -> xx.sum(), Tensor.ones(2, 3)).sumValue(), 1e-9);
        IllegalArgumentException notScalar = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(xx -> xx.mul(2), xx -> Tensor.ones(2), Tensor.ones(2)));
        assertTrue(notScalar.getMessage().contains("one-element tensor, got a tensor of shape [2]"), notScalar.getMessage());
    }

    @Test
    void exactlyZeroGradientsDoNotFailOnRoundOffNoise() {
        // Regression: f = 5 + x0² + x1³ + x2·x3 at x1 = 0 (and x2 = 0 for ∂f/∂x3) has gradient components that
        // are exactly 0; the central difference there is pure round-off (~1e-10), which a relative error
        // with a 1e-8 floor reported as ~1e-2.
        double[] x = {0.5, 0.0, 0.0, 3.0};
        GradCheck g = GradCheck.check(v -> 5 + v[0] * v[0] + v[1] * v[1] * v[1] + v[2] * v[3],
                v -> new double[] {2 * v[0], 3 * v[1] * v[1], v[3], v[2]}, x);
        assertEquals(0.0, g.analytic()[1]);
        assertEquals(0.0, g.analytic()[3]);
        assertTrue(g.numeric()[1] != 0, "the example should produce finite-difference noise");
        assertTrue(Math.abs(g.numeric()[1]) < 1e-9);
        assertTrue(g.passed(), g.toText());
        assertTrue(g.maxRelativeError() < 1e-7, g.toText());
        assertEquals(GradCheck.ERROR_FLOOR * 5.25, g.floor(), 1e-6);
        // Same through tensors and the DL facade (a model's loss/gradient at a parameter vector).
        Tensor tx = Tensor.of(x);
        assertTrue(GradCheck.check(t -> 5 + t.pow(2).sumValue() - t.get(3) * t.get(3) + t.get(1) * t.get(1) * t.get(1),
                t -> Tensor.of(2 * t.get(0), 2 * t.get(1) + 3 * t.get(1) * t.get(1), 2 * t.get(2), 0), tx).passed());
        assertTrue(org.javadl.DL.gradCheck(v -> 5 + v[0] * v[0] + v[1] * v[1] * v[1] + v[2] * v[3],
                v -> new double[] {2 * v[0], 3 * v[1] * v[1], v[3], v[2]}, x).passed());
    }

    @Test
    void wrongSmallGradientsAreStillCaught() {
        // True ∂f/∂x1 = 1e-4; claiming 0 (or twice the value) must fail despite the floor.
        GradCheck zero = GradCheck.check(v -> v[0] * v[0] + 1e-4 * v[1], v -> new double[] {2 * v[0], 0}, new double[] {1, 2});
        assertFalse(zero.passed(), zero.toText());
        assertTrue(zero.maxRelativeError() > 0.05);
        GradCheck twice = GradCheck.check(v -> v[0] * v[0] + 1e-4 * v[1], v -> new double[] {2 * v[0], 2e-4},
                new double[] {1, 2});
        assertFalse(twice.passed());
        // The error measure: relative for large gradients, absolute against max(1, |f|)·1e-3 near zero.
        assertEquals(1e-6, GradCheck.error(1.0, 1.000001, 1.0), 1e-11);
        assertEquals(1e-8, GradCheck.error(0.0, 1e-11, 1.0), 1e-20);
        assertEquals(1e-8, GradCheck.error(0.0, 1e-9, 100.0), 1e-20);
        assertTrue(Double.isNaN(GradCheck.error(Double.NaN, 1, 1)));
    }
}
