package org.javadl.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked GEMM micro-kernels of {@link MatMul}, written with {@code jdk.incubator.vector}.
 * Loaded only when the JVM was started with {@code --add-modules jdk.incubator.vector} (MatMul checks the
 * boot layer first and otherwise never touches this class, so the library runs without the module).
 *
 * <p>A tile of {@link #MR} rows × {@link #NR} columns of C lives in registers for a whole depth block: per
 * step p it loads NR/L vectors of B's row p, broadcasts MR elements of A and does MR·NR/L fused
 * multiply-adds, and C is written once per block. The tile's shape follows the register file: with 512-bit
 * vectors (AVX-512, 32 registers) 8 rows × 2 vectors (16 accumulators); with 256 bits or less (AVX2 has only
 * 16 registers) 4 rows × 3 vectors, 12 accumulators + 3 of B + 1 broadcast. (On the AVX2 benchmark machine the
 * 8 × 2 tile needs 19 live vectors, spills, and ran no faster than the plain-Java loops; see BENCHMARKS.md.)
 *
 * <p>Every element is {@code fma(a[i][k-1], b[k-1][j], … fma(a[i][0], b[0][j], init))}, the same chain as
 * MatMul's plain-Java loops and tails compute, so the bits do not depend on which path, tile or thread
 * computed an element.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    static final int L = S.length();
    /** 512-bit vectors come with 32 registers (AVX-512); narrower ones are assumed to have 16 (AVX2). */
    private static final boolean WIDE = L >= 8;
    /** Rows per tile (a multiple of {@link #QUAD}). */
    static final int MR = WIDE ? 8 : 4;
    /** Columns per tile. */
    static final int NR = (WIDE ? 2 : 3) * L;
    /** Rows of the one-vector tile that covers the columns past the last whole NR block. */
    static final int QUAD = 4;

    private VectorGemm() {
    }

    /**
     * Rows [i, i + MR) × one block of NR columns: C[i + r][·] written at {@code c[o + r·n + q]} for q &lt; NR,
     * from {@code packed[pb + p·bs + q]} = B[p][block column q], for depth steps p in [k0, k0 + kc) (C is read
     * back when k0 &gt; 0). With bs = NR the block is packed contiguous, so the loads of B stream through the
     * cache in order; a shallow B is read in place (bs = its row length).
     */
    static void tile(double[] a, int a0, double[] packed, int pb, int bs, double[] rowInit, int i, double[] c, int o,
            int k, int k0, int kc, int n) {
        if (WIDE) {
            tile8x2(a, a0, packed, pb, bs, rowInit, i, c, o, k, k0, kc, n);
        } else {
            tile4x3(a, a0, packed, pb, bs, rowInit, i, c, o, k, k0, kc, n);
        }
    }

    /** {@link #tile} for 16 vector registers: 4 rows × 3 vectors, 12 accumulators. */
    private static void tile4x3(double[] a, int a0, double[] packed, int pb, int bs, double[] rowInit, int i,
            double[] c, int o, int k, int k0, int kc, int n) {
        DoubleVector c00, c01, c02;
        DoubleVector c10, c11, c12;
        DoubleVector c20, c21, c22;
        DoubleVector c30, c31, c32;
        if (k0 == 0) {
            c00 = start(rowInit, i);
            c01 = c00;
            c02 = c00;
            c10 = start(rowInit, i + 1);
            c11 = c10;
            c12 = c10;
            c20 = start(rowInit, i + 2);
            c21 = c20;
            c22 = c20;
            c30 = start(rowInit, i + 3);
            c31 = c30;
            c32 = c30;
        } else {
            c00 = DoubleVector.fromArray(S, c, o + 0 * n + 0 * L);
            c01 = DoubleVector.fromArray(S, c, o + 0 * n + 1 * L);
            c02 = DoubleVector.fromArray(S, c, o + 0 * n + 2 * L);
            c10 = DoubleVector.fromArray(S, c, o + 1 * n + 0 * L);
            c11 = DoubleVector.fromArray(S, c, o + 1 * n + 1 * L);
            c12 = DoubleVector.fromArray(S, c, o + 1 * n + 2 * L);
            c20 = DoubleVector.fromArray(S, c, o + 2 * n + 0 * L);
            c21 = DoubleVector.fromArray(S, c, o + 2 * n + 1 * L);
            c22 = DoubleVector.fromArray(S, c, o + 2 * n + 2 * L);
            c30 = DoubleVector.fromArray(S, c, o + 3 * n + 0 * L);
            c31 = DoubleVector.fromArray(S, c, o + 3 * n + 1 * L);
            c32 = DoubleVector.fromArray(S, c, o + 3 * n + 2 * L);
        }
        for (int p = k0; p < k0 + kc; p++) {
            int q = pb + p * bs;
            DoubleVector b0 = DoubleVector.fromArray(S, packed, q + 0 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, packed, q + 1 * L);
            DoubleVector b2 = DoubleVector.fromArray(S, packed, q + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + 0 * k + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[a0 + 1 * k + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[a0 + 2 * k + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[a0 + 3 * k + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        c00.intoArray(c, o + 0 * n + 0 * L);
        c01.intoArray(c, o + 0 * n + 1 * L);
        c02.intoArray(c, o + 0 * n + 2 * L);
        c10.intoArray(c, o + 1 * n + 0 * L);
        c11.intoArray(c, o + 1 * n + 1 * L);
        c12.intoArray(c, o + 1 * n + 2 * L);
        c20.intoArray(c, o + 2 * n + 0 * L);
        c21.intoArray(c, o + 2 * n + 1 * L);
        c22.intoArray(c, o + 2 * n + 2 * L);
        c30.intoArray(c, o + 3 * n + 0 * L);
        c31.intoArray(c, o + 3 * n + 1 * L);
        c32.intoArray(c, o + 3 * n + 2 * L);
    }

    private static DoubleVector start(double[] rowInit, int i) {
        return DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i]);
    }

    /** {@link #tile} for 32 vector registers: 8 rows × 2 vectors, 16 accumulators. */
    private static void tile8x2(double[] a, int a0, double[] packed, int pb, int bs, double[] rowInit, int i, double[] c, int o,
            int k, int k0, int kc, int n) {
        DoubleVector c00, c01;
        DoubleVector c10, c11;
        DoubleVector c20, c21;
        DoubleVector c30, c31;
        DoubleVector c40, c41;
        DoubleVector c50, c51;
        DoubleVector c60, c61;
        DoubleVector c70, c71;
        if (k0 == 0) {
            c00 = start(rowInit, i + 0);
            c01 = start(rowInit, i + 0);
            c10 = start(rowInit, i + 1);
            c11 = start(rowInit, i + 1);
            c20 = start(rowInit, i + 2);
            c21 = start(rowInit, i + 2);
            c30 = start(rowInit, i + 3);
            c31 = start(rowInit, i + 3);
            c40 = start(rowInit, i + 4);
            c41 = start(rowInit, i + 4);
            c50 = start(rowInit, i + 5);
            c51 = start(rowInit, i + 5);
            c60 = start(rowInit, i + 6);
            c61 = start(rowInit, i + 6);
            c70 = start(rowInit, i + 7);
            c71 = start(rowInit, i + 7);
        } else {
            c00 = DoubleVector.fromArray(S, c, o + 0 * n + 0 * L);
            c01 = DoubleVector.fromArray(S, c, o + 0 * n + 1 * L);
            c10 = DoubleVector.fromArray(S, c, o + 1 * n + 0 * L);
            c11 = DoubleVector.fromArray(S, c, o + 1 * n + 1 * L);
            c20 = DoubleVector.fromArray(S, c, o + 2 * n + 0 * L);
            c21 = DoubleVector.fromArray(S, c, o + 2 * n + 1 * L);
            c30 = DoubleVector.fromArray(S, c, o + 3 * n + 0 * L);
            c31 = DoubleVector.fromArray(S, c, o + 3 * n + 1 * L);
            c40 = DoubleVector.fromArray(S, c, o + 4 * n + 0 * L);
            c41 = DoubleVector.fromArray(S, c, o + 4 * n + 1 * L);
            c50 = DoubleVector.fromArray(S, c, o + 5 * n + 0 * L);
            c51 = DoubleVector.fromArray(S, c, o + 5 * n + 1 * L);
            c60 = DoubleVector.fromArray(S, c, o + 6 * n + 0 * L);
            c61 = DoubleVector.fromArray(S, c, o + 6 * n + 1 * L);
            c70 = DoubleVector.fromArray(S, c, o + 7 * n + 0 * L);
            c71 = DoubleVector.fromArray(S, c, o + 7 * n + 1 * L);
        }
        for (int p = k0; p < k0 + kc; p++) {
            int q = pb + p * bs;
            DoubleVector b0 = DoubleVector.fromArray(S, packed, q + 0 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, packed, q + 1 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + 0 * k + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a0 + 1 * k + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a0 + 2 * k + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a0 + 3 * k + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a0 + 4 * k + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a0 + 5 * k + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a0 + 6 * k + p]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a0 + 7 * k + p]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(c, o + 0 * n + 0 * L);
        c01.intoArray(c, o + 0 * n + 1 * L);
        c10.intoArray(c, o + 1 * n + 0 * L);
        c11.intoArray(c, o + 1 * n + 1 * L);
        c20.intoArray(c, o + 2 * n + 0 * L);
        c21.intoArray(c, o + 2 * n + 1 * L);
        c30.intoArray(c, o + 3 * n + 0 * L);
        c31.intoArray(c, o + 3 * n + 1 * L);
        c40.intoArray(c, o + 4 * n + 0 * L);
        c41.intoArray(c, o + 4 * n + 1 * L);
        c50.intoArray(c, o + 5 * n + 0 * L);
        c51.intoArray(c, o + 5 * n + 1 * L);
        c60.intoArray(c, o + 6 * n + 0 * L);
        c61.intoArray(c, o + 6 * n + 1 * L);
        c70.intoArray(c, o + 7 * n + 0 * L);
        c71.intoArray(c, o + 7 * n + 1 * L);
    }


    /**
     * Rows [i, i + {@value #QUAD}) × one vector of columns (the whole vectors past the last NR block), laid out
     * like {@link #tile}'s arguments.
     */
    static void quadTile(double[] a, int a0, double[] packed, int pb, int bs, double[] rowInit, int i, double[] c,
            int o, int k, int k0, int kc, int n) {
        DoubleVector c0, c1, c2, c3;
        if (k0 == 0) {
            c0 = start(rowInit, i);
            c1 = start(rowInit, i + 1);
            c2 = start(rowInit, i + 2);
            c3 = start(rowInit, i + 3);
        } else {
            c0 = DoubleVector.fromArray(S, c, o + 0 * n);
            c1 = DoubleVector.fromArray(S, c, o + 1 * n);
            c2 = DoubleVector.fromArray(S, c, o + 2 * n);
            c3 = DoubleVector.fromArray(S, c, o + 3 * n);
        }
        for (int p = k0; p < k0 + kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, packed, pb + p * bs);
            c0 = DoubleVector.broadcast(S, a[a0 + 0 * k + p]).fma(b0, c0);
            c1 = DoubleVector.broadcast(S, a[a0 + 1 * k + p]).fma(b0, c1);
            c2 = DoubleVector.broadcast(S, a[a0 + 2 * k + p]).fma(b0, c2);
            c3 = DoubleVector.broadcast(S, a[a0 + 3 * k + p]).fma(b0, c3);
        }
        c0.intoArray(c, o + 0 * n);
        c1.intoArray(c, o + 1 * n);
        c2.intoArray(c, o + 2 * n);
        c3.intoArray(c, o + 3 * n);
    }

    /** One row × one vector of columns (the rows left over below a multiple of MR). */
    static void rowTile(double[] a, int a0, double[] packed, int pb, int bs, double init, double[] c, int o, int k0,
            int kc) {
        DoubleVector c0 = k0 == 0 ? DoubleVector.broadcast(S, init) : DoubleVector.fromArray(S, c, o);
        for (int p = k0; p < k0 + kc; p++) {
            c0 = DoubleVector.broadcast(S, a[a0 + p]).fma(DoubleVector.fromArray(S, packed, pb + p * bs), c0);
        }
        c0.intoArray(c, o);
    }
}
