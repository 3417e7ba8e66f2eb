package org.javadl.conv;

/**
 * Output size of a convolution of an input of length n with a kernel of length k, as in numpy:
 * FULL gives n + k − 1 (every overlap), VALID gives n − k + 1 (complete overlaps only), SAME gives
 * max(n, k) centred on the full output the way {@code numpy.convolve} / {@code numpy.correlate} do it.
 */
public enum Mode {
    /** Every position with any overlap: n + k − 1 outputs. */
    FULL,
    /** Only positions where the kernel lies inside the input: n − k + 1 outputs (requires k ≤ n). */
    VALID,
    /** max(n, k) outputs, centred on the full output (numpy's rule, see {@link Conv1d}). */
    SAME
}
