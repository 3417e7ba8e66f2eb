package org.javadl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.javadl.graph.Value;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void atTheOriginEveryTermIsLn2() {
        // φ = 0 gives p = 1/2 for every point, so each term is −ln(1/2) = ln 2, whatever the label.
        LabelledData d = Data.twoClass(123);
        LogisticRegression m = new LogisticRegression(d);
        assertEquals(20 * Math.log(2), m.lossSum(new double[] {0, 0}), 1e-12);
        assertEquals(Math.log(2), m.lossMean(new double[] {0, 0}), 1e-14);
        assertEquals(Math.log(2), m.with(Reduction.MEAN).loss(0, 0), 1e-14);
        // ∂L/∂φ0 = Σ (1/2 − y_i) = 10·(1/2) − 10·(1/2) = 0; ∂L/∂φ1 = Σ (1/2 − y_i) x_i.
        double g1 = 0;
        for (int i = 0; i < 20; i++) {
            g1 += (0.5 - d.y(i)) * d.x(i, 0);
        }
        double[] g = m.gradientSum(new double[] {0, 0});
        assertEquals(0, g[0], 1e-15);
        assertEquals(g1, g[1], 1e-14);
        assertArrayEquals(new double[] {g[0] / 20, g[1] / 20}, m.gradientMean(new double[] {0, 0}), 1e-15);
    }

    /** The same loss built with the graph API (the textbook formula, no tricks), and its gradient. */
    private static double[] viaGraph(LabelledData d, double[] phi) {
        Value[] p = new Value[phi.length];
        for (int k = 0; k < phi.length; k++) {
            p[k] = Value.of(phi[k]);
        }
        Value loss = Value.constant(0);
        for (int i = 0; i < d.size(); i++) {
            Value z = p[0];
            for (int j = 0; j < d.dimension(); j++) {
                z = z.add(p[j + 1].mul(d.x(i, j)));
            }
            Value prob = z.sigmoid();
            Value term = prob.log().mul(d.y(i)).add(Value.sub(1, prob).log().mul(1 - d.y(i))).neg();
            loss = loss.add(term);
        }
        loss.backward();
        double[] out = new double[phi.length + 1];
        out[0] = loss.data();
        for (int k = 0; k < phi.length; k++) {
            out[k + 1] = p[k].grad();
        }
        return out;
    }

    @Test
    void nDimensionalLossAndGradientAgreeWithTheGraph() {
        Random r = new Random(3);
        int n = 25;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        LabelledData d = LabelledData.of(x, y);
        LogisticRegression m = new LogisticRegression(d);
        double[] phi = {0.2, -0.5, 1.1, 0.3};
        double[] ref = viaGraph(d, phi);
        assertEquals(ref[0], m.lossSum(phi), 1e-12);
        double[] g = m.gradientSum(phi);
        for (int k = 0; k < phi.length; k++) {
            assertEquals(ref[k + 1], g[k], 1e-12);
            // And finite differences on the library's own loss.
            double h = 1e-6;
            double[] pp = phi.clone();
            double[] pm = phi.clone();
            pp[k] += h;
            pm[k] -= h;
            assertEquals((m.lossSum(pp) - m.lossSum(pm)) / (2 * h), g[k], 1e-6);
        }
        assertEquals(1 / (1 + Math.exp(-(0.2 - 0.5 * x[0][0] + 1.1 * x[0][1] + 0.3 * x[0][2]))),
                m.probability(phi, x[0]), 1e-15);
    }

    @Test
    void lossStaysFiniteForConfidentMistakes() {
        LogisticRegression m = LogisticRegression.of(new double[] {1}, new double[] {0});
        // z = 1000: ℓ = ln(1 + e^1000) ≈ 1000 (the naive formula gives ln 0 = −∞).
        assertEquals(1000, m.lossSum(new double[] {0, 1000}), 1e-9);
    }

    @Test
    void weightDecayEqualsL2PenaltyStepByStep() {
        LogisticRegression m = new LogisticRegression(Data.twoClass(17));
        double alpha = 0.05;
        double lambda = 0.02;
        Trajectory a = GradientDescent.withStep(alpha).iterations(300).l2(lambda).run(m, 0.5, -0.5);
        Trajectory b = GradientDescent.withStep(alpha).iterations(300).weightDecay(lambda).run(m, 0.5, -0.5);
        Trajectory plain = GradientDescent.withStep(alpha).iterations(300).run(m, 0.5, -0.5);
        double maxDiff = 0;
        for (int t = 0; t <= 300; t++) {
            double[] pa = a.parameters(t);
            double[] pb = b.parameters(t);
            for (int k = 0; k < 2; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(pa[k] - pb[k]));
            }
        }
        assertTrue(maxDiff < 1e-13, "max difference " + maxDiff);
        // And the shrinkage is real: the penalised weights are smaller than the plain ones.
        assertTrue(Math.abs(a.last()[1]) < Math.abs(plain.last()[1]));
        // The penalised objective includes λ/(2α) Σ φ².
        double[] p = a.last();
        assertEquals(m.lossSum(p) + lambda / (2 * alpha) * (p[0] * p[0] + p[1] * p[1]), a.objective(300), 1e-12);
    }

    @Test
    void weightDecayEqualsL2PenaltyInThreeDimensions() {
        Random r = new Random(9);
        double[][] x = new double[40][3];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = x[i][0] - x[i][2] + 0.3 * r.nextGaussian() > 0 ? 1 : 0;
        }
        LogisticRegression m = new LogisticRegression(LabelledData.of(x, y), Reduction.MEAN);
        Trajectory a = GradientDescent.withStep(0.5).iterations(200).l2(0.1).run(m, 0, 0, 0, 0);
        Trajectory b = GradientDescent.withStep(0.5).iterations(200).weightDecay(0.1).run(m, 0, 0, 0, 0);
        for (int t = 0; t <= 200; t++) {
            assertArrayEquals(a.parameters(t), b.parameters(t), 1e-13);
        }
    }

    @Test
    void fitSeparatesTheClasses() {
        LogisticRegression m = new LogisticRegression(Data.twoClass(1));
        Trajectory t = m.fit(GradientDescent.withStep(0.1).iterations(500), 0, 0);
        assertTrue(t.loss(500) < t.loss(0));
        assertTrue(t.last()[1] > 0, "larger x should mean class 1");
        assertTrue(t.toText().contains("⋮"));
    }

    @Test
    void lossSurfaceGridAndPicture() throws Exception {
        LogisticRegression m = new LogisticRegression(Data.twoClass(2));
        LossSurface s = m.lossSurface(-2, 2, 5, -1, 3, 9);
        assertEquals(5, s.xs().length);
        assertEquals(9, s.ys().length);
        assertEquals(9, s.values().length);
        assertEquals(5, s.values()[0].length);
        assertEquals(m.loss(s.xs()[1], s.ys()[7]), s.values()[7][1]);
        assertEquals(-1, s.xs()[1]);
        assertEquals(2.5, s.ys()[7]);
        String svg = s.toSvg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        LossSurface bowl = LossSurface.of((a, b) -> (a - 0.5) * (a - 0.5) + (b + 1) * (b + 1), -2, 2, 9, -2, 2, 9);
        assertArrayEquals(new double[] {0.5, -1, 0}, bowl.argmin(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> LossSurface.of((a, b) -> a, 1, 0, 5, 0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> LossSurface.of((a, b) -> a, 0, 1, 1, 0, 1, 5));
    }

    @Test
    void lossTermsSumAndMean() {
        LogisticRegression m = new LogisticRegression(Data.twoClass(4));
        double[] phi = {0.1, 0.9};
        assertEquals(m.lossSum(phi), m.lossTerms(phi).total(), 1e-12);
        LossTerms mean = m.with(Reduction.MEAN).lossTerms(phi);
        assertEquals(m.lossMean(phi), mean.total(), 1e-12);
        assertTrue(mean.toText().contains("(1/20)·("), mean.toText());
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(-0.1));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(0.1).weightDecay(1));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(0.1).l2(-1));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(0.1).iterations(-1));
        LogisticRegression m = new LogisticRegression(Data.twoClass(0));
        assertThrows(IllegalArgumentException.class, () -> m.lossSum(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withStep(0.1).run(m, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.of(new double[] {1, 2}, new double[] {0, 2}));
    }
}
