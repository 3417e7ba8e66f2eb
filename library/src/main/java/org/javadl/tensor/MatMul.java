package org.javadl.tensor;

/**
 * The matrix-multiply kernel behind {@link Tensor#matmul} and the im2col path of
 * {@code org.javadl.conv.Conv2d}: C = A B (+ a per-row start value) for row-major arrays.
 *
 * <p><b>Two paths, each deterministic.</b> With {@code jdk.incubator.vector} in the boot layer (the kernel and
 * the Maven builds start the JVM with {@code --add-modules jdk.incubator.vector}), {@link VectorGemm}'s
 * register tiles compute every element as the fused chain {@code s = init; for p: s = fma(a[i][p], b[p][j], s)}
 * in increasing p (one rounding per product-and-add: more accurate than the textbook loop, and about twice
 * as fast as the plain path on the benchmark machine). Without the module (or with
 * {@code -Djavadl.vector=false}) the plain-Java loops below are used, and the results are bit-for-bit those of
 * the textbook loop {@code s = init; for p: s += a[i][p]·b[p][j]}: every element of C is accumulated one
 * product at a time in increasing p, written as {@code c = c + a0·v0 + a1·v1 + …}, which Java evaluates left
 * to right (no re-association, no FMA). The two paths differ in the last bits; within one path the bits never
 * depend on tiles or threads. (The plain path is not written with {@code Math.fma}: JDK 17's superword pass
 * left those loops scalar, 2× slower than now.)
 *
 * <p><b>Speed of the plain path</b>: the loop is i-k-j, so the innermost loop
 * runs along contiguous rows of B and C and HotSpot's superword pass turns it into SIMD code. Each pass
 * updates {@value #ROWS} rows of C from {@value #DEPTH} rows of B, so every loaded vector of B is used
 * {@value #ROWS} times and every vector of C is loaded and stored once per {@value #DEPTH} products
 * (a plain axpy loads and stores C once per product). B is first copied into a panel of
 * {@value #PANEL}-column strips, one array per row: keeping every array access at index {@code j}
 * (no offsets), in separate arrays, is what lets C2 vectorise the loop on JDK 17 (with offsets into one
 * array, or with more than about ten array accesses in the loop body, it falls back to scalar code),
 * and a strip of {@value #DEPTH} rows of B and {@value #ROWS} rows of C fits in L1.
 * Measured on the benchmark machine (see BENCHMARKS.md) 2×4 beat 4×2, 3×3, 4×4, 2×8, 8×2 and
 * one-row variants; strips of 256 beat 128 and 512.
 *
 * <p><b>Threads</b> (opt-in, {@link #setThreads} or {@code -Djavadl.threads=N}): a large product is split
 * into bands of rows of C, one per thread; each element is still summed by one thread in the same order,
 * so the result does not depend on the number of threads.
 */
public final class MatMul {
    static final int ROWS = 2;
    static final int DEPTH = 4;
    static final int PANEL = 256;
    /** Largest strip (k × width doubles) the vector path takes at once: 256 KiB, well inside L2. */
    private static final int STRIP_DOUBLES = 1 << 15;
    /** Depth up to which the vector path reads a row-major B in place instead of packing it. */
    static final int DIRECT_DEPTH = 32;
    /**
     * Depth block of the vector path: a block of B for one tile (KC·NR doubles, 24 KiB with AVX2) fits the
     * 32 KiB L1 of the benchmark machine.
     */
    static final int KC = 256;
    /** Rows per cache block of the vector path: MC·KC doubles of A (256 KiB) stay in the 512 KiB L2. */
    static final int MC = 128;
    /** Below this many columns of C the panel copy does not pay; a plain dot-product loop is used. */
    private static final int NARROW = 8;
    /** Products (m·k·n) below which threads cost more than they save. */
    private static final long PARALLEL_WORK = 1L << 21;
    /**
     * Threads per product: 1 unless the system property {@code javadl.threads} or {@link #setThreads} says
     * otherwise (opt-in: results are the same bits either way, see {@code multiplyInto}).
     */
    private static volatile int threads = Math.max(1, Integer.getInteger("javadl.threads", 1));

    /**
     * Whether the JVM has {@code jdk.incubator.vector} (started with {@code --add-modules jdk.incubator.vector})
     * and {@code -Djavadl.vector=false} does not turn it off. Checked in the boot layer so that
     * {@link VectorGemm} is never loaded without the module.
     */
    static final boolean VECTOR_AVAILABLE = !"false".equals(System.getProperty("javadl.vector"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** The path in use (tests switch it to compare both; the bits are the same). */
    private static volatile boolean vector = VECTOR_AVAILABLE;

    /** Whether products are summed by the Vector API path (fused multiply-adds). */
    static boolean vectorInUse() {
        return vector;
    }

    /** Selects the Vector API tiles (true, only if available) or the plain-Java loops; for tests. */
    static void useVector(boolean on) {
        vector = on && VECTOR_AVAILABLE;
    }

    private MatMul() {
    }

    /** Uses up to n threads for large products (1 = single-threaded, the default). */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("setThreads: need at least 1 thread, got " + n);
        }
        threads = n;
    }

    /** The number of threads large products may use. */
    public static int threads() {
        return threads;
    }

    /** Daemon workers, created on first parallel use. */
    private static final class Workers {
        static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread th = new Thread(r, "javadl-matmul");
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * Fills columns [j0, j0 + w) of B into {@code panel}: panel[p][j] = B[p][j0 + j] for p &lt; k, j &lt; w
     * (each panel[p] has length w).
     */
    @FunctionalInterface
    public interface Panel {
        void fill(int j0, int w, double[][] panel);
    }

    /** C (m×n) = A (m×k) · B (k×n), all row-major. */
    public static double[] multiply(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        multiply(a, 0, b, 0, c, 0, m, k, n);
        return c;
    }

    /**
     * C (m×n) = A (m×k) · Bᵀ with B given as (n×k), row-major, without forming Bᵀ: the strips of Bᵀ the
     * kernel works on are filled straight from B's rows (a layer's x Wᵀ with W stored (out × in)). Element
     * (i, j) is summed in the textbook order, a[i][0]·b[j][0] + a[i][1]·b[j][1] + …
     */
    public static double[] multiplyTransposed(double[] a, double[] b, int m, int k, int n) {
        return multiplyTransposed(a, 0, b, 0, m, k, n);
    }

    /** The same for matrices starting at {@code a[aOff]} and {@code b[bOff]} (one matrix of a batch). */
    public static double[] multiplyTransposed(double[] a, int aOff, double[] b, int bOff, int m, int k, int n) {
        double[] c = new double[m * n];
        if (n < NARROW) {
            boolean fused = vector; // the same element sums as the path's wide products
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0.0;
                    for (int p = 0; p < k; p++) {
                        double x = a[aOff + i * k + p];
                        double y = b[bOff + j * k + p];
                        s = fused ? Math.fma(x, y, s) : s + x * y;
                    }
                    c[i * n + j] = s;
                }
            }
            return c;
        }
        multiplyInto(a, aOff, (j0, w, panel) -> {
            for (int j = 0; j < w; j++) {
                int row = bOff + (j0 + j) * k;
                for (int p = 0; p < k; p++) {
                    panel[p][j] = b[row + p];
                }
            }
        }, null, c, 0, m, k, n);
        return c;
    }

    /**
     * C = A · B for matrices stored in larger arrays (one matrix of a batch): A (m×k) starts at
     * {@code a[aOff]}, B (k×n) at {@code b[bOff]}, and C (m×n) is written at {@code c[cOff]}.
     */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        if (n < NARROW) {
            narrow(a, aOff, b, bOff, c, cOff, m, k, n);
            return;
        }
        multiplyInto(a, aOff, (j0, w, panel) -> {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, bOff + p * n + j0, panel[p], 0, w);
            }
        }, null, c, cOff, m, k, n);
    }

    /**
     * C (m×n) = rowInit[i] + A (m×k) · B (k×n), B given by a panel filler (so B never has to exist in
     * full, e.g. an im2col matrix built strip by strip). rowInit may be null (zeros). Element (i, j) is
     * {@code rowInit[i] + a[i][0]·B[0][j] + a[i][1]·B[1][j] + …}, summed left to right.
     */
    public static double[] multiply(double[] a, Panel b, double[] rowInit, int m, int k, int n) {
        double[] c = new double[m * n];
        multiplyInto(a, 0, b, rowInit, c, 0, m, k, n);
        return c;
    }

    /**
     * C (m×n, at {@code c[cOff]}) = rowInit[i] + A (m×k at {@code a[aOff]}) · B (k×n at {@code b[bOff]}), summed
     * like the other entries; rowInit may be null. A shallow B (k ≤ {@value #DIRECT_DEPTH}) is read in place
     * by the vector path (conv2d's im2col matrix).
     */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, double[] rowInit, double[] c, int cOff,
            int m, int k, int n) {
        if (vector && k <= DIRECT_DEPTH && n >= VectorGemm.NR && m > 0) {
            vectorDirect(a, aOff, b, bOff, rowInit, c, cOff, m, k, n);
            return;
        }
        multiplyInto(a, aOff, (j0, w, panel) -> {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, bOff + p * n + j0, panel[p], 0, w);
            }
        }, rowInit, c, cOff, m, k, n);
    }

    /** The same, C written at {@code c[cOff]} (one image of a batch, without a copy). */
    public static void multiply(double[] a, Panel b, double[] rowInit, double[] c, int cOff, int m, int k, int n) {
        multiplyInto(a, 0, b, rowInit, c, cOff, m, k, n);
    }

    private static void multiplyInto(double[] a, int aOff, Panel b, double[] rowInit, double[] c, int cOff, int m,
            int k, int n) {
        if (m == 0 || n == 0) {
            return;
        }
        int t = threads;
        if (t > 1 && (long) m * k * n >= PARALLEL_WORK && m >= 4 * t) {
            // Each thread computes whole rows of C in the same order as one thread would, so the result is
            // bit for bit the same; rows are split in even counts to keep the two-row passes.
            int chunk = ((m + t - 1) / t + 1) & ~1;
            java.util.List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
            for (int r0 = 0; r0 < m; r0 += chunk) {
                int from = r0;
                int to = Math.min(m, r0 + chunk);
                parts.add(Workers.POOL.submit(() -> rows(a, aOff, b, rowInit, c, cOff, from, to, k, n)));
            }
            for (java.util.concurrent.Future<?> f : parts) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("matmul interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("matmul failed in a worker", e.getCause());
                }
            }
            return;
        }
        rows(a, aOff, b, rowInit, c, cOff, 0, m, k, n);
    }

    /**
     * Columns per strip on the vector path: about {@value #STRIP_DOUBLES} doubles of B, at least {@value #PANEL}
     * columns, and a whole number of tiles (a strip that ended inside a tile would sum its last columns one
     * element at a time).
     */
    private static int vectorStripWidth(int k) {
        int target = Math.max(PANEL, STRIP_DOUBLES / Math.max(1, k));
        return Math.max(VectorGemm.NR, target / VectorGemm.NR * VectorGemm.NR);
    }

    /** Rows [i0, i1) of C. */
    private static void rows(double[] a, int aOff, Panel b, double[] rowInit, double[] c, int cOff, int i0, int i1,
            int k, int n) {
        // The vector path packs each strip anyway, so a shallow B (an im2col matrix of a few rows) is taken in
        // one wide strip of up to 32 Ki doubles: fewer fills and tile set-ups per output row.
        int strip = Math.min(n, vector ? vectorStripWidth(k) : PANEL);
        double[][] panel = new double[k][strip];
        for (int j0 = 0; j0 < n; j0 += strip) {
            int w = Math.min(strip, n - j0);
            if (w != strip) {
                // the last, narrower strip: arrays of exactly w elements keep the loops simple
                panel = new double[k][w];
            }
            b.fill(j0, w, panel);
            if (vector) {
                vectorStrip(a, aOff, panel, rowInit, c, cOff, i0, i1, k, n, j0, w);
                continue;
            }
            int i = i0;
            for (; i + 1 < i1; i += 2) {
                // Fresh arrays for the two rows of C: on JDK 17, C2 vectorises the loops below only when
                // it can see that the stored-to arrays are not the panel's (passing them in as
                // parameters, or reusing them across iterations, gave scalar code).
                double[] c0 = new double[w];
                double[] c1 = new double[w];
                if (rowInit != null) {
                    java.util.Arrays.fill(c0, rowInit[i]);
                    java.util.Arrays.fill(c1, rowInit[i + 1]);
                }
                int a0 = aOff + i * k;
                int a1 = a0 + k;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    double[] b0 = panel[p];
                    double[] b1 = panel[p + 1];
                    double[] b2 = panel[p + 2];
                    double[] b3 = panel[p + 3];
                    double x0 = a[a0 + p];
                    double x1 = a[a0 + p + 1];
                    double x2 = a[a0 + p + 2];
                    double x3 = a[a0 + p + 3];
                    double y0 = a[a1 + p];
                    double y1 = a[a1 + p + 1];
                    double y2 = a[a1 + p + 2];
                    double y3 = a[a1 + p + 3];
                    for (int j = 0; j < w; j++) {
                        double v0 = b0[j];
                        double v1 = b1[j];
                        double v2 = b2[j];
                        double v3 = b3[j];
                        c0[j] = c0[j] + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                        c1[j] = c1[j] + y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
                    }
                }
                for (; p < k; p++) {
                    double[] b0 = panel[p];
                    double x0 = a[a0 + p];
                    double y0 = a[a1 + p];
                    for (int j = 0; j < w; j++) {
                        double v0 = b0[j];
                        c0[j] = c0[j] + x0 * v0;
                        c1[j] = c1[j] + y0 * v0;
                    }
                }
                System.arraycopy(c0, 0, c, cOff + i * n + j0, w);
                System.arraycopy(c1, 0, c, cOff + (i + 1) * n + j0, w);
            }
            if (i < i1) {
                double[] c0 = new double[w];
                if (rowInit != null) {
                    java.util.Arrays.fill(c0, rowInit[i]);
                }
                int a0 = aOff + i * k;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    double[] b0 = panel[p];
                    double[] b1 = panel[p + 1];
                    double[] b2 = panel[p + 2];
                    double[] b3 = panel[p + 3];
                    double x0 = a[a0 + p];
                    double x1 = a[a0 + p + 1];
                    double x2 = a[a0 + p + 2];
                    double x3 = a[a0 + p + 3];
                    for (int j = 0; j < w; j++) {
                        c0[j] = c0[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                    }
                }
                for (; p < k; p++) {
                    double[] b0 = panel[p];
                    double x0 = a[a0 + p];
                    for (int j = 0; j < w; j++) {
                        c0[j] = c0[j] + x0 * b0[j];
                    }
                }
                System.arraycopy(c0, 0, c, cOff + i * n + j0, w);
            }
        }
    }

    /**
     * Rows [i0, i1) × columns [j0, j0 + w) of C with the {@link VectorGemm} tiles, B's strip packed first; the
     * columns past the last whole vector are summed one element at a time in the same fma order.
     */
    private static void vectorStrip(double[] a, int aOff, double[][] panel, double[] rowInit, double[] c, int cOff,
            int i0, int i1, int k, int n, int j0, int w) {
        int nr = VectorGemm.NR;
        int jn = w - w % nr;
        int jv = w - w % VectorGemm.L;
        int tail = jv - jn;
        // B's columns in blocks of NR, each block k × NR contiguous: packed[(jb·k + p)·NR + q] = panel[p][jb·NR + q];
        // the whole vectors after them in one k × tail block behind.
        double[] packed = new double[jv * k];
        for (int p = 0; p < k; p++) {
            double[] row = panel[p];
            for (int jb = 0, at = p * nr; jb < jn; jb += nr, at += k * nr) {
                System.arraycopy(row, jb, packed, at, nr);
            }
            System.arraycopy(row, jn, packed, jn * k + p * tail, tail);
        }
        vectorTiles(a, aOff, packed, 0, k, nr, tail, rowInit, c, cOff + j0, i0, i1, k, n, jv);
        for (int r = i0; r < i1; r++) {
            double init = rowInit == null ? 0.0 : rowInit[r];
            int ar = aOff + r * k;
            for (int j = jv; j < w; j++) {
                double s = init;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ar + p], panel[p][j], s);
                }
                c[cOff + r * n + j0 + j] = s;
            }
        }
    }

    /**
     * C = rowInit + A · B with B read in place (row-major k × n at {@code b[bOff]}): for shallow products (an
     * im2col matrix of a few rows), where packing would cost as much as the products.
     */
    private static void vectorDirect(double[] a, int aOff, double[] b, int bOff, double[] rowInit, double[] c,
            int cOff, int m, int k, int n) {
        int jv = n - n % VectorGemm.L;
        vectorTiles(a, aOff, b, bOff, 1, n, n, rowInit, c, cOff, 0, m, k, n, jv);
        for (int r = 0; r < m; r++) {
            double init = rowInit == null ? 0.0 : rowInit[r];
            int ar = aOff + r * k;
            for (int j = jv; j < n; j++) {
                double s = init;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ar + p], b[bOff + p * n + j], s);
                }
                c[cOff + r * n + j] = s;
            }
        }
    }

    /**
     * The tiles of rows [i0, i1) × columns [0, jv) (jv a multiple of the vector length), C's column 0 at
     * c[cOff]; the block of B for columns j starts at {@code b[bBase + j·blockScale]}, its rows {@code bStride}
     * apart for whole NR blocks and {@code tailStride} apart for the narrower block after them.
     *
     * <p>Blocked for the caches like a BLIS loop nest: depth in blocks of {@value #KC} and rows in blocks of
     * {@value #MC}, so one NR-wide block of B (KC·NR doubles) stays in L1 while the tiles of MC rows sweep it
     * and those rows of A (MC·KC doubles) stay in L2 while the blocks of B go by. C is reloaded once per depth
     * block, and each element still sees its products in increasing p.
     */
    private static void vectorTiles(double[] a, int aOff, double[] b, int bBase, int blockScale, int bStride,
            int tailStride, double[] rowInit, double[] c, int cOff, int i0, int i1, int k, int n, int jv) {
        int nr = VectorGemm.NR;
        int mr = VectorGemm.MR;
        int jn = jv - jv % nr;
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            for (int ib = i0; ib < i1; ib += MC) {
                int ie = Math.min(i1, ib + MC);
                int full = ib + (ie - ib) / mr * mr;
                for (int j = 0; j < jn; j += nr) {
                    int bj = bBase + j * blockScale;
                    for (int i = ib; i < full; i += mr) {
                        VectorGemm.tile(a, aOff + i * k, b, bj, bStride, rowInit, i, c, cOff + i * n + j, k, k0, kc, n);
                    }
                    for (int v = 0; v < nr; v += VectorGemm.L) {
                        leftoverRows(a, aOff, b, bj + v, bStride, rowInit, c, cOff + j + v, full, ie, k, n, k0, kc);
                    }
                }
                for (int j = jn; j < jv; j += VectorGemm.L) {
                    int bj = bBase + jn * blockScale + (j - jn);
                    int quads = ib + (ie - ib) / VectorGemm.QUAD * VectorGemm.QUAD;
                    for (int i = ib; i < quads; i += VectorGemm.QUAD) {
                        VectorGemm.quadTile(a, aOff + i * k, b, bj, tailStride, rowInit, i, c, cOff + i * n + j, k, k0,
                                kc, n);
                    }
                    leftoverRows(a, aOff, b, bj, tailStride, rowInit, c, cOff + j, quads, ie, k, n, k0, kc);
                }
            }
        }
    }

    /** Rows [from, to) × one vector of columns whose B starts at {@code b[bj]}, C's column at c[cCol]. */
    private static void leftoverRows(double[] a, int aOff, double[] b, int bj, int bStride, double[] rowInit,
            double[] c, int cCol, int from, int to, int k, int n, int k0, int kc) {
        for (int i = from; i < to; i++) {
            double init = rowInit == null ? 0.0 : rowInit[i];
            VectorGemm.rowTile(a, aOff + i * k, b, bj, bStride, init, c, cCol + i * n, k0, kc);
        }
    }

    /** Few columns (e.g. matrix × vector): the textbook loop, one dot product per element. */
    private static void narrow(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        boolean fused = vector; // the same element sums as the path's wide products
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + i * k + p];
                    double y = b[bOff + p * n + j];
                    s = fused ? Math.fma(x, y, s) : s + x * y;
                }
                c[cOff + i * n + j] = s;
            }
        }
    }
}
