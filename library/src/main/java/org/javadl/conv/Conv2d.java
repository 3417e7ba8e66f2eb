package org.javadl.conv;

import org.javadl.autograd.Convolution;
import org.javadl.tensor.MatMul;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * 2-D convolution. Two families:
 * <ul>
 * <li>{@code convolve / correlate(x, w, mode)}: signal-processing style with {@link Mode} (like
 * scipy.signal.convolve2d / correlate2d, each axis windowed as numpy does in 1-D). x is (H, W) with
 * w (kh, kw), or x is (C, H, W) with w (O, C, kh, kw), which gives (O, H', W') summed over channels.</li>
 * <li>{@code forward(x, w, bias, stride, padding, dilation)}: a PyTorch Conv2d layer, i.e.
 * cross-correlation of (C, H, W) with (O, C, kh, kw) plus an optional bias (O), output
 * (O, ⌊(H + 2p − d(kh − 1) − 1)/s⌋ + 1, ⌊(W + 2p − d(kw − 1) − 1)/s⌋ + 1).</li>
 * </ul>
 * Example: {@code Conv2d.forward(Tensor.zeros(3, 128, 128), Tensor.zeros(32, 3, 8, 8), null, 2, 3, 1)}
 * has shape [32, 64, 64].
 */
public final class Conv2d {
    private Conv2d() {
    }

    /** Reverses both spatial (last two) axes of a kernel. Example: {@code flip([[1, 2], [3, 4]])} = [[4, 3], [2, 1]]. */
    public static Tensor flip(Tensor w) {
        if (w.ndim() < 2) {
            return Conv1d.flip(w);
        }
        int[] s = w.shape();
        int kh = s[s.length - 2];
        int kw = s[s.length - 1];
        double[] d = w.toArray();
        double[] r = new double[d.length];
        int plane = kh * kw;
        for (int p = 0; p < d.length / Math.max(1, plane); p++) {
            for (int i = 0; i < plane; i++) {
                r[p * plane + i] = d[p * plane + plane - 1 - i];
            }
        }
        return Tensor.of(r, s);
    }

    /** 2-D convolution with kernel flipping; see the class comment for shapes. */
    public static Tensor convolve(Tensor x, Tensor w, Mode mode) {
        return modeConv("convolve2d", x, flip(w), mode, true);
    }

    /** 2-D cross-correlation (no flipping); see the class comment for shapes. */
    public static Tensor correlate(Tensor x, Tensor w, Mode mode) {
        return modeConv("correlate2d", x, w, mode, false);
    }

    private static Tensor modeConv(String op, Tensor x, Tensor w, Mode mode, boolean convolve) {
        boolean single = x.ndim() == 2;
        if (single && w.ndim() != 2 || !single && (x.ndim() != 3 || w.ndim() != 4)) {
            throw new IllegalArgumentException(op + ": expects input (H, W) with kernel (kh, kw) or input (C, H, W)"
                    + " with kernels (O, C, kh, kw), got shapes " + Shapes.str(x.shape()) + " and " + Shapes.str(w.shape()));
        }
        Tensor x3 = single ? x.reshape(1, x.dim(0), x.dim(1)) : x;
        Tensor w4 = single ? w.reshape(1, 1, w.dim(0), w.dim(1)) : w;
        checkChannels(op, x3, w4);
        int h = x3.dim(1);
        int wd = x3.dim(2);
        int kh = w4.dim(2);
        int kw = w4.dim(3);
        Conv1d.check(op, h * wd, kh * kw);
        Window wy = Window.of(op, mode, h, kh, convolve);
        Window wx = Window.of(op, mode, wd, kw, convolve);
        // Output (oy, ox) is full index (oy + offset) and reads x[oy + offset - (kh-1) + ky]; that is a
        // layer correlation with stride 1 and padding kh-1-offset on that side.
        Tensor y = correlateGeneral(x3, w4, null, 1, 1, (kh - 1) - wy.offset, (kw - 1) - wx.offset, 1, 1, wy.length,
                wx.length);
        return single ? y.reshape(wy.length, wx.length) : y;
    }

    /** A Conv2d layer with square stride/padding/dilation and optional bias (may be null). */
    public static Tensor forward(Tensor x, Tensor w, Tensor bias, int stride, int padding, int dilation) {
        return forward(x, w, bias, stride, stride, padding, padding, dilation, dilation);
    }

    /** A Conv2d layer with per-axis stride, padding and dilation; bias (O) may be null; differentiable. */
    public static Tensor forward(Tensor x, Tensor w, Tensor bias, int strideH, int strideW, int padH, int padW,
            int dilH, int dilW) {
        String op = "conv2d";
        if (x.ndim() != 3 || w.ndim() != 4) {
            throw new IllegalArgumentException(op + ": expects input (C, H, W) and kernels (O, C, kh, kw), got shapes "
                    + Shapes.str(x.shape()) + " and " + Shapes.str(w.shape()));
        }
        checkChannels(op, x, w);
        if (bias != null && (bias.ndim() != 1 || bias.dim(0) != w.dim(0))) {
            throw new IllegalArgumentException(op + ": bias shape " + Shapes.str(bias.shape()) + " does not match "
                    + w.dim(0) + " output channels of kernels " + Shapes.str(w.shape()));
        }
        if (x.size() == 0) {
            throw new IllegalArgumentException(op + ": empty input (shape " + Shapes.str(x.shape()) + ")");
        }
        // the differentiable op computes the same sums in the same order
        return Convolution.conv2d(x, w, bias, strideH, strideW, padH, padW, dilH, dilW);
    }

    private static void checkChannels(String op, Tensor x, Tensor w) {
        if (x.dim(0) != w.dim(1)) {
            throw new IllegalArgumentException(op + ": input shape " + Shapes.str(x.shape()) + " has " + x.dim(0)
                    + " channels but kernels " + Shapes.str(w.shape()) + " expect " + w.dim(1));
        }
    }

    /**
     * y[o, oy, ox] = b[o] + Σ_{c,ky,kx} x[c, oy·sh − ph + ky·dh, ox·sw − pw + kx·dw] w[o, c, ky, kx], zero
     * outside x, summed in that order (c, then ky, then kx), i.e. bit-for-bit the definition's loop.
     *
     * <p>Computed as im2col + matrix multiply: the kernels are the (O × C·kh·kw) matrix W, the input
     * patches the (C·kh·kw × oh·ow) matrix X (column q = the patch under output pixel q, zeros for
     * padding), and y = W X + b. X is never built in full: {@link MatMul} asks for it in strips of
     * {@code 256} output pixels, which are filled here straight from x.
     */
    static Tensor correlateGeneral(Tensor x, Tensor w, Tensor bias, int sh, int sw, int ph, int pw, int dh, int dw,
            int oh, int ow) {
        int c = x.dim(0);
        int h = x.dim(1);
        int wd = x.dim(2);
        int o = w.dim(0);
        int kh = w.dim(2);
        int kw = w.dim(3);
        double[] xd = x.toArray();
        double[] wdat = w.toArray(); // (O, C, kh, kw) row-major is W (O × C·kh·kw)
        double[] b = bias == null ? null : bias.toArray();
        MatMul.Panel patches = new Im2col(c, h, wd, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow).panel(xd, 0);
        double[] y = MatMul.multiply(wdat, patches, b, o, c * kh * kw, oh * ow);
        return Tensor.of(y, o, oh, ow);
    }
}
