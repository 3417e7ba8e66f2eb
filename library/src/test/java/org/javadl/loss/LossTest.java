package org.javadl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.javadl.activation.Activations;
import org.javadl.activation.Softmax;
import org.javadl.check.GradCheck;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LossTest {
    private static final double LN2 = Math.log(2);

    @Test
    void binaryCrossEntropyValuesAndGradients() {
        assertEquals(LN2, BinaryCrossEntropy.value(0.5, 1), 1e-16);
        assertEquals(-Math.log(0.8), BinaryCrossEntropy.value(0.2, 0), 1e-15);
        assertEquals(0, BinaryCrossEntropy.value(1, 1)); // 0·ln 0 := 0
        assertEquals(Double.POSITIVE_INFINITY, BinaryCrossEntropy.value(0, 1));
        for (double z : new double[] {-30, -2.5, -0.3, 0, 0.7, 4, 30}) {
            for (double y : new double[] {0, 1, 0.3}) {
                double p = Activations.sigmoid(z);
                if (Math.abs(z) < 20) {
                    assertEquals(BinaryCrossEntropy.value(p, y), BinaryCrossEntropy.fromLogits(z, y), 1e-12);
                    assertTrue(GradCheck.check(q -> BinaryCrossEntropy.value(q, y), q -> BinaryCrossEntropy.derivative(q, y),
                            p).passed());
                }
                GradCheck g = GradCheck.check(v -> BinaryCrossEntropy.fromLogits(v, y),
                        v -> BinaryCrossEntropy.fromLogitsDerivative(v, y), z);
                assertTrue(g.passed(), g.toText());
                // chain rule: dL/dz = dL/dp · σ'(z) = σ(z) − y (homework 001, q. 1.4)
                if (Math.abs(z) < 5) {
                    assertEquals(BinaryCrossEntropy.derivative(p, y) * Activations.sigmoidPrime(z),
                            BinaryCrossEntropy.fromLogitsDerivative(z, y), 1e-12);
                }
            }
        }
        // stable at huge logits: the loss is the linear tail, not NaN/∞
        assertEquals(1000, BinaryCrossEntropy.fromLogits(1000, 0), 1e-12);
        assertEquals(0, BinaryCrossEntropy.fromLogits(1000, 1), 1e-300);
        assertEquals(1000, BinaryCrossEntropy.fromLogits(-1000, 1), 1e-12);
        Tensor p = Tensor.of(0.5, 0.5, 0.9);
        Tensor y = Tensor.of(1, 0, 1);
        double expectedSum = 2 * LN2 - Math.log(0.9);
        assertEquals(expectedSum, BinaryCrossEntropy.sum(p, y), 1e-15);
        assertEquals(expectedSum / 3, BinaryCrossEntropy.mean(p, y), 1e-15);
        assertTrue(GradCheck.check(t -> BinaryCrossEntropy.sum(t, y), t -> BinaryCrossEntropy.gradient(t, y), p).passed());
        Tensor z = Tensor.of(-1, 0.5, 2);
        assertTrue(GradCheck.check(t -> BinaryCrossEntropy.sumFromLogits(t, y),
                t -> BinaryCrossEntropy.gradientFromLogits(t, y), z).passed());
        assertEquals(BinaryCrossEntropy.sumFromLogits(z, y) / 3, BinaryCrossEntropy.meanFromLogits(z, y), 1e-15);
        LossBreakdown b = BinaryCrossEntropy.breakdown(p, y);
        assertEquals(expectedSum, b.total(), 1e-15);
        assertEquals(b.total(), java.util.Arrays.stream(b.terms()).sum(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.sum(Tensor.of(0.5), Tensor.of(1, 0)));
        assertEquals("bce: shapes [1] and [2] differ", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.value(1.5, 1));
    }

    @Test
    void squaredErrorVariantsAreDistinct() {
        Tensor yhat = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Tensor.of(new double[][] {{0, 2}, {1, 7}});
        // residuals 1, 0, 2, -3 → squares 1, 0, 4, 9
        assertEquals(14, SquaredErrors.sumSquaredError(yhat, y));
        assertEquals(3.5, SquaredErrors.meanSquaredError(yhat, y));
        assertEquals(7, SquaredErrors.halfSquaredError(yhat, y));
        assertArrayEquals(new double[] {1, 0, 4, 9}, SquaredErrors.squaredErrors(yhat, y).toArray());
        assertTrue(GradCheck.check(t -> SquaredErrors.sumSquaredError(t, y), t -> SquaredErrors.sumSquaredErrorGradient(t, y),
                yhat).passed());
        assertTrue(GradCheck.check(t -> SquaredErrors.meanSquaredError(t, y),
                t -> SquaredErrors.meanSquaredErrorGradient(t, y), yhat).passed());
        assertTrue(GradCheck.check(t -> SquaredErrors.halfSquaredError(t, y),
                t -> SquaredErrors.halfSquaredErrorGradient(t, y), yhat).passed());
        assertEquals(14, SquaredErrors.breakdown(yhat, y).total());
        assertThrows(IllegalArgumentException.class, () -> SquaredErrors.sumSquaredError(yhat, Tensor.of(1, 2)));
    }

    @Test
    void multiclassHingeByHandAndGradient() {
        // scores [3, 1, 2], correct class 0: terms max(0, 1−3+1)=0 and max(0, 2−3+1)=0 → 0
        assertEquals(0, MulticlassHinge.value(Tensor.of(3, 1, 2), 0));
        // correct class 1: max(0, 3−1+1)=3, max(0, 2−1+1)=2 → 5
        assertEquals(5, MulticlassHinge.value(Tensor.of(3, 1, 2), 1));
        assertEquals(5, MulticlassHinge.value(Tensor.of(3, 1, 2), Tensor.of(0, 1, 0)));
        // margin 0.5, correct 2: max(0, 3−2+0.5)=1.5, max(0, 1−2+0.5)=0
        assertEquals(1.5, MulticlassHinge.value(Tensor.of(3, 1, 2), 2, 0.5));
        assertArrayEquals(new double[] {1, -2, 1}, MulticlassHinge.gradient(Tensor.of(3, 1, 2), 1).toArray());
        Tensor s = Tensor.of(0.3, -1.2, 0.9, 0.1);
        assertTrue(GradCheck.check(t -> MulticlassHinge.value(t, 2), t -> MulticlassHinge.gradient(t, 2), s).passed());
        LossBreakdown b = MulticlassHinge.breakdown(Tensor.of(3, 1, 2), 1);
        assertEquals(5, b.total());
        assertTrue(Double.isNaN(b.terms()[1]));
        assertTrue(b.toText().contains("excluded"), b.toText());
        assertTrue(b.toHtml().contains("<table"));
        assertTrue(b.toLatex().contains("= 3 + 2 = 5"), b.toLatex());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassHinge.value(Tensor.of(1, 2), 2));
        assertTrue(e.getMessage().contains("class index 2"), e.getMessage());
    }

    @Test
    void softmaxCrossEntropyAndGradient() {
        assertEquals(LN2, SoftmaxCrossEntropy.value(Tensor.of(0, 0), 0), 1e-16);
        assertEquals(LN2, SoftmaxCrossEntropy.value(Tensor.of(1000, 1000), 1), 1e-12); // no overflow
        Tensor s = Tensor.of(-0.5, 1.5, 0.25);
        double expected = -Math.log(Softmax.softmax(s).get(1));
        assertEquals(expected, SoftmaxCrossEntropy.value(s, 1), 1e-15);
        assertEquals(expected, SoftmaxCrossEntropy.value(s, Tensor.of(0, 1, 0)), 1e-15);
        Tensor g = SoftmaxCrossEntropy.gradient(s, 1);
        assertTrue(g.allClose(Softmax.softmax(s).sub(Tensor.of(0, 1, 0)), 0, 1e-16));
        assertEquals(0, g.sumValue(), 1e-15);
        assertTrue(GradCheck.check(t -> SoftmaxCrossEntropy.value(t, 1), t -> SoftmaxCrossEntropy.gradient(t, 1), s).passed());
        Tensor soft = Tensor.of(0.2, 0.5, 0.3);
        assertTrue(GradCheck.check(t -> SoftmaxCrossEntropy.value(t, soft), t -> SoftmaxCrossEntropy.gradient(t, soft), s)
                .passed());
        LossBreakdown b = SoftmaxCrossEntropy.breakdown(s, 1);
        assertEquals(expected, b.total(), 1e-15);
        assertEquals(expected, java.util.Arrays.stream(b.terms()).sum(), 1e-15);
    }

    @Test
    void klDivergenceValuesAsymmetryAndGradients() {
        Tensor p = Tensor.of(0.5, 0.5);
        Tensor q = Tensor.of(0.25, 0.75);
        double pq = 0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3);
        double qp = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
        assertEquals(pq, KlDivergence.value(p, q), 1e-15);
        assertEquals(qp, KlDivergence.value(q, p), 1e-15);
        assertTrue(Math.abs(pq - qp) > 0.01);
        assertEquals(0, KlDivergence.value(q, q));
        assertEquals(0, KlDivergence.value(Tensor.of(0, 1), Tensor.of(0.5, 0.5)) - Math.log(2), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, KlDivergence.value(Tensor.of(0.5, 0.5), Tensor.of(1, 0)));
        // Gibbs' inequality on random distributions
        for (int seed = 0; seed < 10; seed++) {
            Tensor a = KlDivergence.normalize(Tensor.rand(seed, 8).add(0.01));
            Tensor c = KlDivergence.normalize(Tensor.rand(seed + 100, 8).add(0.01));
            assertTrue(KlDivergence.value(a, c) > 0);
            // q can be ~0.002 here, so the O((h/q)²) truncation of central differences allows only ~1e-4
            GradCheck gq = GradCheck.check(t -> KlDivergence.value(a, t), t -> KlDivergence.gradientWrtQ(a, t), c);
            assertTrue(gq.withTolerance(1e-4).passed(), gq.toText());
            GradCheck gp = GradCheck.check(t -> KlDivergence.value(t, c), t -> KlDivergence.gradientWrtP(t, c), a);
            assertTrue(gp.withTolerance(1e-4).passed(), gp.toText());
        }
        assertArrayEquals(new double[] {0.25, 0.75}, KlDivergence.normalize(Tensor.of(1, 3)).toArray());
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.normalize(Tensor.of(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.normalize(Tensor.of(-1, 2)));
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.value(p, Tensor.of(1, 0, 0)));
        LossBreakdown b = KlDivergence.breakdown(p, q);
        assertEquals(pq, b.total(), 1e-15);
        assertEquals(0.5 * Math.log(2), b.terms()[0], 1e-16);
        assertTrue(b.toText().contains("a ln(a/b)"), b.toText());
        assertTrue(KlDivergence.breakdown(p, q, "p", "q").toText().contains("p ln(p/q)"));
    }

    @Test
    void klBreakdownLabelsFollowTheArgumentOrder() {
        Tensor p = Tensor.of(0.5, 0.5);
        Tensor q = Tensor.of(0.25, 0.75);
        // Regression: klSteps(q, p) used to be titled KL(p‖q) with q's numbers in the "p(d)" column.
        LossBreakdown qp = org.javadl.DL.klSteps(q, p, "q", "p");
        assertEquals("KL(q‖p)", qp.name());
        assertEquals(java.util.List.of("d", "q(d)", "p(d)", "q/p", "ln(q/p)", "q ln(q/p)"), qp.columns());
        assertEquals(0.25, (double) qp.rows().get(0).get(1)); // the q(d) column holds q
        assertEquals(0.5, (double) qp.rows().get(0).get(2));
        assertEquals(KlDivergence.value(q, p), qp.total(), 1e-15);
        assertTrue(qp.formula().contains("q(d) \\ln\\frac{q(d)}{p(d)}"), qp.formula());
        assertTrue(qp.toText().startsWith("KL(q‖p)\n"), qp.toText());
        // Without symbols: generic a = first argument, b = second, whatever the variables are called.
        LossBreakdown generic = org.javadl.DL.klSteps(q, p);
        assertEquals("KL(a‖b)", generic.name());
        assertEquals("a(d)", generic.columns().get(1));
        assertEquals(0.25, (double) generic.rows().get(0).get(1));
        assertEquals(KlDivergence.value(q, p), generic.total(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.breakdown(p, q, " ", "q"));
    }

    @Test
    void marginLossesAreStableAndRelated() {
        assertEquals(LN2, MarginLosses.logistic(0), 1e-16);
        assertEquals(LN2, MarginLosses.smoothHinge(1), 1e-16);
        assertEquals(1000, MarginLosses.logistic(-1000), 1e-12);
        assertEquals(0, MarginLosses.logistic(1000), 1e-300);
        assertEquals(1001, MarginLosses.smoothHinge(-1000), 1e-12);
        assertFalse(Double.isNaN(MarginLosses.smoothHingeDerivative(-1000)));
        for (double t = -8; t <= 8; t += 0.7) {
            final double tt = t;
            assertEquals(MarginLosses.logistic(t - 1), MarginLosses.smoothHinge(t), 1e-15); // h*(t) = l(t − 1)
            assertTrue(MarginLosses.smoothHinge(t) >= MarginLosses.hinge(t)); // softplus ≥ max(0, ·)
            assertTrue(MarginLosses.smoothHinge(t) - MarginLosses.hinge(t) <= LN2 + 1e-15); // gap largest at the kink
            assertTrue(GradCheck.check(MarginLosses::logistic, MarginLosses::logisticDerivative, tt).passed());
            assertTrue(GradCheck.check(MarginLosses::smoothHinge, MarginLosses::smoothHingeDerivative, tt).passed());
        }
        assertEquals(0.5, MarginLosses.hinge(0.5));
        assertEquals(-1, MarginLosses.hingeDerivative(0.5));
        assertEquals(0, MarginLosses.hingeDerivative(2));
    }
}
