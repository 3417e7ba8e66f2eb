package org.javadl.autograd;

/**
 * Walks the indices of a shape in row-major order while keeping up to two flat offsets into other
 * arrays, each with its own strides (0 on a broadcast axis). The broadcasting kernels, reductions and
 * permutations all iterate this way; {@code next(axes)} advances the first {@code axes} axes only, so
 * a kernel can handle the last axis itself as one contiguous run.
 */
final class Odometer {
    private final int[] shape;
    private final int[] s0;
    private final int[] s1;
    private final int[] idx;
    /** Offset into the first array. */
    int o0;
    /** Offset into the second array (0 when there is none). */
    int o1;

    Odometer(int[] shape, int[] strides0, int[] strides1) {
        this.shape = shape;
        this.s0 = strides0;
        this.s1 = strides1 == null ? new int[shape.length] : strides1;
        this.idx = new int[shape.length];
    }

    /** Steps to the next index counting only axes [0, axes) (row-major: the last of them fastest). */
    void next(int axes) {
        for (int i = axes - 1; i >= 0; i--) {
            idx[i]++;
            o0 += s0[i];
            o1 += s1[i];
            if (idx[i] < shape[i]) {
                return;
            }
            o0 -= s0[i] * shape[i];
            o1 -= s1[i] * shape[i];
            idx[i] = 0;
        }
    }
}
