package org.javadl.conv;

import org.javadl.tensor.Tensor;

/**
 * Gradients of 1-D convolutions, in homework 001 question 5's notation: x * w is the VALID
 * correlation (x * w)_n = Σ_j x_{n+j−1} w_j and x ~* w the FULL correlation
 * (x ~* w)_n = Σ_j x_{n+j−k} w_j (no flipping in either; 0-based in code). Given g = ∇_a L:
 * <ul>
 * <li>a = x * w (valid): ∇_x L = g ~* flip(w) (full), ∇_w L = x * g (valid);</li>
 * <li>a = x ~* w (full): ∇_x L = g * flip(w) (valid), ∇_w L = flip(g * x).</li>
 * </ul>
 * {@link #correlateBackward} gives the gradients of any mode by accumulating the adjoint directly, so
 * the formulas can be checked against it. Example: {@code validInputGradient(Tensor.of(1, 1), Tensor.of(1, 2))}
 * is [1, 3, 2].
 */
public final class ConvGradients {
    private ConvGradients() {
    }

    /** ∇_x L for a = x * w (valid): g ~* flip(w), a full correlation of length |g| + k − 1. */
    public static Tensor validInputGradient(Tensor g, Tensor w) {
        return Conv1d.correlate(g, Conv1d.flip(w), Mode.FULL);
    }

    /** ∇_w L for a = x * w (valid): (∇_w L)_j = Σ_n g_n x_{n+j}, i.e. x * g. */
    public static Tensor validKernelGradient(Tensor x, Tensor g) {
        return Conv1d.correlate(x, g, Mode.VALID);
    }

    /** ∇_x L for a = x ~* w (full): g * flip(w), a valid correlation of length |g| − k + 1. */
    public static Tensor fullInputGradient(Tensor g, Tensor w) {
        return Conv1d.correlate(g, Conv1d.flip(w), Mode.VALID);
    }

    /** ∇_w L for a = x ~* w (full): (∇_w L)_j = Σ_m x_m g_{m−j+k−1}, i.e. flip(g * x). */
    public static Tensor fullKernelGradient(Tensor x, Tensor g) {
        return Conv1d.flip(Conv1d.correlate(g, x, Mode.VALID));
    }

    /** The pair (∇_x L, ∇_w L). */
    public static final class Gradients {
        private final Tensor input;
        private final Tensor kernel;

        Gradients(Tensor input, Tensor kernel) {
            this.input = input;
            this.kernel = kernel;
        }

        /** ∇_x L, shaped like x. */
        public Tensor input() {
            return input;
        }

        /** ∇_w L, shaped like w. */
        public Tensor kernel() {
            return kernel;
        }
    }

    /**
     * Gradients of L through a = correlate(x, w, mode) (or convolve, with {@code flipped}), given
     * g = ∇_a L: every product x[i]·w[j] that fed output n sends g_n·w[j] to x[i] and g_n·x[i] to w[j].
     */
    public static Gradients backward(Tensor x, Tensor w, Mode mode, boolean convolve, Tensor g) {
        double[] xv = x.toArray();
        double[] wv = w.toArray();
        String op = convolve ? "convolve" : "correlate";
        Conv1d.check(op, xv.length, wv.length);
        double[] wk = convolve ? Conv1d.flip(wv) : wv;
        Window win = Window.of(op, mode, xv.length, wv.length, convolve);
        double[] gv = g.toArray();
        if (gv.length != win.length) {
            throw new IllegalArgumentException(op + " backward: gradient of length " + gv.length
                    + " does not match the output length " + win.length);
        }
        int shift = win.offset - (wk.length - 1);
        double[] gx = new double[xv.length];
        double[] gw = new double[wk.length];
        for (int n = 0; n < gv.length; n++) {
            for (int j = 0; j < wk.length; j++) {
                int i = n + shift + j;
                if (i >= 0 && i < xv.length) {
                    gx[i] += gv[n] * wk[j];
                    gw[j] += gv[n] * xv[i];
                }
            }
        }
        return new Gradients(Tensor.of(gx), Tensor.of(convolve ? Conv1d.flip(gw) : gw));
    }

    /** {@link #backward} for a correlation. */
    public static Gradients correlateBackward(Tensor x, Tensor w, Mode mode, Tensor g) {
        return backward(x, w, mode, false, g);
    }
}
