package org.javadl.conv;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * 1-D convolution and cross-correlation with numpy's conventions.
 *
 * <ul>
 * <li>{@code convolve(x, w, mode)} flips the kernel: (x ∗ w)[n] = Σ_j x[n − j] w[j] (numpy.convolve);</li>
 * <li>{@code correlate(x, w, mode)} does not: (x ⋆ w)[n] = Σ_j x[n + j] w[j] (numpy.correlate);</li>
 * <li>{@code correlate(x, w, stride, padding, dilation)} is a PyTorch Conv1d layer (cross-correlation)
 * with output length ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1.</li>
 * </ul>
 * Indices are 0-based. Example: {@code convolve([1, 2, 3, 4], [1, 0, 2], FULL)} = [1, 2, 5, 8, 6, 8],
 * VALID gives [5, 8], SAME gives [2, 5, 8, 6].
 */
public final class Conv1d {
    private Conv1d() {
    }

    /** Outputs computed per block in the inner kernel: small enough for L1, long enough to vectorise. */
    private static final int BLOCK = 2048;

    /** The kernel reversed: flip(w)[j] = w[k − 1 − j]. Example: {@code flip([1, 2, 3])} = [3, 2, 1]. */
    public static double[] flip(double[] w) {
        double[] r = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            r[j] = w[w.length - 1 - j];
        }
        return r;
    }

    /** flip for a 1-D tensor (for 2-D kernels use {@link Conv2d#flip}). */
    public static Tensor flip(Tensor w) {
        requireVector("flip", "kernel", w);
        return Tensor.of(flip(w.toArray()));
    }

    /** Convolution with kernel flipping, numpy.convolve. Example: {@code convolve([1,2,3,4], [1,0,2], VALID)} = [5, 8]. */
    public static double[] convolve(double[] x, double[] w, Mode mode) {
        check("convolve", x.length, w.length);
        Window win = Window.of("convolve", mode, x.length, w.length, true);
        return correlateWindow(x, flip(w), win.offset, win.length);
    }

    /** Cross-correlation without flipping, numpy.correlate. Example: {@code correlate([1,2,3,4], [1,0,2], VALID)} = [7, 10]. */
    public static double[] correlate(double[] x, double[] w, Mode mode) {
        check("correlate", x.length, w.length);
        Window win = Window.of("correlate", mode, x.length, w.length, false);
        return correlateWindow(x, w, win.offset, win.length);
    }

    /** {@link #convolve(double[], double[], Mode)} for 1-D tensors. */
    public static Tensor convolve(Tensor x, Tensor w, Mode mode) {
        requireVector("convolve", "input", x);
        requireVector("convolve", "kernel", w);
        return Tensor.of(convolve(x.toArray(), w.toArray(), mode));
    }

    /** {@link #correlate(double[], double[], Mode)} for 1-D tensors. */
    public static Tensor correlate(Tensor x, Tensor w, Mode mode) {
        requireVector("correlate", "input", x);
        requireVector("correlate", "kernel", w);
        return Tensor.of(correlate(x.toArray(), w.toArray(), mode));
    }

    /**
     * A Conv1d layer (cross-correlation, PyTorch semantics): y[o] = Σ_j x[o·s − p + j·d] w[j] with
     * zeros outside x. Example: {@code correlate(x, w, 2, 1, 1)}.
     */
    public static double[] correlate(double[] x, double[] w, int stride, int padding, int dilation) {
        check("conv1d", x.length, w.length);
        int outLen = ConvShapes.outputSize("conv1d", x.length, w.length, stride, padding, dilation);
        double[] y = new double[outLen];
        for (int o = 0; o < outLen; o++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                int i = o * stride - padding + j * dilation;
                if (i >= 0 && i < x.length) {
                    s += x[i] * w[j];
                }
            }
            y[o] = s;
        }
        return y;
    }

    /** The layer form for tensors. Example: {@code correlate(Tensor.of(1,2,3,4), Tensor.of(1,1), 1, 0, 1)} is [3, 5, 7]. */
    public static Tensor correlate(Tensor x, Tensor w, int stride, int padding, int dilation) {
        requireVector("conv1d", "input", x);
        requireVector("conv1d", "kernel", w);
        return Tensor.of(correlate(x.toArray(), w.toArray(), stride, padding, dilation));
    }

    /** The output length for a mode. Example: {@code outputLength(4, 3, FULL) == 6}. */
    public static int outputLength(int n, int k, Mode mode) {
        check("outputLength", n, k);
        return Window.of("outputLength", mode, n, k, true).length;
    }

    /**
     * y[i] = Σ_j x[i + offset + j − (k − 1)] w[j] for i &lt; length, zero outside x. The interior, where
     * the whole kernel lies inside x, runs in blocks with the kernel loop outside and the output loop
     * inside so the JIT can vectorise it while the block stays in L1; the edges take the slow path.
     */
    static double[] correlateWindow(double[] x, double[] w, int offset, int length) {
        int n = x.length;
        int k = w.length;
        double[] y = new double[length];
        int shift = offset - (k - 1); // y[i] uses x[i + shift + j]
        int lo = Math.max(0, Math.min(length, -shift)); // first i with i + shift >= 0
        int hi = Math.max(lo, Math.min(length, n - k - shift + 1)); // first i with i + shift + k > n
        for (int i = 0; i < lo; i++) {
            y[i] = edge(x, w, i + shift);
        }
        for (int b = lo; b < hi; b += BLOCK) {
            int e = Math.min(hi, b + BLOCK);
            int j = 0;
            // four taps per pass over the block: a quarter of the loads and stores of y
            for (; j + 3 < k; j += 4) {
                double w0 = w[j];
                double w1 = w[j + 1];
                double w2 = w[j + 2];
                double w3 = w[j + 3];
                int base = shift + j;
                for (int i = b; i < e; i++) {
                    int t = i + base;
                    y[i] += x[t] * w0 + x[t + 1] * w1 + x[t + 2] * w2 + x[t + 3] * w3;
                }
            }
            for (; j < k; j++) {
                double wj = w[j];
                int base = shift + j;
                for (int i = b; i < e; i++) {
                    y[i] += x[i + base] * wj;
                }
            }
        }
        for (int i = hi; i < length; i++) {
            y[i] = edge(x, w, i + shift);
        }
        return y;
    }

    private static double edge(double[] x, double[] w, int start) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            int ix = start + j;
            if (ix >= 0 && ix < x.length) {
                s += x[ix] * w[j];
            }
        }
        return s;
    }

    static void check(String op, int n, int k) {
        if (n == 0) {
            throw new IllegalArgumentException(op + ": empty input (length 0)");
        }
        if (k == 0) {
            throw new IllegalArgumentException(op + ": empty kernel (length 0)");
        }
    }

    static void requireVector(String op, String what, Tensor t) {
        if (t.ndim() != 1) {
            throw new IllegalArgumentException(op + ": the " + what + " must be 1-D, got shape " + Shapes.str(t.shape()));
        }
    }
}
