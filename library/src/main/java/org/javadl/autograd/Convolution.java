package org.javadl.autograd;

import org.javadl.conv.ConvShapes;
import org.javadl.conv.Im2col;
import org.javadl.tensor.MatMul;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * A PyTorch Conv2d (cross-correlation, groups = 1) on a batch (N, C, H, W) or one image (C, H, W), with
 * kernels (O, C, kh, kw) and an optional bias (O); output size ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 per axis.
 * Each image is an im2col matrix X (C·kh·kw × oh·ow) and y = W X + b, summed in the definition's order.
 * Gradients: W̄ = Σₙ Ȳₙ Xₙᵀ, b̄ = Σ of Ȳ over images and pixels, and x̄ = col2im(Wᵀ Ȳₙ), each input
 * position collecting every patch entry it was copied to. The tangent is conv(ẋ, W) + conv(x, Ẇ) + ḃ.
 * Example: {@code conv2d(randn(1, 8, 3, 28, 28), randn(2, 16, 3, 3, 3), null, 1, 1, 1, 1, 1, 1)} is (8, 16, 28, 28).
 */
public final class Convolution {
    private Convolution() {
    }

    /** conv2d with per-axis stride, padding and dilation; {@code bias} may be null. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int sh, int sw, int ph, int pw, int dh, int dw) {
        int nd = Raw.ndim(x);
        if (nd == 3) {
            return ShapeOps.squeeze(conv2d(ShapeOps.unsqueeze(x, 0), w, bias, sh, sw, ph, pw, dh, dw), 0);
        }
        int[] xs = Raw.shape(x);
        int[] ws = Raw.shape(w);
        if (nd != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d: expects input (N, C, H, W) or (C, H, W) and kernels"
                    + " (O, C, kh, kw), got shapes " + Shapes.str(xs) + " and " + Shapes.str(ws));
        }
        if (xs[1] != ws[1]) {
            throw new IllegalArgumentException("conv2d: input shape " + Shapes.str(xs) + " has " + xs[1]
                    + " channels but kernels " + Shapes.str(ws) + " expect " + ws[1]);
        }
        if (bias != null && (Raw.ndim(bias) != 1 || Raw.shape(bias)[0] != ws[0])) {
            throw new IllegalArgumentException("conv2d: bias shape " + Shapes.str(Raw.shape(bias))
                    + " does not match " + ws[0] + " output channels of kernels " + Shapes.str(ws));
        }
        if (Shapes.size(xs) == 0) {
            throw new IllegalArgumentException("conv2d: empty input (shape " + Shapes.str(xs) + ")");
        }
        int oh = ConvShapes.outputSize("conv2d", xs[2], ws[2], sh, ph, dh);
        int ow = ConvShapes.outputSize("conv2d", xs[3], ws[3], sw, pw, dw);
        Im2col geo = new Im2col(xs[1], xs[2], xs[3], ws[2], ws[3], sh, sw, ph, pw, dh, dw, oh, ow);
        Tensor y = forward(geo, x, w, bias);
        Tensor[] inputs = bias == null ? new Tensor[] {x, w} : new Tensor[] {x, w, bias};
        return Record.op("conv2d", y, inputs,
                (g, need) -> new Tensor[] {
                    need[0] ? inputGradient(geo, g, w, xs) : null,
                    need[1] ? kernelGradient(geo, g, x, ws) : null,
                    bias != null && need[2] ? biasGradient(g) : null},
                t -> {
                    Tensor r = t[0] == null ? null : forward(geo, t[0], w, null);
                    if (t[1] != null) {
                        Tensor fromW = forward(geo, x, t[1], null);
                        r = r == null ? fromW : r.add(fromW);
                    }
                    if (t.length > 2 && t[2] != null) {
                        Tensor fromB = t[2].reshape(1, -1, 1, 1);
                        r = r == null ? fromB : r.add(fromB);
                    }
                    return r;
                });
    }

    private static Tensor forward(Im2col geo, Tensor x, Tensor w, Tensor bias) {
        int[] xs = Raw.shape(x);
        int n = xs[0];
        int o = Raw.shape(w)[0];
        int image = xs[1] * xs[2] * xs[3];
        int p = geo.columns();
        double[] xd = Raw.data(x);
        double[] wd = Raw.data(w); // (O, C, kh, kw) row-major is W (O × C·kh·kw)
        double[] b = bias == null ? null : Raw.data(bias);
        double[] y = new double[n * o * p];
        // One patch buffer for the whole batch: it stays in L2 (a fresh one per image cost as much memory
        // traffic as the products, on the benchmark machine 0.5 of conv2dForward's 2 ms).
        double[] cols = new double[geo.rows() * p];
        for (int i = 0; i < n; i++) {
            MatMul.multiply(wd, 0, geo.columns(xd, i * image, cols), 0, b, y, i * o * p, o, geo.rows(), p);
        }
        return Raw.make(y, n, o, geo.outHeight(), geo.outWidth());
    }

    /** x̄ₙ = col2im(Wᵀ Ȳₙ). */
    private static Tensor inputGradient(Im2col geo, Tensor g, Tensor w, int[] xs) {
        int o = Raw.shape(w)[0];
        int r = geo.rows();
        int p = geo.columns();
        double[] wt = Raw.data(ShapeOps.transpose(w.reshape(o, r), 0, 1)); // (R × O)
        double[] gd = Raw.data(g);
        int image = xs[1] * xs[2] * xs[3];
        double[] gx = new double[xs[0] * image];
        double[] cols = new double[r * p];
        for (int i = 0; i < xs[0]; i++) {
            MatMul.multiply(wt, 0, gd, i * o * p, cols, 0, r, o, p);
            geo.addBack(cols, gx, i * image);
        }
        return Raw.make(gx, xs.clone());
    }

    /** W̄ = Σₙ Ȳₙ Xₙᵀ, computed as Σₙ (Xₙ Ȳₙᵀ)ᵀ so that the product runs along the O output channels. */
    private static Tensor kernelGradient(Im2col geo, Tensor g, Tensor x, int[] ws) {
        int[] xs = Raw.shape(x);
        int n = xs[0];
        int o = ws[0];
        int r = geo.rows();
        int p = geo.columns();
        int image = xs[1] * xs[2] * xs[3];
        double[] xd = Raw.data(x);
        double[] gd = Raw.data(g);
        double[] acc = new double[r * o]; // W̄ᵀ
        double[] cols = new double[r * p];
        for (int i = 0; i < n; i++) {
            // Xₙ (R × P) times Ȳₙᵀ, with Ȳₙ (O × P) read in place as the transposed operand
            double[] part = MatMul.multiplyTransposed(geo.columns(xd, i * image, cols), 0, gd, i * o * p, r, p, o);
            for (int k = 0; k < acc.length; k++) {
                acc[k] += part[k];
            }
        }
        double[] gw = new double[o * r];
        for (int k = 0; k < r; k++) {
            for (int oc = 0; oc < o; oc++) {
                gw[oc * r + k] = acc[k * o + oc];
            }
        }
        return Raw.make(gw, ws.clone());
    }

    private static Tensor biasGradient(Tensor g) {
        return Reductions.sum(g, new int[] {0, 2, 3}, false);
    }
}
