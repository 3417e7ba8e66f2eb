package org.javadl.nn;

import java.util.SplittableRandom;

import org.javadl.autograd.Convolution;
import org.javadl.tensor.Tensor;

/**
 * A 2-D convolution layer (PyTorch's {@code nn.Conv2d}, groups = 1): kernels (out, in, k, k) and a bias
 * (out), applied to (N, in, H, W) with a stride, zero padding and dilation. Initialised as PyTorch does,
 * U(−1/√fanIn, 1/√fanIn) with fanIn = in·k². (In a notebook the simple name also matches
 * {@code org.javadl.conv.Conv2d}, the functional homework version; {@code import org.javadl.nn.Conv2d;}
 * picks this one.) Example: {@code new Conv2d(1, 16, 3, 1, 1)} keeps 28 × 28 images 28 × 28.
 */
public final class Conv2d extends WeightedLayer {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;

    /** in → out channels, k × k kernels, stride 1, no padding, with bias, from the shared generator. */
    public Conv2d(int in, int out, int kernel) {
        this(in, out, kernel, 1, 0);
    }

    /** With a stride and padding, from the shared generator. */
    public Conv2d(int in, int out, int kernel, int stride, int padding) {
        this(in, out, kernel, stride, padding, 1, true, Init.generator());
    }

    /** Every option, drawing the initial weights from {@code rng}. */
    public Conv2d(int in, int out, int kernel, int stride, int padding, int dilation, boolean bias,
            SplittableRandom rng) {
        super(kernelShape(in, out, kernel), out, in * kernel * kernel, out * kernel * kernel, bias, rng);
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
    }

    private static int[] kernelShape(int in, int out, int kernel) {
        if (in <= 0 || out <= 0 || kernel <= 0) {
            throw new IllegalArgumentException("Conv2d: channels and kernel size must be positive, got " + in + " → "
                    + out + ", kernel " + kernel);
        }
        return new int[] {out, in, kernel, kernel};
    }

    @Override
    public Tensor forward(Tensor x) {
        return Convolution.conv2d(x, weight(), bias(), stride, stride, padding, padding, dilation, dilation);
    }

    @Override
    public String describe() {
        return "Conv2d(" + in + " → " + out + ", " + kernel + "×" + kernel
                + (stride != 1 ? ", stride " + stride : "") + (padding != 0 ? ", padding " + padding : "")
                + (dilation != 1 ? ", dilation " + dilation : "") + (bias() == null ? ", no bias" : "") + ")";
    }
}
