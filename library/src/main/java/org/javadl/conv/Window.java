package org.javadl.conv;

/**
 * Which part of the full 1-D correlation a mode keeps: output i is full-output index i + offset.
 * The full correlation's index f holds Σ_j x[f + j − (k − 1)] w[j].
 */
final class Window {
    final int offset;
    final int length;

    private Window(int offset, int length) {
        this.offset = offset;
        this.length = length;
    }

    /**
     * numpy's choice. FULL: offset 0, length n+k−1. VALID: offset k−1, length n−k+1. SAME, length
     * max(n, k): for {@code numpy.convolve} the offset is (m − 1) − ⌊m/2⌋ with m = min(n, k) (it
     * swaps its arguments so the kernel is the shorter one); for {@code numpy.correlate} it is
     * (k − 1) − ⌊k/2⌋ when n ≥ k and ⌊n/2⌋ when k &gt; n (it correlates the swapped pair and reverses).
     * For even k that puts the extra output on the left: convolve([1,2,3,4], [1,1], same) = [1,3,5,7].
     */
    static Window of(String op, Mode mode, int n, int k, boolean convolve) {
        switch (mode) {
            case FULL:
                return new Window(0, n + k - 1);
            case VALID:
                if (k > n) {
                    throw new IllegalArgumentException(op + ": kernel of length " + k
                            + " is longer than the input of length " + n + " in VALID mode (no complete overlap)");
                }
                return new Window(k - 1, n - k + 1);
            default:
                int offset;
                if (convolve) {
                    int m = Math.min(n, k);
                    offset = (m - 1) - m / 2;
                } else {
                    offset = n >= k ? (k - 1) - k / 2 : n / 2;
                }
                return new Window(offset, Math.max(n, k));
        }
    }
}
