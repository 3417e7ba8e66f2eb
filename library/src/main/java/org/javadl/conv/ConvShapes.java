package org.javadl.conv;

/** Output-size arithmetic of convolution and pooling layers (PyTorch's formula). */
public final class ConvShapes {
    private ConvShapes() {
    }

    /**
     * ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, the output length of a layer with kernel k, stride s, padding p,
     * dilation d (PyTorch Conv1d/Conv2d/MaxPool2d). Example: {@code outputSize(128, 8, 2, 3, 1) == 64}.
     */
    public static int outputSize(int n, int k, int stride, int padding, int dilation) {
        return outputSize("outputSize", n, k, stride, padding, dilation);
    }

    /** The same, naming {@code op} in error messages. */
    public static int outputSize(String op, int n, int k, int stride, int padding, int dilation) {
        if (stride <= 0) {
            throw new IllegalArgumentException(op + ": stride must be positive, got " + stride);
        }
        if (dilation <= 0) {
            throw new IllegalArgumentException(op + ": dilation must be positive, got " + dilation);
        }
        if (padding < 0) {
            throw new IllegalArgumentException(op + ": padding must be >= 0, got " + padding);
        }
        if (k <= 0) {
            throw new IllegalArgumentException(op + ": kernel size must be positive, got " + k);
        }
        if (n <= 0) {
            throw new IllegalArgumentException(op + ": input size must be positive, got " + n);
        }
        int span = dilation * (k - 1) + 1;
        if (span > n + 2 * padding) {
            throw new IllegalArgumentException(op + ": kernel of size " + k + " (dilation " + dilation + ", span "
                    + span + ") is larger than the padded input of size " + (n + 2 * padding) + " (n=" + n
                    + ", padding=" + padding + ")");
        }
        return Math.floorDiv(n + 2 * padding - span, stride) + 1;
    }
}
