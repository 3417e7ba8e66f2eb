package org.javadl.autograd;

import org.javadl.conv.ConvShapes;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * 2-D max and average pooling over the last two axes of (N, C, H, W), (C, H, W) or (H, W), with a square
 * kernel, a stride and padding (−∞ for the maximum, 0 for the average), as PyTorch's MaxPool2d / AvgPool2d (ceil_mode off;
 * the average divides by kernel², padding included, PyTorch's default). Output size
 * ⌊(n + 2p − k)/s⌋ + 1. The maximum's gradient goes to the chosen element (the first maximum of its
 * window, NaN winning); the average's is spread evenly over its window.
 * Example: {@code Pooling.maxPool2d(x, 2, 2, 0)} halves H and W.
 */
public final class Pooling {
    private Pooling() {
    }

    /** The window layout shared by both poolings. */
    private static final class Windows {
        final int planes;
        final int h;
        final int w;
        final int k;
        final int s;
        final int p;
        final int oh;
        final int ow;
        final int[] outShape;

        Windows(String op, int[] xs, int k, int s, int p) {
            if (xs.length < 2 || xs.length > 4) {
                throw new IllegalArgumentException(op + ": expects (N, C, H, W), (C, H, W) or (H, W), got shape "
                        + Shapes.str(xs));
            }
            if (Shapes.size(xs) == 0) {
                throw new IllegalArgumentException(op + ": empty input (shape " + Shapes.str(xs) + ")");
            }
            if (p < 0 || 2 * p > k) {
                throw new IllegalArgumentException(op + ": padding must be between 0 and half the kernel size ("
                        + k + "), got " + p);
            }
            this.h = xs[xs.length - 2];
            this.w = xs[xs.length - 1];
            this.planes = Shapes.size(xs) / (h * w);
            this.k = k;
            this.s = s;
            this.p = p;
            this.oh = ConvShapes.outputSize(op, h, k, s, p, 1);
            this.ow = ConvShapes.outputSize(op, w, k, s, p, 1);
            this.outShape = xs.clone();
            outShape[xs.length - 2] = oh;
            outShape[xs.length - 1] = ow;
        }
    }

    /** Max pooling; padding counts as −∞. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        int[] xs = Raw.shape(x);
        Windows g = new Windows("maxPool2d", xs, kernel, stride, padding);
        int[] at = chosen(g, Raw.data(x));
        Tensor y = Reductions.gather(x, at, g.outShape);
        return Record.unary("maxPool2d", y, x, gr -> Reductions.scatter(Raw.data(gr), at, xs),
                t -> Reductions.gather(t, at, g.outShape));
    }

    /** The flat index into x of each output's maximum (the first in its window; a NaN wins). */
    private static int[] chosen(Windows g, double[] d) {
        if (g.k == 2 && g.s == 2 && g.p == 0 && ordinary(d)) {
            return chosen2x2(g, d);
        }
        int[] at = new int[g.planes * g.oh * g.ow];
        for (int pl = 0; pl < g.planes; pl++) {
            int base = pl * g.h * g.w;
            for (int oy = 0; oy < g.oh; oy++) {
                int y0 = Math.max(0, oy * g.s - g.p);
                int y1 = Math.min(g.h, oy * g.s - g.p + g.k);
                for (int ox = 0; ox < g.ow; ox++) {
                    int x0 = Math.max(0, ox * g.s - g.p);
                    int x1 = Math.min(g.w, ox * g.s - g.p + g.k);
                    // the window clipped to the input (padding is −∞, so it never wins), row by row
                    int arg = base + y0 * g.w + x0;
                    double best = d[arg];
                    for (int iy = y0; iy < y1 && best == best; iy++) {
                        int row = base + iy * g.w;
                        for (int ix = iy == y0 ? x0 + 1 : x0; ix < x1; ix++) {
                            double v = d[row + ix];
                            if (!(v <= best)) { // larger, or NaN: the first NaN wins and ends the search
                                best = v;
                                arg = row + ix;
                                if (v != v) {
                                    break;
                                }
                            }
                        }
                    }
                    at[(pl * g.oh + oy) * g.ow + ox] = arg;
                }
            }
        }
        return at;
    }

    /** True if every value is finite and none is −0.0: then a − b &lt; 0 exactly when a &lt; b. */
    private static boolean ordinary(double[] d) {
        for (double v : d) {
            if (!(Math.abs(v) <= Double.MAX_VALUE) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common 2×2, stride-2 case without branches on the data (which way a comparison of two random
     * values goes is a coin toss, so branches mispredicted half the time): within each window, the first of
     * (a, b) and of (c, d) that is largest, then the first of those two. Needs {@link #ordinary} data.
     */
    private static int[] chosen2x2(Windows g, double[] d) {
        int[] at = new int[g.planes * g.oh * g.ow];
        int o = 0;
        for (int pl = 0; pl < g.planes; pl++) {
            int base = pl * g.h * g.w;
            for (int oy = 0; oy < g.oh; oy++) {
                int top = base + 2 * oy * g.w;
                int bottom = top + g.w;
                for (int ox = 0; ox < g.ow; ox++, o++) {
                    int ia = top + 2 * ox;
                    int ic = bottom + 2 * ox;
                    double a = d[ia];
                    double b = d[ia + 1];
                    double c = d[ic];
                    double e = d[ic + 1];
                    int first = ia + greater(b, a);
                    int second = ic + greater(e, c);
                    int pick = greater(Math.max(c, e), Math.max(a, b));
                    at[o] = first + pick * (second - first);
                }
            }
        }
        return at;
    }

    /** 1 if p &gt; q, else 0, for finite values that are not −0.0 (the sign bit of q − p). */
    private static int greater(double p, double q) {
        return (int) (Double.doubleToRawLongBits(q - p) >>> 63);
    }

    /**
     * The in-plane index (row·W + col) of each output's chosen input, as PyTorch's
     * {@code return_indices=True}; not differentiable.
     */
    public static Tensor maxPool2dIndices(Tensor x, int kernel, int stride, int padding) {
        Windows g = new Windows("maxPool2d", Raw.shape(x), kernel, stride, padding);
        int[] at = chosen(g, Raw.data(x));
        double[] idx = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            idx[i] = at[i] % (g.h * g.w);
        }
        return Raw.make(idx, g.outShape.clone());
    }

    /** Average pooling; the divisor is always kernel² (padding counts as zeros). */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        int[] xs = Raw.shape(x);
        Windows g = new Windows("avgPool2d", xs, kernel, stride, padding);
        Tensor y = Raw.make(average(g, Raw.data(x)), g.outShape.clone());
        return Record.unary("avgPool2d", y, x, gr -> Raw.make(spread(g, Raw.data(gr)), xs.clone()),
                t -> Raw.make(average(g, Raw.data(t)), g.outShape.clone()));
    }

    private static double[] average(Windows g, double[] d) {
        double[] out = new double[g.planes * g.oh * g.ow];
        windows(g, d, out, true);
        return out;
    }

    private static double[] spread(Windows g, double[] gd) {
        double[] out = new double[g.planes * g.h * g.w];
        windows(g, out, gd, false);
        return out;
    }

    /**
     * Visits every window: with {@code forward}, pooled[window] = Σ x over the window / kernel²; otherwise
     * the adjoint, x[each position of the window] += pooled[window] / kernel².
     */
    private static void windows(Windows g, double[] x, double[] pooled, boolean forward) {
        double area = g.k * g.k;
        for (int pl = 0; pl < g.planes; pl++) {
            int base = pl * g.h * g.w;
            for (int oy = 0; oy < g.oh; oy++) {
                for (int ox = 0; ox < g.ow; ox++) {
                    int o = (pl * g.oh + oy) * g.ow + ox;
                    double sum = 0;
                    double share = forward ? 0 : pooled[o] / area;
                    for (int ky = 0; ky < g.k; ky++) {
                        int iy = oy * g.s - g.p + ky;
                        for (int kx = 0; iy >= 0 && iy < g.h && kx < g.k; kx++) {
                            int ix = ox * g.s - g.p + kx;
                            if (ix >= 0 && ix < g.w) {
                                if (forward) {
                                    sum += x[base + iy * g.w + ix];
                                } else {
                                    x[base + iy * g.w + ix] += share;
                                }
                            }
                        }
                    }
                    if (forward) {
                        pooled[o] = sum / area;
                    }
                }
            }
        }
    }
}
