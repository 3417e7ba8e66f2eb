package org.javadl.conv;

import java.util.Arrays;

import org.javadl.tensor.MatMul;

/**
 * The patch matrix of a 2-D cross-correlation ("im2col") and its adjoint ("col2im"), for one image of
 * C channels, H×W, with a kh×kw kernel, stride, padding and dilation per axis. Column q of the matrix is
 * the patch under output pixel q (row-major over the oh×ow outputs), its rows run over (c, ky, kx) in that
 * order, and positions in the padding are 0. A layer is then y = W X + b with W the (O × C·kh·kw) kernels.
 * Example: {@code new Im2col(1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, 2, 2).columns(x, 0)} is 4 × 4 (16 values).
 */
public final class Im2col {
    private final int c;
    private final int h;
    private final int w;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final int dh;
    private final int dw;
    private final int oh;
    private final int ow;

    /** The geometry: channels, input size, kernel size, stride, padding, dilation and output size. */
    public Im2col(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        this.c = c;
        this.h = h;
        this.w = w;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
        this.dh = dh;
        this.dw = dw;
        this.oh = oh;
        this.ow = ow;
    }

    /** Rows of the patch matrix, C·kh·kw. */
    public int rows() {
        return c * kh * kw;
    }

    /** Columns of the patch matrix: output pixels, oh·ow. */
    public int columns() {
        return oh * ow;
    }

    /** The output's height, oh. */
    public int outHeight() {
        return oh;
    }

    /** The output's width, ow. */
    public int outWidth() {
        return ow;
    }

    /**
     * The patch matrix of the image starting at {@code x[off]}, handed to {@link MatMul} in strips of
     * columns so that it never has to exist in full.
     */
    public MatMul.Panel panel(double[] x, int off) {
        return (q0, width, panel) -> {
            int row = 0;
            for (int ic = 0; ic < c; ic++) {
                int xPlane = off + ic * h * w;
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++, row++) {
                        fillRow(x, xPlane, ky, kx, q0, width, panel[row], 0);
                    }
                }
            }
        };
    }

    /** Columns q0 .. q0 + width of patch row (c, ky, kx) into dst from index {@code at}. */
    private void fillRow(double[] x, int xPlane, int ky, int kx, int q0, int width, double[] dst, int at) {
        int oy = q0 / ow;
        int ox = q0 % ow;
        for (int q = at; q < at + width; ) {
            // one output row's worth (or what is left of it)
            int run = Math.min(at + width - q, ow - ox);
            int iy = oy * sh - ph + ky * dh;
            if (iy < 0 || iy >= h) {
                Arrays.fill(dst, q, q + run, 0.0);
            } else {
                int colShift = kx * dw - pw; // ix = ox·sw + colShift
                int lo = Math.min(ox + run, Math.max(ox, ceilDiv(-colShift, sw)));
                int hi = Math.max(lo, Math.min(ox + run, ceilDiv(w - colShift, sw)));
                Arrays.fill(dst, q, q + (lo - ox), 0.0);
                int src = xPlane + iy * w + colShift;
                if (sw == 1) {
                    System.arraycopy(x, src + lo, dst, q + (lo - ox), hi - lo);
                } else {
                    for (int xo = lo; xo < hi; xo++) {
                        dst[q + (xo - ox)] = x[src + xo * sw];
                    }
                }
                Arrays.fill(dst, q + (hi - ox), q + run, 0.0);
            }
            q += run;
            ox = 0;
            oy++;
        }
    }

    /** The whole patch matrix of the image at {@code x[off]}, row-major (rows() × columns()). */
    public double[] columns(double[] x, int off) {
        return columns(x, off, new double[rows() * columns()]);
    }

    /**
     * The same written into {@code m} (at least rows() × columns() long; every entry is overwritten, so one
     * buffer can serve all images of a batch and stay in cache) and returned.
     */
    public double[] columns(double[] x, int off, double[] m) {
        int p = columns();
        int row = 0;
        for (int ic = 0; ic < c; ic++) {
            int xPlane = off + ic * h * w;
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, row++) {
                    fillRow(x, xPlane, ky, kx, 0, p, m, row * p);
                }
            }
        }
        return m;
    }

    /**
     * The adjoint of {@link #columns}: adds every entry of a (C·kh·kw × oh·ow) matrix, row-major in
     * {@code cols}, back onto the input position it was read from (padding positions are dropped), into
     * the image starting at {@code gx[off]}.
     */
    public void addBack(double[] cols, double[] gx, int off) {
        int p = oh * ow;
        int row = 0;
        for (int ic = 0; ic < c; ic++) {
            int xPlane = off + ic * h * w;
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, row++) {
                    int base = row * p;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * sh - ph + ky * dh;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int rowStart = xPlane + iy * w;
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * sw - pw + kx * dw;
                            if (ix >= 0 && ix < w) {
                                gx[rowStart + ix] += cols[base + oy * ow + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
