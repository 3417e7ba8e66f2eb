package org.javadl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.javadl.tensor.Tensor;

/**
 * Finite-difference checks of an op's recorded gradient (reverse mode) and tangent (forward mode):
 * for L = Σ u·f(x) with a random cotangent u, each ∂L/∂xᵢ from {@code backward()} must match the central
 * difference (L(x + h eᵢ) − L(x − h eᵢ)) / 2h, and the forward-mode tangent J·v must match
 * (f(x + h v) − f(x − h v)) / 2h, each within {@code tol}·max(1, |value|).
 */
final class GradChecker {
    private static final double H = 1e-6;
    private static final double TOL = 1e-6;

    private GradChecker() {
    }

    /** Checks gradients with respect to every input, and the tangent along random directions. */
    static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].detach().requiresGrad();
        }
        Tensor y = f.apply(leaves);
        Tensor u = Tensor.randn(what.hashCode(), y.shape());
        y.backward(u);
        for (int i = 0; i < inputs.length; i++) {
            Tensor g = leaves[i].grad();
            assertNotNull(g, what + ": no gradient reached input " + i);
            assertArrayEquals(inputs[i].shape(), g.shape(), what + ": gradient shape of input " + i);
            double[] x = inputs[i].toArray();
            for (int k = 0; k < x.length; k++) {
                double numeric = (loss(f, inputs, u, i, k, H) - loss(f, inputs, u, i, k, -H)) / (2 * H);
                double analytic = g.toArray()[k];
                assertClose(what + ": d/d input " + i + " [" + k + "]", numeric, analytic);
            }
        }
        Tensor[] dirs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            dirs[i] = Tensor.randn(31L * i + what.length(), inputs[i].shape());
        }
        ForwardMode.Dual d = ForwardMode.jvp(f, inputs, dirs);
        assertArrayEquals(y.shape(), d.tangent().shape(), what + ": tangent shape");
        double[] plus = f.apply(moved(inputs, dirs, H)).toArray();
        double[] minus = f.apply(moved(inputs, dirs, -H)).toArray();
        double[] t = d.tangent().toArray();
        for (int k = 0; k < t.length; k++) {
            assertClose(what + ": tangent [" + k + "]", (plus[k] - minus[k]) / (2 * H), t[k]);
        }
        assertTrue(d.value().allClose(y, 0, 0), what + ": jvp value");
    }

    private static double loss(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor u, int which, int k, double h) {
        Tensor[] xs = inputs.clone();
        double[] x = inputs[which].toArray();
        x[k] += h;
        xs[which] = Tensor.of(x, inputs[which].shape());
        return f.apply(xs).mul(u).sumValue();
    }

    private static Tensor[] moved(Tensor[] inputs, Tensor[] dirs, double h) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = inputs[i].add(dirs[i].mul(h));
        }
        return xs;
    }

    static void assertClose(String what, double expected, double actual) {
        double scale = Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= TOL * scale,
                what + ": finite differences " + expected + " vs recorded " + actual);
    }
}
