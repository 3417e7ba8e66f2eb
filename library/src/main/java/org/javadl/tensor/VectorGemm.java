package org.javadl.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked GEMM micro-kernel of {@link MatMul}, written with {@code jdk.incubator.vector}.
 * Loaded only when the JVM was started with {@code --add-modules jdk.incubator.vector} (MatMul checks the
 * boot layer first and otherwise never touches this class, so the library runs without the module).
 *
 * <p>A tile of {@value #MR} rows × 2 vectors of C (16 × 8 doubles with AVX-512) lives in registers for the
 * whole depth k: per step p it loads two vectors of B's row p, broadcasts {@value #MR} elements of A and
 * does 2·{@value #MR} fused multiply-adds, so each load of B serves {@value #MR} rows and C is written
 * once. Every element is {@code fma(a[i][k-1], b[k-1][j], … fma(a[i][0], b[0][j], init))}, the same
 * chain as MatMul's plain-Java loops and tails compute, so the bits do not depend on which path, tile or
 * thread computed an element.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 8;
    /** Columns per tile. */
    static final int NR = 2 * L;

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
        DoubleVector c00, c01;
        DoubleVector c10, c11;
        DoubleVector c20, c21;
        DoubleVector c30, c31;
        DoubleVector c40, c41;
        DoubleVector c50, c51;
        DoubleVector c60, c61;
        DoubleVector c70, c71;
        if (k0 == 0) {
            c00 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 0]);
            c01 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 0]);
            c10 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 1]);
            c11 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 1]);
            c20 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 2]);
            c21 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 2]);
            c30 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 3]);
            c31 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 3]);
            c40 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 4]);
            c41 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 4]);
            c50 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 5]);
            c51 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 5]);
            c60 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 6]);
            c61 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 6]);
            c70 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 7]);
            c71 = DoubleVector.broadcast(S, rowInit == null ? 0.0 : rowInit[i + 7]);
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

    /** One row × NR columns (the rows left over below a multiple of MR). */
    static void rowTile(double[] a, int a0, double[] packed, int pb, int bs, double init, double[] c, int o, int k0,
            int kc) {
        DoubleVector c0, c1;
        if (k0 == 0) {
            c0 = DoubleVector.broadcast(S, init);
            c1 = DoubleVector.broadcast(S, init);
        } else {
            c0 = DoubleVector.fromArray(S, c, o + 0 * L);
            c1 = DoubleVector.fromArray(S, c, o + 1 * L);
        }
        for (int p = k0; p < k0 + kc; p++) {
            int q = pb + p * bs;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p]);
            c0 = x.fma(DoubleVector.fromArray(S, packed, q + 0 * L), c0);
            c1 = x.fma(DoubleVector.fromArray(S, packed, q + 1 * L), c1);
        }
        c0.intoArray(c, o + 0 * L);
        c1.intoArray(c, o + 1 * L);
    }
}
