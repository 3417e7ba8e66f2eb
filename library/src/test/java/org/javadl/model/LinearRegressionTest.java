package org.javadl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {
    // Points on y = 1 + 2x, so φ = (1, 2) is an exact fit.
    private final LinearRegression line = new LinearRegression(new double[] {0, 1, 2}, new double[] {1, 3, 5});

    @Test
    void handComputedLossAndGradient() {
        assertEquals(0, line.loss(1, 2));
        assertArrayEquals(new double[] {0, 0}, line.gradient(1, 2));
        // At φ = 0 the residuals are −1, −3, −5: L = 1 + 9 + 25, ∂L/∂φ0 = 2(−9), ∂L/∂φ1 = 2(0 − 3 − 10).
        assertEquals(35, line.loss(0, 0));
        assertArrayEquals(new double[] {-18, -26}, line.gradient(0, 0));
        assertArrayEquals(new double[] {1, 2}, line.leastSquares(), 1e-12);
    }

    @Test
    void handComputedHessian() {
        // I = 3, Σx = 3, Σx² = 5: H = [[6, 6], [6, 10]], tr 16, det 24, λ = 8 ± √40.
        Hessian h = line.hessian();
        assertArrayEquals(new double[] {6, 6}, h.matrix()[0]);
        assertArrayEquals(new double[] {6, 10}, h.matrix()[1]);
        assertEquals(16, h.trace());
        assertEquals(24, h.determinant());
        assertArrayEquals(new double[] {8 + Math.sqrt(40), 8 - Math.sqrt(40)}, h.eigenvalues(), 1e-12);
        assertTrue(h.toText().contains("trace = 2I + 2Σx² = 16"), h.toText());
        assertTrue(h.toLatex().contains("\\det H"));
    }

    @Test
    void hessianEigenvaluesArePositiveOnRandomData() {
        Random r = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(30);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2);
                y[i] = r.nextGaussian();
            }
            Hessian h = new LinearRegression(x, y).hessian();
            double[] e = h.eigenvalues();
            assertTrue(e[0] > 0 && e[1] > 0, () -> h.toText());
            assertTrue(h.isPositiveDefinite());
            // Eigenvalues: sum is the trace, product the determinant.
            assertEquals(h.trace(), e[0] + e[1], 1e-9 * h.trace());
            assertEquals(h.determinant(), e[0] * e[1], 1e-7 * Math.abs(h.determinant()) + 1e-9);
        }
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        double[] x = Data.normal(3, 15, 0, 2);
        double[] y = Data.normal(4, 15, 1, 1);
        LinearRegression m = new LinearRegression(x, y);
        double p0 = 0.3;
        double p1 = -0.7;
        double h = 1e-5;
        double[] g = m.gradient(p0, p1);
        assertEquals((m.loss(p0 + h, p1) - m.loss(p0 - h, p1)) / (2 * h), g[0], 1e-6 * Math.abs(g[0]));
        assertEquals((m.loss(p0, p1 + h) - m.loss(p0, p1 - h)) / (2 * h), g[1], 1e-6 * Math.abs(g[1]));
        double[][] hm = m.hessian().matrix();
        double[][] fd = {
            {(m.gradient(p0 + h, p1)[0] - m.gradient(p0 - h, p1)[0]) / (2 * h),
             (m.gradient(p0, p1 + h)[0] - m.gradient(p0, p1 - h)[0]) / (2 * h)},
            {(m.gradient(p0 + h, p1)[1] - m.gradient(p0 - h, p1)[1]) / (2 * h),
             (m.gradient(p0, p1 + h)[1] - m.gradient(p0, p1 - h)[1]) / (2 * h)}};
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(hm[i], fd[i], 1e-5 * Math.abs(hm[1][1]));
        }
    }

    @Test
    void gradientDescentReachesTheLeastSquaresFit() {
        double[] x = Data.normal(8, 30, 0, 1);
        double[] y = new double[30];
        double[] noise = Data.normal(9, 30, 0, 0.1);
        for (int i = 0; i < 30; i++) {
            y[i] = 0.5 - 1.5 * x[i] + noise[i];
        }
        LinearRegression m = new LinearRegression(x, y);
        // Stable while α < 2/λmax of the Hessian.
        double alpha = 1 / m.hessian().eigenvalues()[0];
        Trajectory t = m.fit(GradientDescent.withStep(alpha).iterations(2000), 0, 0);
        assertArrayEquals(m.leastSquares(), t.last(), 1e-9);
        assertTrue(t.loss(t.steps()) < t.loss(0));
    }

    @Test
    void lossTermsAddUp() {
        LossTerms terms = line.lossTerms(0, 0);
        assertEquals(35, terms.total());
        assertEquals(3, terms.count());
        assertTrue(terms.toText().contains("total = 1 + 9 + 25 = 35"), terms.toText());
        assertTrue(terms.toLatex().endsWith("= 1 + 9 + 25 = 35"), terms.toLatex());
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearRegression(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> new LinearRegression(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> line.loss(new double[] {1}));
        assertThrows(IllegalStateException.class,
                () -> new LinearRegression(new double[] {2, 2}, new double[] {1, 3}).leastSquares());
    }
}
