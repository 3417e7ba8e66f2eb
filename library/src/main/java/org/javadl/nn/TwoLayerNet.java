package org.javadl.nn;

import java.util.Arrays;
import java.util.Random;
import org.javadl.graph.Fmt;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * The two-layer network of homework 001 question 3,
 * y_k = Σ_j W2_kj · g(Σ_i W1_ji x_i + b1_j) + b2_k, with g = σ (logistic) or tanh.
 *
 * <p>Since σ(a) = ½(1 + tanh(a/2)), a sigmoid network equals the tanh network with
 * W1′ = W1/2, b1′ = b1/2, W2′ = W2/2 and b2′_k = b2_k + ½ Σ_j W2_kj ({@link #toTanh()}).
 *
 * <p>Example: {@code TwoLayerNet.random(1, 3, 4, 2).toTanh().output(x)}.
 */
public final class TwoLayerNet implements Showable {
    /** The hidden activation g. */
    public enum Activation {
        /** σ(a) = 1 / (1 + e^−a). */
        SIGMOID,
        /** tanh(a). */
        TANH
    }

    private final double[][] w1;
    private final double[] b1;
    private final double[][] w2;
    private final double[] b2;
    private final Activation g;

    private TwoLayerNet(double[][] w1, double[] b1, double[][] w2, double[] b2, Activation g) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.g = g;
    }

    /**
     * A network from W1 (M×D), b1 (M), W2 (K×M), b2 (K); shapes are checked:
     * {@code TwoLayerNet.of(W1, b1, W2, b2, Activation.SIGMOID)}.
     */
    public static TwoLayerNet of(double[][] w1, double[] b1, double[][] w2, double[] b2, Activation g) {
        if (w1 == null || b1 == null || w2 == null || b2 == null || g == null) {
            throw new IllegalArgumentException("W1, b1, W2, b2 and the activation must not be null");
        }
        int m = w1.length;
        if (m == 0 || w1[0].length == 0) {
            throw new IllegalArgumentException("W1 must be a non-empty M×D matrix");
        }
        int d = w1[0].length;
        for (double[] r : w1) {
            if (r.length != d) {
                throw new IllegalArgumentException("W1 is ragged: rows of length " + d + " and " + r.length);
            }
        }
        if (b1.length != m) {
            throw new IllegalArgumentException("b1 has " + b1.length + " entries but W1 has " + m + " rows (hidden units)");
        }
        int k = w2.length;
        if (k == 0) {
            throw new IllegalArgumentException("W2 must be a non-empty K×M matrix");
        }
        for (double[] r : w2) {
            if (r.length != m) {
                throw new IllegalArgumentException("W2 must be K×M = K×" + m + " (M hidden units), found a row of length " + r.length);
            }
        }
        if (b2.length != k) {
            throw new IllegalArgumentException("b2 has " + b2.length + " entries but W2 has " + k + " rows (outputs)");
        }
        return new TwoLayerNet(copy(w1), b1.clone(), copy(w2), b2.clone(), g);
    }

    /** From tensors: W1 (M×D), b1 (M), W2 (K×M), b2 (K). */
    public static TwoLayerNet of(Tensor w1, Tensor b1, Tensor w2, Tensor b2, Activation g) {
        return of(Matrices.matrix("W1", w1).toArray2d(), b1.toArray(), Matrices.matrix("W2", w2).toArray2d(),
                b2.toArray(), g);
    }

    /** A sigmoid network with N(0, 1) parameters from {@code new Random(seed)}: {@code random(1, 3, 4, 2)}. */
    public static TwoLayerNet random(long seed, int inputs, int hidden, int outputs) {
        if (inputs < 1 || hidden < 1 || outputs < 1) {
            throw new IllegalArgumentException("sizes must be ≥ 1, got D = " + inputs + ", M = " + hidden + ", K = " + outputs);
        }
        Random r = new Random(seed);
        double[][] w1 = new double[hidden][inputs];
        double[] b1 = new double[hidden];
        double[][] w2 = new double[outputs][hidden];
        double[] b2 = new double[outputs];
        for (double[] row : w1) {
            fill(r, row);
        }
        fill(r, b1);
        for (double[] row : w2) {
            fill(r, row);
        }
        fill(r, b2);
        return new TwoLayerNet(w1, b1, w2, b2, Activation.SIGMOID);
    }

    private static void fill(Random r, double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The outputs y(x) (K values) for an input of D values. */
    public double[] output(double... x) {
        if (x == null || x.length != w1[0].length) {
            throw new IllegalArgumentException("input must have D = " + w1[0].length + " values, got "
                    + (x == null ? "null" : x.length));
        }
        double[] h = new double[w1.length];
        for (int j = 0; j < w1.length; j++) {
            double a = b1[j];
            for (int i = 0; i < x.length; i++) {
                a += w1[j][i] * x[i];
            }
            h[j] = g == Activation.TANH ? Math.tanh(a)
                    : (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a)));
        }
        double[] y = new double[w2.length];
        for (int k = 0; k < w2.length; k++) {
            double s = b2[k];
            for (int j = 0; j < h.length; j++) {
                s += w2[k][j] * h[j];
            }
            y[k] = s;
        }
        return y;
    }

    /** The outputs for a 1-D tensor input. */
    public Tensor output(Tensor x) {
        return Tensor.of(output(x.toArray()));
    }

    /**
     * Θ → Θ′: the tanh network with the same outputs for every x. W1′ = W1/2, b1′ = b1/2,
     * W2′ = W2/2, b2′_k = b2_k + ½ Σ_j W2_kj. Requires a sigmoid network.
     */
    public TwoLayerNet toTanh() {
        if (g != Activation.SIGMOID) {
            throw new IllegalStateException("toTanh() converts a sigmoid network; this one already uses tanh");
        }
        double[][] nw1 = scale(w1, 0.5);
        double[] nb1 = b1.clone();
        for (int j = 0; j < nb1.length; j++) {
            nb1[j] *= 0.5;
        }
        double[][] nw2 = scale(w2, 0.5);
        double[] nb2 = b2.clone();
        for (int k = 0; k < nb2.length; k++) {
            for (double v : w2[k]) {
                nb2[k] += 0.5 * v;
            }
        }
        return new TwoLayerNet(nw1, nb1, nw2, nb2, Activation.TANH);
    }

    /** Θ′ → Θ, the inverse of {@link #toTanh()}: W1 = 2W1′, b1 = 2b1′, W2 = 2W2′, b2 = b2′ − Σ_j W2′_kj. */
    public TwoLayerNet toSigmoid() {
        if (g != Activation.TANH) {
            throw new IllegalStateException("toSigmoid() converts a tanh network; this one already uses the sigmoid");
        }
        double[][] nw1 = scale(w1, 2);
        double[] nb1 = b1.clone();
        for (int j = 0; j < nb1.length; j++) {
            nb1[j] *= 2;
        }
        double[][] nw2 = scale(w2, 2);
        double[] nb2 = b2.clone();
        for (int k = 0; k < nb2.length; k++) {
            for (double v : w2[k]) {
                nb2[k] -= v;
            }
        }
        return new TwoLayerNet(nw1, nb1, nw2, nb2, Activation.SIGMOID);
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] c = copy(a);
        for (double[] r : c) {
            for (int i = 0; i < r.length; i++) {
                r[i] *= s;
            }
        }
        return c;
    }

    /** The activation. */
    public Activation activation() {
        return g;
    }

    /** W1 (M×D). */
    public Tensor w1() {
        return Tensor.of(w1);
    }

    /** b1 (M). */
    public Tensor b1() {
        return Tensor.of(b1);
    }

    /** W2 (K×M). */
    public Tensor w2() {
        return Tensor.of(w2);
    }

    /** b2 (K). */
    public Tensor b2() {
        return Tensor.of(b2);
    }

    @Override
    public String toText() {
        return "TwoLayerNet(" + g.name().toLowerCase() + ", D = " + w1[0].length + ", M = " + w1.length + ", K = "
                + w2.length + ")\nW1 = " + Matrices.text(w1()) + "\nb1 = " + vec(b1) + "\nW2 = " + Matrices.text(w2())
                + "\nb2 = " + vec(b2) + "\n";
    }

    private static String vec(double[] v) {
        return Arrays.stream(v).mapToObj(Fmt::num).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }

    @Override
    public String toLatex() {
        String act = g == Activation.TANH ? "\\tanh" : "\\sigma";
        return "y_k = \\sum_j W^{(2)}_{kj}\\," + act + "\\Big(\\sum_i W^{(1)}_{ji} x_i + b^{(1)}_j\\Big) + b^{(2)}_k,\\quad W^{(1)} = "
                + Matrices.latex(w1()) + ",\\ b^{(1)} = " + Matrices.latex(Tensor.of(new double[][] {b1}).transpose())
                + ",\\ W^{(2)} = " + Matrices.latex(w2()) + ",\\ b^{(2)} = "
                + Matrices.latex(Tensor.of(new double[][] {b2}).transpose());
    }

    @Override
    public String toString() {
        return toText();
    }
}
