package org.javadl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.javadl.graph.GraphGradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworksTest {

    private static double sig(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Closed-form gradients of the classifier, derived by hand with δ = ∂L/∂z3:
     * for y = σ(z3) and cross-entropy, δ = y − ŷ; then ∂L/∂w3 = δ h2, ∂L/∂z2 = δ w3 h2(1 − h2),
     * ∂L/∂w2 = ∂L/∂z2 · h1, ∂L/∂w1 = ∂L/∂z2 · w2 h1(1 − h1) · x.
     * For the regressor, y = z3 and δ = 2(y − ŷ); the rest is the same.
     */
    private static double[] closedForm(boolean classifier, double w1, double w2, double w3, double x, double t) {
        double h1 = sig(w1 * x);
        double h2 = sig(w2 * h1);
        double z3 = w3 * h2;
        double y = classifier ? sig(z3) : z3;
        double delta = classifier ? y - t : 2 * (y - t);
        double dz2 = delta * w3 * h2 * (1 - h2);
        double dz1 = dz2 * w2 * h1 * (1 - h1);
        double loss = classifier ? -(t * Math.log(y) + (1 - t) * Math.log(1 - y)) : (y - t) * (y - t);
        return new double[] {loss, dz1 * x, dz2 * h1, delta * h2};
    }

    private static double lossOf(boolean classifier, double w1, double w2, double w3, double x, double t) {
        return closedForm(classifier, w1, w2, w3, x, t)[0];
    }

    @ParameterizedTest
    @CsvSource({"true, 0.25, -0.11, 0.78, 0.63, 1", "true, 1.3, 2.1, -0.4, -1.5, 0", "true, -0.7, 0.3, 1.9, 2.0, 0.3",
                "false, 0.25, -0.11, 0.78, 0.63, 128", "false, 1.3, 2.1, -0.4, -1.5, -2", "false, 0.5, 0.5, 0.5, 1, 0"})
    void graphGradientsEqualClosedFormAndFiniteDifferences(boolean cls, double w1, double w2, double w3, double x, double t) {
        ThreeLayerNet net = cls ? ThreeLayerNet.classifier(w1, w2, w3) : ThreeLayerNet.regressor(w1, w2, w3);
        NetPass p = net.pass(x, t);
        double[] cf = closedForm(cls, w1, w2, w3, x, t);
        assertEquals(cf[0], p.loss(), 1e-12 * Math.max(1, cf[0]));
        for (int k = 1; k <= 3; k++) {
            double tol = 1e-12 * Math.max(1, Math.abs(cf[k]));
            assertEquals(cf[k], p.dLdw(k), tol, "dL/dw" + k);
        }
        // Finite differences on the plain-double loss.
        double h = 1e-6;
        double[] fd = {
            (lossOf(cls, w1 + h, w2, w3, x, t) - lossOf(cls, w1 - h, w2, w3, x, t)) / (2 * h),
            (lossOf(cls, w1, w2 + h, w3, x, t) - lossOf(cls, w1, w2 - h, w3, x, t)) / (2 * h),
            (lossOf(cls, w1, w2, w3 + h, x, t) - lossOf(cls, w1, w2, w3 - h, x, t)) / (2 * h)};
        for (int k = 1; k <= 3; k++) {
            assertEquals(fd[k - 1], p.dLdw(k), 1e-6 * Math.max(1, Math.abs(fd[k - 1])));
        }
        // And the library's own gradient check on the built graph.
        GraphGradCheck c = GraphGradCheck.check(p.graph().output(), p.graph().node("w1"), p.graph().node("w2"), p.graph().node("w3"));
        assertTrue(c.passed(), c.toText());
        // Forward values by hand.
        assertEquals(w1 * x, p.z1(), 1e-15);
        assertEquals(sig(w1 * x), p.h1(), 1e-15);
        assertEquals(w2 * p.h1(), p.z2(), 1e-15);
        assertEquals(sig(p.z2()), p.h2(), 1e-15);
        assertEquals(w3 * p.h2(), p.z3(), 1e-15);
        assertEquals(cls ? sig(p.z3()) : p.z3(), p.y(), 1e-15);
        double dLdy = cls ? -t / p.y() + (1 - t) / (1 - p.y()) : 2 * (p.y() - t);
        assertEquals(dLdy, p.dLdy(), 1e-12 * Math.max(1, Math.abs(dLdy)));
    }

    @Test
    void passExplainsItself() throws Exception {
        NetPass p = ThreeLayerNet.regressor(0.25, -0.11, 0.78).pass(0.63, 128);
        assertTrue(p.toText().contains("z3 = y"), p.toText());
        assertTrue(p.trace().toText().contains("h2"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new java.io.ByteArrayInputStream(p.toSvg().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> ThreeLayerNet.classifier(1, 1, 1).pass(0, 2));
        assertThrows(IllegalArgumentException.class, () -> p.dLdw(4));
        // A confident correct answer does not produce 0·ln 0 = NaN.
        assertEquals(0, ThreeLayerNet.classifier(1, 1, 1000).pass(1, 1).loss(), 1e-12);
    }

    @Test
    void sigmoidNetworkEqualsTanhNetworkWithHalvedWeights() {
        Random r = new Random(77);
        for (int trial = 0; trial < 50; trial++) {
            int d = 1 + r.nextInt(5);
            int m = 1 + r.nextInt(6);
            int k = 1 + r.nextInt(3);
            TwoLayerNet sig = TwoLayerNet.random(trial, d, m, k);
            TwoLayerNet tanh = sig.toTanh();
            assertEquals(TwoLayerNet.Activation.TANH, tanh.activation());
            // Θ′: first-layer weights and biases and second-layer weights halved.
            assertTrue(tanh.w1().allClose(sig.w1().mul(0.5)));
            assertTrue(tanh.w2().allClose(sig.w2().mul(0.5)));
            for (int s = 0; s < 20; s++) {
                double[] x = new double[d];
                for (int i = 0; i < d; i++) {
                    x[i] = 3 * r.nextGaussian();
                }
                assertArrayEquals(sig.output(x), tanh.output(x), 1e-12);
            }
            TwoLayerNet back = tanh.toSigmoid();
            assertTrue(back.w1().allClose(sig.w1()) && back.b2().allClose(sig.b2()));
        }
    }

    @Test
    void twoLayerShapesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoLayerNet.of(
                new double[][] {{1, 2}}, new double[] {0, 0}, new double[][] {{1}}, new double[] {0},
                TwoLayerNet.Activation.SIGMOID));
        assertTrue(e.getMessage().contains("b1 has 2 entries but W1 has 1 rows"), e.getMessage());
        TwoLayerNet n = TwoLayerNet.random(1, 2, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> n.output(1, 2, 3));
        assertThrows(IllegalStateException.class, () -> n.toTanh().toTanh());
        assertTrue(n.toText().startsWith("TwoLayerNet(sigmoid"));
    }
}
