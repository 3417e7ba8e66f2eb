package org.javadl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.javadl.graph.Value;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MatrixBackpropTest {

    private static double[][] random(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return a;
    }

    /** A loss that is not L2: L = Σ c_ij sin(y_ij), so ∂L/∂y_ij = c_ij cos(y_ij). */
    private static double sinLoss(double[][] w, double[][] x, double[][] c) {
        double l = 0;
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < x[0].length; k++) {
                double y = 0;
                for (int j = 0; j < x.length; j++) {
                    y += w[i][j] * x[j][k];
                }
                l += c[i][k] * Math.sin(y);
            }
        }
        return l;
    }

    @Test
    void gradientsMatchFiniteDifferencesForAnyLoss() {
        Random r = new Random(21);
        int m = 3;
        int d = 4;
        int n = 5;
        double[][] w = random(r, m, d);
        double[][] x = random(r, d, n);
        double[][] c = random(r, m, n);
        Tensor y = Tensor.of(w).matmul(Tensor.of(x));
        double[][] ya = y.toArray2d();
        double[][] dLdY = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                dLdY[i][k] = c[i][k] * Math.cos(ya[i][k]);
            }
        }
        double[][] gw = MatrixBackprop.gradW(Tensor.of(dLdY), Tensor.of(x)).toArray2d();
        double[][] gx = MatrixBackprop.gradX(Tensor.of(w), Tensor.of(dLdY)).toArray2d();
        double h = 1e-6;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                double keep = w[i][j];
                w[i][j] = keep + h;
                double lp = sinLoss(w, x, c);
                w[i][j] = keep - h;
                double lm = sinLoss(w, x, c);
                w[i][j] = keep;
                assertEquals((lp - lm) / (2 * h), gw[i][j], 1e-7);
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < n; k++) {
                double keep = x[j][k];
                x[j][k] = keep + h;
                double lp = sinLoss(w, x, c);
                x[j][k] = keep - h;
                double lm = sinLoss(w, x, c);
                x[j][k] = keep;
                assertEquals((lp - lm) / (2 * h), gx[j][k], 1e-7);
            }
        }
    }

    @Test
    void l2StepAgreesWithTheScalarGraph() {
        // The same step with every product and square as a graph node: a third, independent route.
        Random r = new Random(5);
        double[][] w = random(r, 2, 3);
        double[][] x = random(r, 3, 4);
        double[][] t = random(r, 2, 4);
        Value[][] vw = new Value[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                vw[i][j] = Value.of(w[i][j]);
            }
        }
        Value loss = Value.constant(0);
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                Value y = Value.constant(0);
                for (int j = 0; j < 3; j++) {
                    y = y.add(vw[i][j].mul(x[j][k]));
                }
                loss = loss.add(y.sub(t[i][k]).square());
            }
        }
        loss.backward();
        MatrixStep s = MatrixStep.l2(Tensor.of(w), Tensor.of(x), Tensor.of(t), 0.05);
        assertEquals(loss.data(), s.loss(), 1e-12);
        double[][] g = s.gradW().toArray2d();
        double[][] wn = s.wUpdated().toArray2d();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(vw[i][j].grad(), g[i][j], 1e-12);
                assertEquals(w[i][j] - 0.05 * vw[i][j].grad(), wn[i][j], 1e-12);
            }
        }
        assertTrue(s.next().loss() < s.loss(), "a small step lowers the loss");
    }

    @Test
    void homework002Problem1bByHand() {
        // Hand computation (independent of the homework's answer):
        //   Y = W X = [[0.3·0 + 0.5·3, 0.3·2 + 0.5·1], [−0.2·0 + 0.4·3, −0.2·2 + 0.4·1]] = [[1.5, 1.1], [1.2, 0]]
        //   Y − Ŷ = [[1, 0.1], [0.2, 1.5]];  squares [[1, 0.01], [0.04, 2.25]];  L = 3.3
        //   ∂L/∂Y = 2(Y − Ŷ) = [[2, 0.2], [0.4, 3]];  Xᵀ = [[0, 3], [2, 1]]
        //   ∂L/∂W = [[2·0 + 0.2·2, 2·3 + 0.2·1], [0.4·0 + 3·2, 0.4·3 + 3·1]] = [[0.4, 6.2], [6, 4.2]]
        //   W′ = W − 0.1·∂L/∂W = [[0.26, −0.12], [−0.8, −0.02]]
        Tensor w = Tensor.of(new double[][] {{0.3, 0.5}, {-0.2, 0.4}});
        Tensor x = Tensor.of(new double[][] {{0, 2}, {3, 1}});
        Tensor yHat = Tensor.of(new double[][] {{0.5, 1}, {1, -1.5}});
        MatrixStep s = MatrixBackprop.l2Step(w, x, yHat, 0.1);
        assertMatrix(new double[][] {{1.5, 1.1}, {1.2, 0}}, s.y());
        assertMatrix(new double[][] {{1, 0.1}, {0.2, 1.5}}, s.residual());
        assertMatrix(new double[][] {{1, 0.01}, {0.04, 2.25}}, s.squaredErrors());
        assertEquals(3.3, s.loss(), 1e-12);
        assertMatrix(new double[][] {{2, 0.2}, {0.4, 3}}, s.dLdY());
        assertMatrix(new double[][] {{0.4, 6.2}, {6, 4.2}}, s.gradW());
        assertMatrix(new double[][] {{0.26, -0.12}, {-0.8, -0.02}}, s.wUpdated());
        String text = s.toText();
        assertTrue(text.contains("[[1, 0.01], [0.04, 2.25]]"), text);
        assertTrue(s.toHtml().startsWith("<table"));
        assertTrue(s.toLatex().contains("\\begin{bmatrix}"));
    }

    private static void assertMatrix(double[][] expected, Tensor actual) {
        double[][] a = actual.toArray2d();
        assertEquals(expected.length, a.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], a[i], 1e-12);
        }
    }

    @Test
    void badArgumentsNameTheShapes() {
        Tensor w = Tensor.zeros(2, 3);
        Tensor x = Tensor.zeros(4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.forward(w, x));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.gradW(Tensor.zeros(2, 4), Tensor.zeros(3, 5)));
        assertTrue(e.getMessage().contains("[2, 4]") && e.getMessage().contains("[3, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.gradX(Tensor.zeros(2, 3), Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.gradW(Tensor.zeros(3), Tensor.zeros(3, 3)));
        assertTrue(e.getMessage().contains("2-D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.sgdStep(w, w, 0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatrixBackprop.sgdStep(w, Tensor.zeros(3, 2), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> MatrixStep.l2(Tensor.zeros(2, 2), Tensor.zeros(2, 2), Tensor.zeros(2, 3), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> MatrixStep.l2(Tensor.zeros(2, 2), Tensor.zeros(2, 2), Tensor.zeros(2, 2), -1));
    }
}
