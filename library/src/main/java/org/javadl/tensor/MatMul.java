package org.javadl.tensor;

/** The matrix-multiply kernel behind {@link Tensor#matmul}: C = A B for row-major arrays. */
final class MatMul {
    private MatMul() {
    }

    /**
     * C (m×n) = A (m×k) · B (k×n) in i-k-j order: the innermost loop is an axpy over contiguous rows
     * of B and C, which HotSpot's superword pass turns into SIMD code (a dot-product inner loop would
     * not vectorise, because the JIT keeps floating-point sums in order). Two rows of B are folded
     * into each pass over the row of C, halving the loads and stores of C per flop. Measured on the
     * benchmark machine this beat a four-rows-of-A variant and k-blocking (see BENCHMARKS.md).
     */
    static double[] multiply(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            int ai = i * k;
            int p = 0;
            for (; p + 1 < k; p += 2) {
                double a0 = a[ai + p];
                double a1 = a[ai + p + 1];
                int b0 = p * n;
                int b1 = b0 + n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j];
                }
            }
            for (; p < k; p++) {
                double av = a[ai + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
        return c;
    }
}
