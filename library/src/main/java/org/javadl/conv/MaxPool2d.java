package org.javadl.conv;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * 2-D max pooling (PyTorch MaxPool2d without padding): each output is the maximum of a kernel×kernel
 * window moved by stride; output size ⌊(n − k)/s⌋ + 1. Works on (H, W) or (C, H, W) inputs.
 * {@link #indices()} gives, per output, the flat index (row·W + col) of the chosen input in its
 * channel plane, as PyTorch's {@code return_indices=True}; ties go to the first (row-major) maximum.
 * Example: {@code MaxPool2d.apply(Tensor.of(new double[][]{{1, 2}, {3, 4}}), 2, 2).output()} is [[4]].
 */
public final class MaxPool2d {
    private final Tensor output;
    private final Tensor indices;

    private MaxPool2d(Tensor output, Tensor indices) {
        this.output = output;
        this.indices = indices;
    }

    /** The pooled tensor. */
    public Tensor output() {
        return output;
    }

    /** Flat in-plane indices of the maxima, same shape as the output. */
    public Tensor indices() {
        return indices;
    }

    /** Non-overlapping pooling: stride = kernel. Example: {@code apply(x, 2)} halves H and W. */
    public static MaxPool2d apply(Tensor x, int kernel) {
        return apply(x, kernel, kernel);
    }

    /** Pooling with a square kernel and stride. */
    public static MaxPool2d apply(Tensor x, int kernel, int stride) {
        boolean single = x.ndim() == 2;
        if (!single && x.ndim() != 3) {
            throw new IllegalArgumentException("maxPool2d: expects (H, W) or (C, H, W), got shape " + Shapes.str(x.shape()));
        }
        Tensor x3 = single ? x.reshape(1, x.dim(0), x.dim(1)) : x;
        int c = x3.dim(0);
        int h = x3.dim(1);
        int w = x3.dim(2);
        if (x.size() == 0) {
            throw new IllegalArgumentException("maxPool2d: empty input (shape " + Shapes.str(x.shape()) + ")");
        }
        int oh = ConvShapes.outputSize("maxPool2d", h, kernel, stride, 0, 1);
        int ow = ConvShapes.outputSize("maxPool2d", w, kernel, stride, 0, 1);
        double[] d = x3.toArray();
        double[] out = new double[c * oh * ow];
        double[] idx = new double[out.length];
        for (int ch = 0; ch < c; ch++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int arg = -1;
                    for (int ky = 0; ky < kernel; ky++) {
                        for (int kx = 0; kx < kernel; kx++) {
                            int iy = oy * stride + ky;
                            int ix = ox * stride + kx;
                            double v = d[(ch * h + iy) * w + ix];
                            if (arg < 0 || v > best || Double.isNaN(v) && !Double.isNaN(best)) {
                                best = v;
                                arg = iy * w + ix;
                            }
                        }
                    }
                    int o = (ch * oh + oy) * ow + ox;
                    out[o] = best;
                    idx[o] = arg;
                }
            }
        }
        Tensor t = Tensor.of(out, c, oh, ow);
        Tensor i = Tensor.of(idx, c, oh, ow);
        return single ? new MaxPool2d(t.reshape(oh, ow), i.reshape(oh, ow)) : new MaxPool2d(t, i);
    }
}
