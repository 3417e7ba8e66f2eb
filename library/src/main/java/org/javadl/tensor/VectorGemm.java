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
     * Rows [i, i + MR) × columns [j, j + NR) of a strip: C[i + r][j0 + j + q] written at
     * {@code c[o + r·n + q]} with o = cOff + i·n + j0 + j, from panel[p][j + q] = B[p][j0 + j + q].
     */
    static void tile(double[] a, int a0, double[][] panel, int j, double[] rowInit, int i, double[] c, int o,
            int k, int n) {
                double init0 = rowInit == null ? 0.0 : rowInit[i + 0];
                double init1 = rowInit == null ? 0.0 : rowInit[i + 1];
                double init2 = rowInit == null ? 0.0 : rowInit[i + 2];
                double init3 = rowInit == null ? 0.0 : rowInit[i + 3];
                double init4 = rowInit == null ? 0.0 : rowInit[i + 4];
                double init5 = rowInit == null ? 0.0 : rowInit[i + 5];
                double init6 = rowInit == null ? 0.0 : rowInit[i + 6];
                double init7 = rowInit == null ? 0.0 : rowInit[i + 7];
                DoubleVector c00 = DoubleVector.broadcast(S, init0), c01 = c00;
                DoubleVector c10 = DoubleVector.broadcast(S, init1), c11 = c10;
                DoubleVector c20 = DoubleVector.broadcast(S, init2), c21 = c20;
                DoubleVector c30 = DoubleVector.broadcast(S, init3), c31 = c30;
                DoubleVector c40 = DoubleVector.broadcast(S, init4), c41 = c40;
                DoubleVector c50 = DoubleVector.broadcast(S, init5), c51 = c50;
                DoubleVector c60 = DoubleVector.broadcast(S, init6), c61 = c60;
                DoubleVector c70 = DoubleVector.broadcast(S, init7), c71 = c70;
        for (int p = 0; p < k; p++) {
                    double[] bp = panel[p];
                    DoubleVector b0 = DoubleVector.fromArray(S, bp, j);
                    DoubleVector b1 = DoubleVector.fromArray(S, bp, j + L);
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
                c00.intoArray(c, o + 0 * n);
                c01.intoArray(c, o + 0 * n + L);
                c10.intoArray(c, o + 1 * n);
                c11.intoArray(c, o + 1 * n + L);
                c20.intoArray(c, o + 2 * n);
                c21.intoArray(c, o + 2 * n + L);
                c30.intoArray(c, o + 3 * n);
                c31.intoArray(c, o + 3 * n + L);
                c40.intoArray(c, o + 4 * n);
                c41.intoArray(c, o + 4 * n + L);
                c50.intoArray(c, o + 5 * n);
                c51.intoArray(c, o + 5 * n + L);
                c60.intoArray(c, o + 6 * n);
                c61.intoArray(c, o + 6 * n + L);
                c70.intoArray(c, o + 7 * n);
                c71.intoArray(c, o + 7 * n + L);
    }

    /** One row × NR columns (the rows left over below a multiple of MR). */
    static void rowTile(double[] a, int a0, double[][] panel, int j, double init, double[] c, int o, int k) {
        DoubleVector c0 = DoubleVector.broadcast(S, init), c1 = c0;
        for (int p = 0; p < k; p++) {
            double[] bp = panel[p];
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p]);
            c0 = x.fma(DoubleVector.fromArray(S, bp, j), c0);
            c1 = x.fma(DoubleVector.fromArray(S, bp, j + L), c1);
        }
        c0.intoArray(c, o);
        c1.intoArray(c, o + L);
    }
}
