package org.javadl.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

import org.javadl.check.GradCheck;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationTest {

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    /** erf by its Taylor series (2/√π) Σ (−1)ⁿ x^(2n+1) / (n!(2n+1)) in 60-digit arithmetic. */
    private static double erfBig(double xd) {
        return erfBigDecimal(xd).doubleValue();
    }

    private static BigDecimal erfBigDecimal(double xd) {
        BigDecimal x = new BigDecimal(xd);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x; // x^(2n+1)
        BigDecimal fact = BigDecimal.ONE; // n!
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = new BigDecimal("1e-45");
        for (int n = 0; n < 2000; n++) {
            BigDecimal term = power.divide(fact.multiply(BigDecimal.valueOf(2L * n + 1)), MC);
            sum = (n % 2 == 0) ? sum.add(term, MC) : sum.subtract(term, MC);
            if (term.abs().compareTo(eps) < 0 && n > 2) {
                break;
            }
            power = power.multiply(x2, MC);
            fact = fact.multiply(BigDecimal.valueOf(n + 1));
        }
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(PI.sqrt(MC), MC);
        return sum.multiply(twoOverSqrtPi, MC);
    }

    @Test
    void erfMatchesHighPrecisionSeries() {
        double worst = 0;
        for (double x = -6; x <= 6; x += 0.0371) {
            double expected = erfBig(x);
            double got = Erf.erf(x);
            double rel = Math.abs(got - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
            worst = Math.max(worst, rel);
        }
        double[] special = {1e-300, 1e-10, 0.5, 1, 2.4999, 2.5, 2.5001, 3, 4.5, 5.9};
        for (double x : special) {
            double expected = erfBig(x);
            worst = Math.max(worst, Math.abs(Erf.erf(x) - expected) / expected);
        }
        assertTrue(worst < 2e-15, "worst relative error " + worst);
        assertEquals(0, Erf.erf(0));
        assertEquals(1, Erf.erf(10));
        assertEquals(-1, Erf.erf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        // erfc in its accurate tail: 1 − erf from the 60-digit series, relative
        double e3 = BigDecimal.ONE.subtract(erfBigDecimal(3), MC).doubleValue();
        assertEquals(e3, Erf.erfc(3), 2e-15 * e3);
        assertEquals(2 - Erf.erfc(3), Erf.erfc(-3), 1e-15);
    }

    @Test
    void erfDerivativeIsTwoOverSqrtPiGaussian() {
        for (double x = -3; x <= 3; x += 0.25) {
            double expected = 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            assertEquals(expected, Erf.derivative(x), 1e-15);
            assertTrue(GradCheck.check(Erf::erf, Erf::derivative, x).passed(), "x=" + x);
        }
    }

    @Test
    void sigmoidKnownValuesAndStability() {
        assertEquals(0.5, Activations.sigmoid(0));
        assertEquals(1 / (1 + Math.exp(-2)), Activations.sigmoid(2), 1e-16);
        assertEquals(1.0, Activations.sigmoid(1000));
        assertEquals(0.0, Activations.sigmoid(-1000));
        assertFalse(Double.isNaN(Activations.sigmoidPrime(1000)));
        assertEquals(0.0, Activations.sigmoidPrime(-1000));
        assertEquals(0.25, Activations.sigmoidPrime(0));
        // σ(x) + σ(−x) = 1 and σ'(x) = σ(x)σ(−x)
        for (double x = -30; x <= 30; x += 1.7) {
            assertEquals(1, Activations.sigmoid(x) + Activations.sigmoid(-x), 1e-15);
            assertEquals(Activations.sigmoid(x) * Activations.sigmoid(-x), Activations.sigmoidPrime(x),
                    1e-15 * Activations.sigmoidPrime(x) + 1e-300);
        }
        // large-|x| derivative keeps relative accuracy: σ'(40) ≈ e^-40
        assertEquals(Math.exp(-40), Activations.sigmoidPrime(40), 1e-25);
        Tensor s = Activations.SIGMOID.apply(Tensor.of(-1000, 0, 1000));
        assertArrayEquals(new double[] {0, 0.5, 1}, s.toArray());
    }

    @Test
    void logitInvertsSigmoid() {
        for (double x = -15; x <= 15; x += 0.9) {
            assertEquals(x, Activations.logit(Activations.sigmoid(x)), 1e-9 * Math.max(1, Math.abs(x)));
        }
        assertEquals(0, Activations.logit(0.5));
        assertEquals(Double.NEGATIVE_INFINITY, Activations.logit(0));
        assertTrue(Double.isNaN(Activations.logit(1.5)));
    }

    @Test
    void everyActivationPassesFiniteDifferenceCheck() {
        List<Activation> acts = new java.util.ArrayList<>(Activations.all());
        acts.add(Activations.SIGMOID);
        acts.add(Activations.leakyRelu(0.2));
        acts.add(Activations.plu(0.3, 2));
        // avoid the kinks of ReLU / leaky ReLU (0) and PLU (±c) where the derivative jumps
        // (beyond |x| ≈ 3 erf' is so small that the central difference of erf ≈ 1 is mostly round-off)
        double[] xs = {-2.3, -1.7, -0.6, -0.05, 0.05, 0.4, 1.3, 2.6};
        for (Activation a : acts) {
            for (double x : xs) {
                GradCheck g = GradCheck.check(a::value, a::derivative, x);
                assertTrue(g.passed(), a.name() + " at " + x + ": " + g);
            }
            Tensor t = Tensor.of(xs);
            assertArrayEquals(t.map(a::derivative).toArray(), a.gradient(t).toArray());
        }
        Activation logit = Activations.LOGIT;
        for (double p : new double[] {0.1, 0.5, 0.77}) {
            assertTrue(GradCheck.check(logit::value, logit::derivative, p).passed());
        }
    }

    @Test
    void piecewiseValuesByHand() {
        assertEquals(0, Activations.RELU.value(-2));
        assertEquals(3, Activations.RELU.value(3));
        assertEquals(0, Activations.RELU.derivative(0));
        assertEquals(-0.02, Activations.LEAKY_RELU.value(-2), 1e-17);
        assertEquals(0.01, Activations.LEAKY_RELU.derivative(-2));
        // PLU(0.1, 1): identity on [-1, 1]; 3 → 0.1·(3−1)+1 = 1.2; −3 → 0.1·(−3+1)−1 = −1.2
        Activation plu = Activations.PLU;
        assertEquals(0.5, plu.value(0.5), 1e-15);
        assertEquals(1.2, plu.value(3), 1e-15);
        assertEquals(-1.2, plu.value(-3), 1e-15);
        assertEquals(1, plu.derivative(0.5));
        assertEquals(0.1, plu.derivative(3));
        assertEquals(0.1, plu.derivative(-3));
        assertEquals(1, Activations.GAUSSIAN.value(0));
        assertEquals(Math.exp(-4), Activations.GAUSSIAN.value(2), 1e-17);
        assertEquals(Math.cos(1), Activations.SIN.derivative(1));
    }

    @Test
    void homework003ListAndRanges() {
        List<Activation> all = Activations.all();
        assertEquals(7, all.size());
        assertEquals(List.of("tanh", "erf", "ReLU", "leaky ReLU (0.01)", "PLU (α=0.1, c=1.0)", "sin", "Gaussian"),
                all.stream().map(Activation::name).collect(Collectors.toList()));
        assertEquals(List.of("(-1, 1)", "(-1, 1)", "[0, ∞)", "(-∞, ∞)", "(-∞, ∞)", "[-1, 1]", "(0, 1]"),
                all.stream().map(Activation::range).collect(Collectors.toList()));
        assertEquals("(0, 1)", Activations.SIGMOID.range());
        // ranges agree with sampled values
        Tensor x = Tensor.linspace(-50, 50, 10001);
        assertTrue(Activations.TANH.apply(x).maxValue() <= 1 && Activations.TANH.apply(x).minValue() >= -1);
        assertTrue(Activations.GAUSSIAN.apply(x).minValue() >= 0 && Activations.GAUSSIAN.apply(x).maxValue() == 1);
        assertTrue(Activations.RELU.apply(x).minValue() == 0);
        assertTrue(Activations.TANH.toText().contains("tanh"));
        assertTrue(Activations.ERF.toLatex().contains("\\operatorname{erf}"));
    }

    @Test
    void softmaxIsStableAndTranslationInvariant() {
        Tensor p = Softmax.softmax(Tensor.of(1000, 1001));
        double e = Math.E;
        assertArrayEquals(new double[] {1 / (1 + e), e / (1 + e)}, p.toArray(), 1e-15);
        assertEquals(1001 + Math.log1p(Math.exp(-1)), Softmax.logSumExp(Tensor.of(1000, 1001)), 1e-12);
        assertEquals(Math.log(2), Softmax.logSumExp(0, 0), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, Softmax.logSumExp());
        assertArrayEquals(new double[] {-Math.log1p(Math.exp(1)), -Math.log1p(Math.exp(-1))},
                Softmax.logSoftmax(Tensor.of(-1000, -999)).toArray(), 1e-12);
        for (int seed = 0; seed < 10; seed++) {
            Tensor x = Tensor.randn(seed, 6);
            Tensor s = Softmax.softmax(x);
            assertEquals(1, s.sumValue(), 1e-15);
            assertTrue(s.allClose(Softmax.softmax(x.add(37.5)), 1e-12, 1e-15));
            assertTrue(s.allClose(Softmax.logSoftmax(x).exp(), 1e-14, 0));
        }
        // rows of a matrix are independent vectors
        Tensor rows = Tensor.of(new double[][] {{0, 0}, {1000, 1001}});
        Tensor sr = Softmax.softmax(rows);
        assertArrayEquals(new double[] {0.5, 0.5}, sr.row(0).toArray(), 1e-15);
        assertArrayEquals(p.toArray(), sr.row(1).toArray(), 1e-15);
        // 2-class softmax is the sigmoid of the difference (homework 001, q. 2.2)
        assertEquals(Activations.sigmoid(0.7 - 0.2), Softmax.softmax(Tensor.of(0.7, 0.2)).get(0), 1e-15);
    }

    @Test
    void softmaxJacobianMatchesFiniteDifferences() {
        Tensor x = Tensor.randn(3, 5);
        Tensor p = Softmax.softmax(x);
        Tensor j = Softmax.softmaxJacobian(p);
        assertTrue(j.allClose(j.transpose(), 0, 1e-17)); // symmetric
        assertArrayEquals(new double[5], j.sum(0).toArray(), 1e-15); // columns sum to 0
        double[] xv = x.toArray();
        for (int col = 0; col < 5; col++) {
            double h = 1e-6;
            double[] up = xv.clone();
            double[] down = xv.clone();
            up[col] += h;
            down[col] -= h;
            Tensor num = Softmax.softmax(Tensor.of(up)).sub(Softmax.softmax(Tensor.of(down))).div(2 * h);
            assertTrue(num.allClose(j.col(col), 1e-6, 1e-9), "column " + col);
        }
    }
}
